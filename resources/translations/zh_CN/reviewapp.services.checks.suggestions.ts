<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewUndo</name>
    <message>
        <source>accept suggestion {rule}</source>
        <translation>采纳建议 {rule}</translation>
    </message>
    <message>
        <source>dismiss suggestion {rule}</source>
        <translation>不采纳建议 {rule}</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>Item {code} is not in standard {standard}.</source>
        <translation>评查标准{standard}中没有评查项{code}。</translation>
    </message>
    <message>
        <source>Item {code} does not apply to {case_type} cases.</source>
        <translation>评查项{code}不适用于{case_type}案件。</translation>
    </message>
    <message>
        <source>Unknown check {rule}.</source>
        <translation>未知的校验规则{rule}。</translation>
    </message>
    <message>
        <source>Check {rule} found nothing in case {case}.</source>
        <translation>校验规则{rule}在案件{case}中未发现问题。</translation>
    </message>
    <message>
        <source>Write why the suggestion is dismissed.</source>
        <translation>请填写不采纳该建议的理由。</translation>
    </message>
</context>
</TS>
