<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TimelineModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Review of</source>
        <translation>评查对象</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Review timeline</source>
        <translation>评查流转记录</translation>
    </message>
    <message>
        <source>Routing &amp;sheet (PDF)…</source>
        <translation>评查流转单(&amp;S)（PDF）…</translation>
    </message>
    <message>
        <source>Review timeline — {number}</source>
        <translation>评查流转记录 — {number}</translation>
    </message>
    <message>
        <source>Review file {number} · case {case} {name} · {status} · panel: {members}</source>
        <translation>评查卷 {number} · 案件 {case} {name} · {status} · 评查组：{members}</translation>
    </message>
    <message>
        <source>review file</source>
        <translation>评查卷</translation>
    </message>
    <message>
        <source>Save the routing sheet</source>
        <translation>保存评查流转单</translation>
    </message>
    <message>
        <source>Routing sheet written: {file}</source>
        <translation>评查流转单已写入：{file}</translation>
    </message>
</context>
</TS>
