<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QueuesView</name>
    <message>
        <source>My review process queues</source>
        <translation>我的评查流程待办</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Timeline…</source>
        <translation>流转记录(&amp;T)…</translation>
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
        <source>Review file</source>
        <translation>评查受案号</translation>
    </message>
    <message>
        <source>Prosecutor</source>
        <translation>承办检察官</translation>
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
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>Your roles have no queue in the review process.</source>
        <translation>您的角色在评查流程中没有待办队列。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) wait for you.</source>
        <translation>
            <numerusform>共 %n 项待办。</numerusform>
        </translation>
    </message>
</context>
</TS>
