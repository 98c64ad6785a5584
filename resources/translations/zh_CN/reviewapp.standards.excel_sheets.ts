<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
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
</context>
</TS>
