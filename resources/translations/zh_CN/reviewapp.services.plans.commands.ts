<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Plans</name>
    <message>
        <source>Plan {id} does not exist.</source>
        <translation>评查方案 {id} 不存在。</translation>
    </message>
    <message>
        <source>Plan {name} is closed; reopen it to change it.</source>
        <translation>评查方案 {name} 已结束；如需修改请先重新开启。</translation>
    </message>
    <message>
        <source>No unit is called {name}.</source>
        <translation>没有名为 {name} 的单位。</translation>
    </message>
    <message>
        <source>A plan needs a name.</source>
        <translation>评查方案需要名称。</translation>
    </message>
    <message>
        <source>Standard version {id} is not stored.</source>
        <translation>评查标准版本 {id} 未保存。</translation>
    </message>
    <message>
        <source>Reviewers per case must be between 1 and 9.</source>
        <translation>每案评查员人数须在 1 到 9 之间。</translation>
    </message>
    <message>
        <source>The closing-date range ends before it starts.</source>
        <translation>办结日期范围的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Only a draft plan's scope and rule can change.</source>
        <translation>只有草稿状态的方案可以修改范围和规则。</translation>
    </message>
    <message>
        <source>No plan is called {name}.</source>
        <translation>没有名为 {name} 的评查方案。</translation>
    </message>
</context>
</TS>
