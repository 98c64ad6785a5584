<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SaidWrites</name>
    <message>
        <source>Not done because of an unexpected error.</source>
        <translation>因意外错误未能完成。</translation>
    </message>
</context>
</TS>
