<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Database</name>
    <message>
        <source>The database {db} was written by a newer version of this application (schema {rev}). Please update the application; the database was not changed.</source>
        <translation>数据库 {db} 由更新版本的评查工作台创建（结构版本 {rev}）。请升级本程序；数据库未作任何改动。</translation>
    </message>
</context>
</TS>
