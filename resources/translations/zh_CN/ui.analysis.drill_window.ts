<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DrillWindow</name>
    <message>
        <source>Cases behind the figure</source>
        <translation>数字对应的案件</translation>
    </message>
    <message>
        <source>Open the case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <source>Department case number</source>
        <translation>部门受案号</translation>
    </message>
    <message>
        <source>Case name</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Prosecutor</source>
        <translation>承办检察官</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Review number</source>
        <translation>评查受案号</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Formed on</source>
        <translation>形成评查意见日期</translation>
    </message>
    <message>
        <source> (the first {n} shown)</source>
        <translation>（仅显示前{n}件）</translation>
    </message>
    <message>
        <source>{what}: {n} cases{more}</source>
        <translation>{what}：{n}件{more}</translation>
    </message>
</context>
</TS>
