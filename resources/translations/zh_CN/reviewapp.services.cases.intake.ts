<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>suspects or documents changed</source>
        <translation>犯罪嫌疑人或文书有变化</translation>
    </message>
</context>
</TS>
