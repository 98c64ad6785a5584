<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>Case number {number} already appears in row {row} with different content</source>
        <translation>部门受案号 {number} 已在第 {row} 行出现，且内容不同</translation>
    </message>
    <message>
        <source>Case number {number} already appears in row {row} with different content: {column} is “{first}” there and “{second}” here</source>
        <translation>部门受案号 {number} 已在第 {row} 行出现，且内容不同：{column}在该行为“{first}”，在本行为“{second}”</translation>
    </message>
    <message>
        <source>The same as row {row} but for spaces around a value or a date or number typed as text: the same case, imported once from row {row}</source>
        <translation>与第 {row} 行仅在值前后空格或日期、数字是否写成文本上不同：同一案件，按第 {row} 行导入一次</translation>
    </message>
</context>
</TS>
