<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen the review</source>
        <translation>重新打开评查</translation>
    </message>
    <message>
        <source>Why is the submitted review reopened?</source>
        <translation>为什么重新打开已提交的评查？</translation>
    </message>
    <message>
        <source>The reason is recorded with your name.</source>
        <translation>理由将以您的名义记录在案。</translation>
    </message>
    <message>
        <source>Write the reason first.</source>
        <translation>请先填写理由。</translation>
    </message>
</context>
</TS>
