<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>There is no case with id {id}.</source>
        <translation>没有编号为 {id} 的案件。</translation>
    </message>
    <message>
        <source>Case {case}: dossier file not found: {path}</source>
        <translation>案件 {case}：找不到卷宗文件：{path}</translation>
    </message>
</context>
</TS>
