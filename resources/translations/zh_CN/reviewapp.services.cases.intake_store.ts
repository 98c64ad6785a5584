<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>Case number {written} differs from the stored cases {numbers} only in its brackets; which one it is cannot be told, so the row was not imported. Write the number as the case meant is stored.</source>
        <translation>部门受案号 {written} 与库中案件 {numbers} 均仅括号写法不同，无法判断指哪一件，该行未导入。请按所指案件在库中的写法填写部门受案号。</translation>
    </message>
    <message>
        <source>Case number {written} differs from the stored case {number} only in its brackets; taken as that case, whose number is kept as stored</source>
        <translation>部门受案号 {written} 与库中案件 {number} 仅括号写法不同，按同一案件处理，部门受案号保留库中写法</translation>
    </message>
</context>
</TS>
