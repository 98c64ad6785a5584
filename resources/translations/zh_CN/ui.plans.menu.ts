<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PlansMenu</name>
    <message>
        <source>My review &amp;tasks…</source>
        <translation>我的评查任务(&amp;T)…</translation>
    </message>
    <message>
        <source>Review &amp;plans…</source>
        <translation>评查方案(&amp;P)…</translation>
    </message>
    <message>
        <source>Plan prog&amp;ress…</source>
        <translation>方案进度(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Plans</source>
        <translation>评查方案(&amp;P)</translation>
    </message>
</context>
</TS>
