<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComparisonModel</name>
    <message>
        <source>{title} p. {page}</source>
        <translation>{title} 第{page}页</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>评查项目</translation>
    </message>
    <message>
        <source>Panel opinion</source>
        <translation>评查组意见</translation>
    </message>
    <message>
        <source>{name} (lead reviewer)</source>
        <translation>{name}（主评查员）</translation>
    </message>
    <message>
        <source>to reconcile</source>
        <translation>待合议</translation>
    </message>
    <message>
        <source>no problem</source>
        <translation>未发现问题</translation>
    </message>
</context>
</TS>
