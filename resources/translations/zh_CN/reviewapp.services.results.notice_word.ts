<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Notices</name>
    <message>
        <source>There is no notice #{id}.</source>
        <translation>没有编号为 #{id} 的通知书。</translation>
    </message>
</context>
</TS>
