<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Who is working?</source>
        <translation>当前操作人员</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
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
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Choose from the roster</source>
        <translation>从名册中选择</translation>
    </message>
    <message>
        <source>Add yourself</source>
        <translation>新增本人</translation>
    </message>
    <message>
        <source>Every change you make is recorded under your name.</source>
        <translation>您所做的每一项修改都将以您的名义记录。</translation>
    </message>
    <message>
        <source>Choose a person, or add yourself.</source>
        <translation>请选择人员，或新增本人。</translation>
    </message>
</context>
</TS>
