<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewForm</name>
    <message>
        <source>{file} is not a readable review form: {error}</source>
        <translation>{file} 不是可读取的评查表：{error}</translation>
    </message>
    <message>
        <source>{file}: the sheet {sheet} is missing; is this a review form?</source>
        <translation>{file}：缺少工作表 {sheet}，这是评查表吗？</translation>
    </message>
    <message>
        <source>{file}: sheet {sheet} has no column {columns}.</source>
        <translation>{file}：工作表 {sheet} 缺少列 {columns}。</translation>
    </message>
    <message>
        <source>A reason or evidence is written but no severity is chosen.</source>
        <translation>已填写理由或证据，但未选择问题等级。</translation>
    </message>
    <message>
        <source>Unknown item code {code}.</source>
        <translation>未知的评查项代码 {code}。</translation>
    </message>
    <message>
        <source>Item {code} does not apply to {case_type} cases.</source>
        <translation>评查项 {code} 不适用于{case_type}案件。</translation>
    </message>
    <message>
        <source>Item {code} is already filled in row {row}.</source>
        <translation>评查项 {code} 已在第 {row} 行填写。</translation>
    </message>
    <message>
        <source>Severity {severity} is not allowed for item {code}; allowed: {allowed}.</source>
        <translation>评查项 {code} 不能认定为{severity}，可选：{allowed}。</translation>
    </message>
    <message>
        <source>A finding needs a reason.</source>
        <translation>问题须写明理由。</translation>
    </message>
    <message>
        <source>A deduction cannot be negative.</source>
        <translation>扣分不能为负数。</translation>
    </message>
    <message>
        <source>Pages are given but no dossier document.</source>
        <translation>填写了页码，但未填写卷宗文书。</translation>
    </message>
    <message>
        <source>Give the pages of each document, '；'-separated in the same order ({n} documents).</source>
        <translation>请按文书顺序填写各文书的页码，用“；”分隔（共 {n} 份文书）。</translation>
    </message>
    <message>
        <source>No document titled {title} in this case's dossier.</source>
        <translation>本案卷宗中没有名为“{title}”的文书。</translation>
    </message>
    <message>
        <source>Page numbers start at 1.</source>
        <translation>页码从 1 开始。</translation>
    </message>
    <message>
        <source>Unknown criterion {code}.</source>
        <translation>未知的优质标准 {code}。</translation>
    </message>
</context>
</TS>
