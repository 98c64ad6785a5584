<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliChecks</name>
    <message>
        <source>not a date (YYYY-MM-DD): {text}</source>
        <translation>不是有效日期（YYYY-MM-DD）：{text}</translation>
    </message>
    <message>
        <source>run the automatic pre-screening checks and print what they found</source>
        <translation>运行自动预检并列出发现的问题</translation>
    </message>
    <message>
        <source>部门受案号 (default: every case)</source>
        <translation>部门受案号（默认：全部案件）</translation>
    </message>
    <message>
        <source>the day open cases are measured on (default: today)</source>
        <translation>未办结案件按哪一天计算（默认：今天）</translation>
    </message>
    <message>
        <source>only cases whose card changed since they were last checked</source>
        <translation>只检查上次校验后案卡有变化的案件</translation>
    </message>
    <message>
        <source>violation</source>
        <translation>违规</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>not checkable</source>
        <translation>无法检查</translation>
    </message>
</context>
</TS>
