<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FigureChart</name>
    <message>
        <source>No figures for this period and these filters.</source>
        <translation>本期间和筛选条件下没有统计数据。</translation>
    </message>
</context>
</TS>
