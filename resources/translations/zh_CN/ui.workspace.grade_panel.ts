<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>GradePanel</name>
    <message>
        <source>Proposed grade</source>
        <translation>建议等次</translation>
    </message>
    <message>
        <source>Criteria for {grade}</source>
        <translation>{grade}案件标准</translation>
    </message>
    <message>
        <source>Justification for {grade}</source>
        <translation>评为{grade}的理由</translation>
    </message>
    <message>
        <source>Your grade</source>
        <translation>评查人确定的等次</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Follow the proposal</source>
        <translation>采用建议等次</translation>
    </message>
    <message>
        <source>Reason, required when it differs from the proposal</source>
        <translation>理由（与建议等次不同时必填）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评查项</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>问题程度</translation>
    </message>
    <message>
        <source>Submit (Ctrl+Enter)</source>
        <translation>提交（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Draft — every change is saved at once.</source>
        <translation>草稿 — 每项修改即时保存。</translation>
    </message>
    <message>
        <source>Submitted {when} with grade {grade}.</source>
        <translation>已于 {when} 提交，等次：{grade}。</translation>
    </message>
    <message>
        <source>No grade proposed</source>
        <translation>无建议等次</translation>
    </message>
    <message>
        <source>Deductions {total:g} points · score {score:g} of {base:g}</source>
        <translation>共扣 {total:g} 分 · 得分 {score:g}/{base:g}</translation>
    </message>
    <message>
        <source>Deductions {total:g} points</source>
        <translation>共扣 {total:g} 分</translation>
    </message>
    <message>
        <source>Findings ({n})</source>
        <translation>已记录的问题（{n}）</translation>
    </message>
    <message>
        <source>(no reason yet)</source>
        <translation>（尚未填写理由）</translation>
    </message>
    <message>
        <source>Write the reason for grade {grade}.</source>
        <translation>请填写评为{grade}的理由。</translation>
    </message>
</context>
</TS>
