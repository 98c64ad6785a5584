<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DossierActions</name>
    <message>
        <source>Search &amp;dossier text…</source>
        <translation>卷宗全文检索(&amp;D)…</translation>
    </message>
    <message>
        <source>Find words in the text of every dossier page (卷宗全文检索)</source>
        <translation>在全部卷宗页的文字中查找（卷宗全文检索）</translation>
    </message>
    <message>
        <source>Read dossier &amp;text now</source>
        <translation>立即读取卷宗文字(&amp;T)</translation>
    </message>
    <message>
        <source>Read the pages not read yet (OCR for scans) and compare the documents</source>
        <translation>读取尚未读取的页面（扫描页进行文字识别）并比对文书</translation>
    </message>
</context>
</TS>
