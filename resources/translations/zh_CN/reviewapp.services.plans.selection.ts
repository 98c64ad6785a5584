<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Plans</name>
    <message>
        <source> (leader)</source>
        <translation>（领导）</translation>
    </message>
    <message>
        <source>sampled: {n} of {total} closed cases of {who}{lead}, seed {seed}</source>
        <translation>随机抽查：{who}{lead}已办结 {total} 件中抽取 {n} 件，随机种子 {seed}</translation>
    </message>
    <message>
        <source>matches the saved filter {name}</source>
        <translation>符合保存的筛选条件 {name}</translation>
    </message>
    <message>
        <source>every closed case in scope (每案必检)</source>
        <translation>范围内全部已办结案件（每案必检）</translation>
    </message>
    <message>
        <source>No case has the number {no}.</source>
        <translation>没有部门受案号为 {no} 的案件。</translation>
    </message>
    <message>
        <source>Say why the case is added.</source>
        <translation>请说明添加案件的理由。</translation>
    </message>
    <message>
        <source>Only closed cases are reviewed.</source>
        <translation>只评查已办结的案件。</translation>
    </message>
    <message>
        <source>Case {no} is already in the plan.</source>
        <translation>案件 {no} 已在方案中。</translation>
    </message>
    <message>
        <source>Say why the case is removed.</source>
        <translation>请说明移除案件的理由。</translation>
    </message>
    <message>
        <source>The case is not in the plan.</source>
        <translation>该案件不在方案中。</translation>
    </message>
</context>
</TS>
