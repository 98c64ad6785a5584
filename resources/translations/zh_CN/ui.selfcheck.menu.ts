<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SelfCheckMenu</name>
    <message>
        <source>&amp;Self-check of the selected case (个人自查表)…</source>
        <translation>所选案件个人自查表(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Department check of the selected case (部门核查表)…</source>
        <translation>所选案件部门核查表(&amp;D)…</translation>
    </message>
    <message>
        <source>Self-&amp;check</source>
        <translation>办案检查(&amp;C)</translation>
    </message>
    <message>
        <source>Select a case first.</source>
        <translation>请先选择一个案件。</translation>
    </message>
</context>
</TS>
