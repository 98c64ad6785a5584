<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>Case number {written} differs from {number} on the cases sheet only in its brackets; taken as that case</source>
        <translation>部门受案号 {written} 与案件表中的 {number} 仅括号写法不同，按同一案件处理</translation>
    </message>
    <message>
        <source>No imported case has the number {number} (its case row is missing or was rejected)</source>
        <translation>没有部门受案号为 {number} 的已导入案件（案件行缺失或已被拒收）</translation>
    </message>
</context>
</TS>
