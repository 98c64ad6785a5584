<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Database</name>
    <message>
        <source>The database {db} cannot be opened: {reason}</source>
        <translation>无法打开数据库 {db}：{reason}</translation>
    </message>
    <message>
        <source>The upgrade left {n} broken references; nothing was changed.</source>
        <translation>升级后有 {n} 处引用失效；数据库未作任何改动。</translation>
    </message>
</context>
</TS>
