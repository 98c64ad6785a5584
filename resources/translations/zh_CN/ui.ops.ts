<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BusyIndicator</name>
    <message>
        <source>The database is busy, waiting…</source>
        <translation>数据库忙，正在等待…</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>停止等待</translation>
    </message>
</context>
</TS>
