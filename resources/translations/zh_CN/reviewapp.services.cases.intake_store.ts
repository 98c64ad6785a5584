<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>Case number {written} differs from the stored case {number} only in its brackets; taken as that case, whose number is kept as stored</source>
        <translation>部门受案号 {written} 与库中案件 {number} 仅括号写法不同，按同一案件处理，部门受案号保留库中写法</translation>
    </message>
</context>
</TS>
