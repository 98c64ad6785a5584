<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliChecks</name>
    <message>
        <source>not a date (YYYY-MM-DD): {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run the automatic pre-screening checks and print what they found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部门受案号 (default: every case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the day open cases are measured on (default: today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only cases whose card changed since they were last checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown case number(s): {numbers}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>violation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checkable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
