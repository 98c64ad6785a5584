<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Exports</name>
    <message>
        <source>The export was cancelled: no file was written.</source>
        <translation>导出已取消：未写入任何文件。</translation>
    </message>
</context>
</TS>
