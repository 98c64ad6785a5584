<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Process</name>
    <message>
        <source>Review file {id} does not exist.</source>
        <translation>评查卷 {id} 不存在。</translation>
    </message>
    <message>
        <source>Attachment {file} does not exist.</source>
        <translation>附件 {file} 不存在。</translation>
    </message>
</context>
</TS>
