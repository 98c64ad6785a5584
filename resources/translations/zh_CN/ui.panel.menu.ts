<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PanelMenu</name>
    <message>
        <source>My &amp;queues…</source>
        <translation>我的待办(&amp;Q)…</translation>
    </message>
    <message>
        <source>Panel &amp;comparison of the case…</source>
        <translation>本案评查组意见比对(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Answer the opinion on the case…</source>
        <translation>反馈本案评查意见(&amp;A)…</translation>
    </message>
    <message>
        <source>Review &amp;timeline of the case…</source>
        <translation>本案评查流转记录(&amp;T)…</translation>
    </message>
    <message>
        <source>Pr&amp;ocess</source>
        <translation>评查流程(&amp;O)</translation>
    </message>
    <message>
        <source>Select a case in the list first.</source>
        <translation>请先在列表中选择案件。</translation>
    </message>
</context>
</TS>
