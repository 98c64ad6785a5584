<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>Required column {columns} is missing; no row of this sheet was imported</source>
        <translation>缺少必填列“{columns}”，本工作表的所有行均未导入</translation>
    </message>
    <message>
        <source>Columns {first} ({first_letter}) and {second} ({second_letter}) hold the same field; it cannot be told which is right, so no row of this sheet was imported. Remove or rename one of them.</source>
        <translation>列“{first}”（{first_letter}列）与列“{second}”（{second_letter}列）是同一字段，无法判断以哪一列为准，本工作表未导入任何行。请删除其中一列或为其改名。</translation>
    </message>
    <message>
        <source>Unknown case type '{value}'; allowed: {allowed}</source>
        <translation>案件类别“{value}”无法识别；可填：{allowed}</translation>
    </message>
    <message>
        <source>{value} is outside the allowed range 0–{high}</source>
        <translation>{value} 超出允许范围 0–{high}</translation>
    </message>
    <message>
        <source>No header row with the key column {column}; sheet not imported</source>
        <translation>未找到含关键列“{column}”的表头行，本工作表未导入</translation>
    </message>
</context>
</TS>
