<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Checklist item</source>
        <translation>评查项</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Findings: {n}</source>
        <translation>问题：{n}</translation>
    </message>
    <message>
        <source>{n} of {total} items with a finding</source>
        <translation>{total} 项中 {n} 项有问题</translation>
    </message>
    <message>
        <source>Allowed: {severities}</source>
        <translation>可选：{severities}</translation>
    </message>
    <message>
        <source>Veto item</source>
        <translation>一票否决项</translation>
    </message>
    <message>
        <source>Basis: {basis}</source>
        <translation>依据：{basis}</translation>
    </message>
</context>
</TS>
