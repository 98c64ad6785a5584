<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>Longer than this field allows: at most {limit} characters</source>
        <translation>超出该字段允许的长度：最多{limit}个字符</translation>
    </message>
    <message>
        <source>Starts with '{char}' like a spreadsheet formula: imported as text, and shown as text (never computed) in the workbooks this application writes</source>
        <translation>以“{char}”开头，形同电子表格公式：已作为文本导入，本程序生成的工作簿中也按文本显示（不会计算）</translation>
    </message>
    <message>
        <source>Row(s) {rows} hidden in Excel (by a filter or by hand) were read like the others; if they are not meant to be imported, delete them in the workbook and import again</source>
        <translation>第 {rows} 行在 Excel 中被隐藏（筛选或手工隐藏），已与其他行一样读入；如不应导入，请在工作簿中删除这些行后重新导入</translation>
    </message>
    <message>
        <source>A total or note row (合计, 制表人, 导出时间 …), not a data row: skipped</source>
        <translation>合计行或说明行（合计、制表人、导出时间等），不是数据行：已跳过</translation>
    </message>
    <message>
        <source>A value is required here</source>
        <translation>此项为必填项，不能为空</translation>
    </message>
    <message>
        <source>Excel formula error {error}: the cell holds no value</source>
        <translation>Excel 公式错误 {error}：该单元格没有值</translation>
    </message>
    <message>
        <source>Excel formula error {error}: imported as empty</source>
        <translation>Excel 公式错误 {error}：已按空值导入</translation>
    </message>
</context>
</TS>
