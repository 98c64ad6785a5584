<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Process</name>
    <message>
        <source>Objection {id} does not exist.</source>
        <translation>异议 {id} 不存在。</translation>
    </message>
    <message>
        <source>Review file {number} has no objections to rule on.</source>
        <translation>评查卷 {number} 没有待审查的异议。</translation>
    </message>
    <message>
        <source>Objection {id} has already been ruled on.</source>
        <translation>异议 {id} 已经审查。</translation>
    </message>
    <message>
        <source>Write the reason for the ruling.</source>
        <translation>请写明审查理由。</translation>
    </message>
    <message>
        <source>The finding objected to is no longer in the opinion.</source>
        <translation>被提出异议的问题已不在评查意见中。</translation>
    </message>
</context>
</TS>
