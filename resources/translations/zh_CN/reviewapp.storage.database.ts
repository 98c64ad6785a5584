<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Database</name>
    <message>
        <source>The database is busy: another user or program is saving a large change. Nothing was saved; please try again in a moment.</source>
        <translation>数据库正忙：其他用户或程序正在保存大量更改。本次未保存任何内容，请稍后再试。</translation>
    </message>
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
