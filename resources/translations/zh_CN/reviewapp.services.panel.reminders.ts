<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Reminders</name>
    <message>
        <source>Answer the review opinion {number} on case {case} by {due}.</source>
        <translation>请在 {due} 前答复案件 {case} 的评查意见（{number}）。</translation>
    </message>
    <message>
        <source>The rectification report on notice {number} was due {due}: overdue.</source>
        <translation>通知书 {number} 的整改报告应于 {due} 前报送，已逾期。</translation>
    </message>
    <message>
        <source>The rectification report on notice {number} is due {due}.</source>
        <translation>通知书 {number} 的整改报告应于 {due} 前报送。</translation>
    </message>
    <message>
        <source>Re-check the rectification report on notice {number}.</source>
        <translation>请复查通知书 {number} 的整改报告。</translation>
    </message>
</context>
</TS>
