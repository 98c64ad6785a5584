<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>the column is missing (the sheet's headings are {headings}): add it, or rename the column that holds it to {field}</source>
        <translation>缺少该列（本表的列标题为：{headings}）：请添加该列，或将相应的列改名为“{field}”</translation>
    </message>
    <message>
        <source> (it may also be headed {words})</source>
        <translation>（也可写作：{words}）</translation>
    </message>
</context>
</TS>
