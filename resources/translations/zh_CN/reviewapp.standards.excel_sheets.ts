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
        <source>an Excel 97–2003 workbook (.xls) cannot be read: open it in Excel or WPS and save it as an Excel workbook (.xlsx)</source>
        <translation>无法读取 Excel 97–2003 工作簿（.xls）：请用 Excel 或 WPS 打开，另存为 Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>not an Excel workbook (.xlsx) — a CSV or other file renamed .xlsx is not one: save it from Excel or WPS as an Excel workbook (.xlsx)</source>
        <translation>不是 Excel 工作簿（.xlsx）——改了扩展名的 CSV 或其他文件不是工作簿：请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>the sheet {sheet} is missing (the workbook has {sheets})</source>
        <translation>缺少工作表“{sheet}”（该工作簿中的工作表为：{sheets}）</translation>
    </message>
    <message>
        <source>; one sheet per case type is not read: put all rows on the sheet {sheet} and give each row its case types in the column 适用案件类别</source>
        <translation>；不支持按案件类别分设工作表：请将所有行放在工作表“{sheet}”中，并在“适用案件类别”列填写每行适用的案件类别</translation>
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
