<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case number</source>
        <translation>部门受案号</translation>
    </message>
    <message>
        <source>Case name</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>案件类别</translation>
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
        <source>Charge</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Closing date</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>评查方案</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>评查状态</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Open checks</source>
        <translation>待处理校验</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>未评查</translation>
    </message>
</context>
<context>
    <name>EmptyNote</name>
    <message>
        <source>No case matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的案件。</translation>
    </message>
</context>
</TS>
