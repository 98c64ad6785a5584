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
        <source>the workbook has the sheet {sheet} and the sheet {other}, and either could hold this table: delete or rename the one that is not meant</source>
        <translation>工作簿中既有工作表“{sheet}”又有工作表“{other}”，两者都可能是这张表：请删除或改名不需要的那一个</translation>
    </message>
    <message>
        <source>the sheet {sheet} is missing (the workbook has {sheets})</source>
        <translation>缺少工作表“{sheet}”（该工作簿中的工作表为：{sheets}）</translation>
    </message>
    <message>
        <source>; the sheets {sheets} could each be it: keep one</source>
        <translation>；工作表 {sheets} 都可能是它：请只保留一个</translation>
    </message>
    <message>
        <source>; a sheet per case type is read when its name is the case type (评查项（审查起诉）, 审查逮捕): name each so, or put all rows on the sheet {sheet} with their case types in the column 适用案件类别</source>
        <translation>；按案件类别分设的工作表须以案件类别命名（如“评查项（审查起诉）”“审查逮捕”）才会被读取：请这样命名各表，或将所有行放在工作表“{sheet}”中，并在“适用案件类别”列填写每行的案件类别</translation>
    </message>
    <message>
        <source>the cell holds the formula {formula} but not its result (the file was written by a program): open the workbook in Excel or WPS and save it, or type the value</source>
        <translation>单元格中是公式 {formula}，但没有保存计算结果（该文件由程序生成）：请用 Excel 或 WPS 打开工作簿并保存，或直接填写数值</translation>
    </message>
    <message>
        <source>Sheet {sheet}: hidden rows not imported: {rows} (a row hidden in a checklist is taken for a withdrawn item); if any is current, unhide it and import again.</source>
        <translation>工作表“{sheet}”：以下隐藏行未导入：{rows}（评查表中隐藏的行视为已废止的评查项）；如其中有仍然有效的，请取消隐藏后重新导入。</translation>
    </message>
    <message>
        <source>Sheet {sheet}: rows hidden by the sheet's filter, imported all the same: {rows} (a filter only hides rows from view); delete any that is not meant in the workbook.</source>
        <translation>工作表“{sheet}”：以下行被筛选隐藏，仍已导入：{rows}（筛选只是暂时不显示）；如有不需要的，请在工作簿中删除。</translation>
    </message>
    <message>
        <source>the column is missing (the headings on row {row} are {headings}): add it, or rename the column that holds it to {field}</source>
        <translation>缺少该列（第 {row} 行的列标题为：{headings}）：请添加该列，或将相应的列改名为“{field}”</translation>
    </message>
    <message>
        <source>the column heading is in columns {first} and {second} (hidden columns count too): delete or rename the one that is not meant</source>
        <translation>该列标题同时出现在第 {first} 列和第 {second} 列（隐藏的列也算在内）：请删除或改名不需要的那一列</translation>
    </message>
</context>
</TS>
