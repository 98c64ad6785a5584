<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewSummary</name>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Review {id} by {reviewer} — {status}; standard {code} v{version}</source>
        <translation>评查 {id}，评查员 {reviewer} — {status}；评查标准 {code} 第 {version} 版</translation>
    </message>
    <message>
        <source>No finding recorded.</source>
        <translation>未记录问题。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> ({pages})</source>
        <translation>（{pages}）</translation>
    </message>
    <message>
        <source>Proposed grade: {grade}</source>
        <translation>建议等次：{grade}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Why: {explanation}</source>
        <translation>等次依据：{explanation}</translation>
    </message>
    <message>
        <source>Score: {score:g}</source>
        <translation>得分：{score:g}</translation>
    </message>
    <message>
        <source>Final grade: {grade}</source>
        <translation>评定等次：{grade}</translation>
    </message>
    <message>
        <source>Reason for the grade: {reason}</source>
        <translation>等次理由：{reason}</translation>
    </message>
</context>
</TS>
