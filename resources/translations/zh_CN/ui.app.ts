<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Repaired after an interruption</source>
        <translation>中断后已修复</translation>
    </message>
    <message>
        <source>{n} reminders: {first}</source>
        <translation>{n} 项提醒：{first}</translation>
    </message>
</context>
</TS>
