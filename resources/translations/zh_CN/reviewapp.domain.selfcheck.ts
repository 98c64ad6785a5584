<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SelfCheck</name>
    <message>
        <source>Items not answered: {codes}.</source>
        <translation>以下检查项未作答：{codes}。</translation>
    </message>
    <message>
        <source>Items answered 否 need a note: {codes}.</source>
        <translation>答“否”的检查项须填写说明：{codes}。</translation>
    </message>
</context>
</TS>
