<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>not a readable workbook: {error}</source>
        <translation>不是可读取的 Excel 工作簿：{error}</translation>
    </message>
    <message>
        <source>the row {field} is missing</source>
        <translation>缺少“{field}”行</translation>
    </message>
    <message>
        <source>code {code} is also on row {row}: Excel stored these codes as numbers, so 1.10 reads as 1.1 — set the column's format to text and type the codes again</source>
        <translation>代码 {code} 与第 {row} 行重复：Excel 将这些代码存成了数字，1.10 会读成 1.1——请将该列设为文本格式后重新输入代码</translation>
    </message>
    <message>
        <source>the sheet {sheet} is missing</source>
        <translation>缺少工作表“{sheet}”</translation>
    </message>
    <message>
        <source>the cell holds the formula {formula} but not its result (the file was written by a program): open the workbook in Excel or WPS and save it, or type the value</source>
        <translation>单元格中是公式 {formula}，但没有保存计算结果（该文件由程序生成）：请用 Excel 或 WPS 打开工作簿并保存，或直接填写数值</translation>
    </message>
    <message>
        <source>the column heading is in columns {first} and {second} (hidden columns count too): delete or rename the one that is not meant</source>
        <translation>该列标题同时出现在第 {first} 列和第 {second} 列（隐藏的列也算在内）：请删除或改名不需要的那一列</translation>
    </message>
    <message>
        <source>the column is missing</source>
        <translation>缺少该列</translation>
    </message>
    <message>
        <source>{value} is neither yes nor no</source>
        <translation>{value} 不是“是”或“否”</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
    <message>
        <source>write each pair as 瑕疵=基本合格</source>
        <translation>每组对应关系请写成“瑕疵=基本合格”的形式</translation>
    </message>
</context>
</TS>
