<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProgressView</name>
    <message>
        <source>Plan progress</source>
        <translation>方案进度</translation>
    </message>
    <message>
        <source>Reviewer / unit</source>
        <translation>评查员 / 单位</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>评查中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>评查方案</translation>
    </message>
    <message>
        <source>No plans yet.</source>
        <translation>尚无评查方案。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Reviewer: {name}</source>
        <translation>评查员：{name}</translation>
    </message>
    <message>
        <source>Unit: {name}</source>
        <translation>单位：{name}</translation>
    </message>
    <message>
        <source>{cases} cases in the plan, {n} without a reviewer; due {due}.</source>
        <translation>方案共 {cases} 件，{n} 件未分配评查员；截止日期 {due}。</translation>
    </message>
</context>
</TS>
