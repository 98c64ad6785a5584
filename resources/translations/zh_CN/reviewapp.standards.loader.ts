<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>cannot read the file: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <source>not valid YAML: {error}</source>
        <translation>不是有效的 YAML：{error}</translation>
    </message>
</context>
</TS>
