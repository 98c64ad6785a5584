<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliLookup</name>
    <message>
        <source>A case number is required.</source>
        <translation>请提供案号。</translation>
    </message>
    <message>
        <source>No case has the number {number}.</source>
        <translation>没有案号为 {number} 的案件。</translation>
    </message>
    <message>
        <source>The number {number} matches several cases: {cases}. Give the 部门受案号.</source>
        <translation>案号 {number} 对应多个案件：{cases}。请使用部门受案号。</translation>
    </message>
</context>
</TS>
