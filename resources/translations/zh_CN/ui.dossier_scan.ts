<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScanIndicator</name>
    <message>
        <source>Reading dossier text</source>
        <translation>正在读取卷宗文字</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop reading; the pages read so far are kept</source>
        <translation>停止读取，已读取的页面会保留</translation>
    </message>
    <message>
        <source>Reading dossier text {done} / {total}</source>
        <translation>正在读取卷宗文字 {done} / {total}</translation>
    </message>
</context>
</TS>
