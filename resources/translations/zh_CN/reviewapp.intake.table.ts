<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>A value is required here</source>
        <translation>此项为必填项，不能为空</translation>
    </message>
</context>
</TS>
