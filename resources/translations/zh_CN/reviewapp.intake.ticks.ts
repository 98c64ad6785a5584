<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>Column {column} marks yes with {mark} and leaves the other cells empty: an empty cell there is read as 否 (no). If empty means 'not known' in this file, write 否 or × where it is no and import again</source>
        <translation>“{column}”列用“{mark}”标记“是”，其余单元格留空：该列的空白单元格按“否”读取。如本文件中空白表示“不详”，请在应为“否”的单元格填写“否”或“×”后重新导入</translation>
    </message>
</context>
</TS>
