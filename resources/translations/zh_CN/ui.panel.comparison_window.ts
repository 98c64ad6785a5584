<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComparisonWindow</name>
    <message>
        <source>Panel comparison</source>
        <translation>评查组意见比对</translation>
    </message>
    <message>
        <source>Why the panel decides so (required)</source>
        <translation>评查组如此认定的理由（必填）</translation>
    </message>
    <message>
        <source>&amp;Reconcile (Ctrl+Enter)</source>
        <translation>合议认定(&amp;R)（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>&amp;Finalise the opinion</source>
        <translation>形成评查意见(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Timeline…</source>
        <translation>流转记录(&amp;T)…</translation>
    </message>
    <message>
        <source>Reconcile the selected disagreement</source>
        <translation>合议所选分歧</translation>
    </message>
    <message>
        <source>Panel's severity:</source>
        <translation>评查组认定：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Reason and evidence</source>
        <translation>理由与证据</translation>
    </message>
    <message>
        <source>Dissents and joint meetings</source>
        <translation>保留意见与联席会议</translation>
    </message>
    <message>
        <source>Panel comparison — {number}</source>
        <translation>评查组意见比对 — {number}</translation>
    </message>
    <message>
        <source>Case {case} · review file {number} · {status} · panel of {n}</source>
        <translation>案件 {case} · 评查卷 {number} · {status} · 评查组 {n} 人</translation>
    </message>
    <message>
        <source>the whole opinion</source>
        <translation>评查意见整体</translation>
    </message>
    <message>
        <source>Dissent of {member} on {item}</source>
        <translation>{member} 对 {item} 的保留意见</translation>
    </message>
    <message>
        <source>Joint meeting on {day}: {attendees}</source>
        <translation>{day} 联席会议：{attendees}</translation>
    </message>
    <message>
        <source>No dissent and no joint meeting recorded.</source>
        <translation>尚无保留意见，未记录联席会议。</translation>
    </message>
    <message>
        <source>no problem</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>Evidence: {pages}</source>
        <translation>证据：{pages}</translation>
    </message>
    <message>
        <source>Panel opinion: {severity}</source>
        <translation>评查组意见：{severity}</translation>
    </message>
    <message>
        <source>No problem</source>
        <translation>未发现问题</translation>
    </message>
    <message numerus="yes">
        <source>%n disagreement(s) to reconcile: {items}</source>
        <translation>
            <numerusform>%n 项分歧待合议：{items}</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>No disagreement left open.</source>
        <translation>分歧均已合议。</translation>
    </message>
    <message>
        <source>Write the reason for the panel's decision on {item}.</source>
        <translation>请填写评查组对 {item} 的认定理由。</translation>
    </message>
</context>
</TS>
