<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>the row {field} is missing</source>
        <translation>缺少“{field}”行</translation>
    </message>
    <message>
        <source>the row holds only {value}, which is no entry of this sheet — a heading, total or note row is not read: delete the row, or fill it in as an entry</source>
        <translation>该行只有“{value}”，不是本工作表的条目——标题行、合计行或说明行不会被读取：请删除该行，或按条目填写完整</translation>
    </message>
    <message>
        <source>code {code} is also on row {row}: Excel stored these codes as numbers, so 1.10 reads as 1.1 — set the column's format to text and type the codes again</source>
        <translation>代码 {code} 与第 {row} 行重复：Excel 将这些代码存成了数字，1.10 会读成 1.1——请将该列设为文本格式后重新输入代码</translation>
    </message>
</context>
</TS>
