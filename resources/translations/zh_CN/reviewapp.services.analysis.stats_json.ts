<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Analysis</name>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>prosecutor</source>
        <translation>承办检察官</translation>
    </message>
    <message>
        <source>business line</source>
        <translation>业务条线</translation>
    </message>
    <message>
        <source>review type</source>
        <translation>评查类型</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>评查方案</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>评查员</translation>
    </message>
</context>
</TS>
