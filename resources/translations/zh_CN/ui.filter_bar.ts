<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FilterBar</name>
    <message>
        <source>Search case number, name, prosecutor or charge…</source>
        <translation>搜索受案号、案件名称、承办检察官或案由…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>未评查</translation>
    </message>
    <message>
        <source>With open checks</source>
        <translation>有待处理校验</translation>
    </message>
    <message>
        <source>Without open checks</source>
        <translation>无待处理校验</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>Prosecutor</source>
        <translation>承办检察官</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>案件类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>办结状态</translation>
    </message>
    <message>
        <source>Accepted from</source>
        <translation>受理日期从</translation>
    </message>
    <message>
        <source>Closed from</source>
        <translation>办结日期从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>评查方案</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评查</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>校验</translation>
    </message>
</context>
</TS>
