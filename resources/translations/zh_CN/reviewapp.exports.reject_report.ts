<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RejectReport</name>
    <message>
        <source>Columns kept as unmapped extras: {columns}</source>
        <translation>作为未映射附加列保留的列：{columns}</translation>
    </message>
    <message>
        <source>Exact copy of an earlier row: skipped</source>
        <translation>与前面某行完全相同：已跳过</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Not applied (under review)</source>
        <translation>未更新（评查中）</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>部门受案号</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>已保存的值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Not read or skipped</source>
        <translation>未读取或已跳过</translation>
    </message>
    <message>
        <source>What and why</source>
        <translation>内容及原因</translation>
    </message>
</context>
</TS>
