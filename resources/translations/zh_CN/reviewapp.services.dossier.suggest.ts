<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewUndo</name>
    <message>
        <source>accept suggestion {rule}</source>
        <translation>采纳建议 {rule}</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>Unknown check {rule}.</source>
        <translation>未知的校验规则{rule}。</translation>
    </message>
    <message>
        <source>Check {rule} found nothing in case {case}.</source>
        <translation>校验规则{rule}在案件{case}中未发现问题。</translation>
    </message>
</context>
</TS>
