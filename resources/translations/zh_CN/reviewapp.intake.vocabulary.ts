<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>'{value}' is not a known {column}; allowed: {allowed}</source>
        <translation>{column}“{value}”无法识别；可填：{allowed}</translation>
    </message>
    <message>
        <source>The value words must be a table of fields.</source>
        <translation>取值词表必须是按字段组织的映射表。</translation>
    </message>
    <message>
        <source>The value words of {field} must be a table: stored word → spellings.</source>
        <translation>{field} 的取值词表必须是映射表：标准值 → 各种写法。</translation>
    </message>
    <message>
        <source>A vocabulary file needs a 'fields' table.</source>
        <translation>词表文件需要一个“fields”映射表。</translation>
    </message>
    <message>
        <source>The vocabulary of {field} must be a table.</source>
        <translation>{field} 的词表必须是映射表。</translation>
    </message>
    <message>
        <source>The value vocabulary {file} cannot be read: {error}</source>
        <translation>无法读取取值词表 {file}：{error}</translation>
    </message>
</context>
</TS>
