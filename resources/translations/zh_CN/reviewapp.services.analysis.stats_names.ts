<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Analysis</name>
    <message>
        <source>{department} ({unit})</source>
        <translation>{department}（{unit}）</translation>
    </message>
    <message>
        <source>(no business line)</source>
        <translation>（未填业务条线）</translation>
    </message>
    <message>
        <source>No {what} is called “{name}”.</source>
        <translation>没有名为“{name}”的{what}。</translation>
    </message>
    <message>
        <source>“{name}” names several {what}s: {names}. Write more of the name.</source>
        <translation>“{name}”对应多个{what}：{names}。请写出更完整的名称。</translation>
    </message>
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
        <source>review type</source>
        <translation>评查类型</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>评查方案</translation>
    </message>
</context>
</TS>
