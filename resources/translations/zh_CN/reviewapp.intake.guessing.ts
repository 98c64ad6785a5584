<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Guessing</name>
    <message>
        <source>known column name</source>
        <translation>已知列名</translation>
    </message>
    <message>
        <source>name used by an older case system</source>
        <translation>旧版业务系统使用的列名</translation>
    </message>
    <message>
        <source>similar column name</source>
        <translation>列名相近</translation>
    </message>
    <message>
        <source>the values are dates</source>
        <translation>该列的值为日期</translation>
    </message>
    <message>
        <source>the values look like case numbers</source>
        <translation>该列的值形如案号</translation>
    </message>
    <message>
        <source>the values are units in the database</source>
        <translation>该列的值为数据库中已有的单位</translation>
    </message>
    <message>
        <source>no match: kept as an unmapped extra column</source>
        <translation>无匹配：作为未映射附加列保留</translation>
    </message>
</context>
</TS>
