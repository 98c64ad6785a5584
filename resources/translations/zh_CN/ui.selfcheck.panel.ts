<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SelfCheckPanel</name>
    <message>
        <source>No submitted self-check form (个人自查表 / 部门核查表) for this case yet.</source>
        <translation>本案尚无已提交的个人自查表或部门核查表。</translation>
    </message>
    <message>
        <source>{title} — submitted by {who} on {when}; standard {standard}</source>
        <translation>{title} — {who} 于 {when} 提交；评查标准 {standard}</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) answered No</source>
        <translation>
            <numerusform>%n 项答“否”</numerusform>
        </translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>是否规范</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>检查项内容</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
</TS>
