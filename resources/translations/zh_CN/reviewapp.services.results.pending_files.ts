<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PendingFiles</name>
    <message>
        <source>{count} notice file(s) of an interrupted issue were put in place; the issue is complete.</source>
        <translation>上次中断的制发中有{count}份通知书文件已补放到位，该次制发已完成。</translation>
    </message>
    <message>
        <source>{count} temporary file(s) of an interrupted issue were removed.</source>
        <translation>已清除上次中断的制发留下的{count}个临时文件。</translation>
    </message>
</context>
</TS>
