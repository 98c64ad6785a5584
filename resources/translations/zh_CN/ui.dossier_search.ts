<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DossierSearchDialog</name>
    <message>
        <source>Search dossier text</source>
        <translation>卷宗全文检索</translation>
    </message>
    <message>
        <source>Words in the dossier pages, e.g. a name, a charge, an amount</source>
        <translation>卷宗页中的文字，如姓名、罪名、金额</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>检索(&amp;S)</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>部门受案号</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>摘录</translation>
    </message>
    <message>
        <source>The first {n} pages found.</source>
        <translation>显示找到的前{n}页。</translation>
    </message>
    <message>
        <source>{n} pages found.</source>
        <translation>找到{n}页。</translation>
    </message>
</context>
</TS>
