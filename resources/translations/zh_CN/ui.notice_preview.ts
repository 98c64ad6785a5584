<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>NoticePreviewPane</name>
    <message>
        <source>Addressee</source>
        <translation>主送</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
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
        <source>Nothing to preview.</source>
        <translation>没有可预览的通知书。</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>第{page}页，共{count}页</translation>
    </message>
</context>
</TS>
