<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DocumentsMenu</name>
    <message>
        <source>Issue &amp;rectification notices…</source>
        <translation>签发整改通知书(&amp;R)…</translation>
    </message>
    <message>
        <source>Preview and issue rectification notices for the selected cases</source>
        <translation>预览并签发所选案件的整改通知书</translation>
    </message>
    <message>
        <source>Case review rep&amp;ort…</source>
        <translation>个案评查报告(&amp;P)…</translation>
    </message>
    <message>
        <source>Write the case review report of the current case</source>
        <translation>生成当前案件的个案评查报告</translation>
    </message>
    <message>
        <source>Export review &amp;ledger…</source>
        <translation>导出评查台账(&amp;L)…</translation>
    </message>
    <message>
        <source>Notice &amp;settings…</source>
        <translation>通知书设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Sh&amp;ared settings…</source>
        <translation>共享设置(&amp;A)…</translation>
    </message>
    <message>
        <source>Feedback period, assignment, severity words, appraisal points and the other shared settings</source>
        <translation>反馈期限、分配要求、问题等级用语、考核分值等共享设置</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>文书(&amp;D)</translation>
    </message>
    <message>
        <source>Select one or more cases first.</source>
        <translation>请先选择一件或多件案件。</translation>
    </message>
    <message>
        <source>Select a case first.</source>
        <translation>请先选择一个案件。</translation>
    </message>
    <message>
        <source>Case review report {number}.pdf</source>
        <translation>个案评查报告{number}.pdf</translation>
    </message>
    <message>
        <source>Case review report written: {path}</source>
        <translation>个案评查报告已生成：{path}</translation>
    </message>
</context>
</TS>
