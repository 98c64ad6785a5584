<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DossierRules</name>
    <message>
        <source>the dossier has no readable {documents}</source>
        <translation>卷宗中没有可读的{documents}</translation>
    </message>
    <message>
        <source>no text could be read from {files}</source>
        <translation>无法读出{files}的文字</translation>
    </message>
    <message>
        <source>Not checkable: {reasons}.</source>
        <translation>无法校验：{reasons}。</translation>
    </message>
</context>
</TS>
