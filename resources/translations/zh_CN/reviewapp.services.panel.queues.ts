<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PanelQueues</name>
    <message>
        <source>To reconcile</source>
        <translation>待合议</translation>
    </message>
    <message>
        <source>Objections to rule on</source>
        <translation>待审查异议</translation>
    </message>
    <message>
        <source>Opinions to answer</source>
        <translation>待反馈意见</translation>
    </message>
    <message>
        <source>To determine</source>
        <translation>待审定</translation>
    </message>
    <message>
        <source>Rectifications due and overdue</source>
        <translation>整改到期与逾期</translation>
    </message>
    <message>
        <source>Rectifications to re-check</source>
        <translation>待复查整改</translation>
    </message>
</context>
</TS>
