<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnswerForm</name>
    <message>
        <source>Answer the review opinion</source>
        <translation>反馈评查意见</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评查项目</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>问题性质</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>评查发现</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>卷宗位置</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>您的意见</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>异议审查</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>无异议(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Object</source>
        <translation>提出异议(&amp;O)</translation>
    </message>
    <message>
        <source>Why you object (required for an objection)</source>
        <translation>异议理由（提出异议时必填）</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>添加附件(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Remove file</source>
        <translation>移除附件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Send the answer (Ctrl+Enter)</source>
        <translation>提交反馈(&amp;S)（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Your answer to the selected finding</source>
        <translation>对所选评查发现的意见</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>附件：</translation>
    </message>
    <message>
        <source>Answer given on:</source>
        <translation>反馈日期：</translation>
    </message>
    <message>
        <source>Answer the review opinion — {number}</source>
        <translation>反馈评查意见 — {number}</translation>
    </message>
    <message>
        <source>Case {case} {name} · review file {number} · proposed grade {grade} · {status} · answer by {due}</source>
        <translation>案件 {case} {name} · 评查卷 {number} · 等次建议 {grade} · {status} · 反馈期限 {due}</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>无异议</translation>
    </message>
    <message>
        <source>object</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>objection upheld</source>
        <translation>异议成立</translation>
    </message>
    <message>
        <source>objection rejected</source>
        <translation>异议不成立</translation>
    </message>
    <message>
        <source>Attach files to the objection</source>
        <translation>为异议添加附件</translation>
    </message>
    <message>
        <source>Write the reason of each objection: {items}.</source>
        <translation>请填写每项异议的理由：{items}。</translation>
    </message>
    <message>
        <source>Answer sent: every finding accepted.</source>
        <translation>反馈已提交：对全部评查意见无异议。</translation>
    </message>
    <message>
        <source>Answer sent: your objections go to the ruling.</source>
        <translation>反馈已提交：您的异议将交审查。</translation>
    </message>
</context>
</TS>
