<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DossierViewer</name>
    <message>
        <source>Document</source>
        <translation>卷宗文件</translation>
    </message>
    <message>
        <source>Previous page (Ctrl+PgUp)</source>
        <translation>上一页（Ctrl+PgUp）</translation>
    </message>
    <message>
        <source>Next page (Ctrl+PgDown)</source>
        <translation>下一页（Ctrl+PgDown）</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Open externally</source>
        <translation>外部打开</translation>
    </message>
    <message>
        <source>Open the document with the system viewer</source>
        <translation>用系统程序打开该文件</translation>
    </message>
    <message>
        <source>Documents found</source>
        <translation>识别出的文书</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>This case has no dossier documents.</source>
        <translation>本案没有电子卷宗文件。</translation>
    </message>
    <message>
        <source>(unrecognised) {file}</source>
        <translation>（未识别）{file}</translation>
    </message>
    <message>
        <source>{name} cannot be shown here.
Use “Open externally”.</source>
        <translation>{name} 无法在此显示。
请点击“外部打开”。</translation>
    </message>
    <message>
        <source>{page} / {count}</source>
        <translation>{page} / {count}</translation>
    </message>
</context>
</TS>
