<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewUndo</name>
    <message>
        <source>change the 优质 criteria</source>
        <translation>修改优质案件标准</translation>
    </message>
    <message>
        <source>choose the grade</source>
        <translation>选定等次</translation>
    </message>
</context>
<context>
    <name>Reviews</name>
    <message>
        <source>Choose who reviews the case.</source>
        <translation>请选择评查员。</translation>
    </message>
    <message>
        <source>The review cannot be submitted:
{problems}</source>
        <translation>评查不能提交：
{problems}</translation>
    </message>
    <message>
        <source>Write why the review is reopened.</source>
        <translation>请写明重新打开评查的理由。</translation>
    </message>
    <message>
        <source>Only a submitted review can be reopened.</source>
        <translation>只有已提交的评查才能重新打开。</translation>
    </message>
    <message>
        <source>Criterion {codes} is not in standard {standard}.</source>
        <translation>优质标准 {codes} 不在评查标准 {standard} 中。</translation>
    </message>
    <message>
        <source>Grade {grade} is not a grade of scheme {scheme}.</source>
        <translation>{grade} 不是等次方案“{scheme}”中的等次。</translation>
    </message>
</context>
</TS>
