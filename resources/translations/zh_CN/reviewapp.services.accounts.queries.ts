<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>There is no account {login}.</source>
        <translation>没有账户 {login}。</translation>
    </message>
</context>
</TS>
