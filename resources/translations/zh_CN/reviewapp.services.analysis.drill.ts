<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Analysis</name>
    <message>
        <source>reviewed cases</source>
        <translation>评查案件</translation>
    </message>
    <message>
        <source>closed cases</source>
        <translation>办结案件</translation>
    </message>
    <message>
        <source>cases with problems</source>
        <translation>发现问题的案件</translation>
    </message>
    <message>
        <source>cases with findings</source>
        <translation>存在该问题的案件</translation>
    </message>
</context>
</TS>
