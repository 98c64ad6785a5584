<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseReportExport</name>
    <message>
        <source>Save the case review report</source>
        <translation>保存个案评查报告</translation>
    </message>
    <message>
        <source>The case review report was not written: {error}</source>
        <translation>个案评查报告未能生成：{error}</translation>
    </message>
    <message>
        <source>The case review report was not written because of an unexpected error.</source>
        <translation>由于意外错误，个案评查报告未能生成。</translation>
    </message>
</context>
</TS>
