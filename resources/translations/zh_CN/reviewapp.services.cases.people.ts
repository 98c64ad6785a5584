<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Roster</name>
    <message>
        <source>A name is required.</source>
        <translation>必须填写姓名。</translation>
    </message>
    <message>
        <source>A department needs its unit.</source>
        <translation>填写部门时须同时填写所属单位。</translation>
    </message>
</context>
</TS>
