<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Analysis</name>
    <message>
        <source>Statistics cannot be broken down by “{by}”: use one of {known}.</source>
        <translation>统计不能按“{by}”分组：请使用 {known} 之一。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
</TS>
