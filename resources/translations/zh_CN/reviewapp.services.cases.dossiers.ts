<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>Case {case}: dossier file not found: {path}</source>
        <translation>案件 {case}：找不到卷宗文件：{path}</translation>
    </message>
</context>
</TS>
