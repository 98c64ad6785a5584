<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QueueView</name>
    <message>
        <source>My review tasks</source>
        <translation>我的评查任务</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>评查方案</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>部门受案号</translation>
    </message>
    <message>
        <source>Case name</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message numerus="yes">
        <source>%n assigned case(s)</source>
        <translation>
            <numerusform>共 %n 件分配的案件</numerusform>
        </translation>
    </message>
    <message>
        <source>No case is assigned to you yet. Once a review administrator (评查管理员) assigns reviewers in a review plan (评查方案), your cases are listed here; Enter or a double click opens one.</source>
        <translation>还没有分配给您的案件。评查管理员在评查方案中分配评查员后，您的案件会列在这里；按回车或双击即可打开。</translation>
    </message>
</context>
</TS>
