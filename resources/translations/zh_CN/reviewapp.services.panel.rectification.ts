<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Process</name>
    <message>
        <source>Rectification {id} does not exist or its notice no longer stands.</source>
        <translation>整改 {id} 不存在，或其通知书已作废。</translation>
    </message>
    <message>
        <source>The rectification of notice {number} is {status}; this step does not apply.</source>
        <translation>通知书 {number} 的整改状态为“{status}”，不能进行此操作。</translation>
    </message>
    <message>
        <source>Write what the rectification report says.</source>
        <translation>请填写整改报告内容。</translation>
    </message>
    <message>
        <source>The report is dated {day}, before notice {number} was issued.</source>
        <translation>整改报告日期 {day} 早于通知书 {number} 的制发日期。</translation>
    </message>
    <message>
        <source>Only a reviewer of the case's panel re-checks the rectification of {number}.</source>
        <translation>只有本案评查组的评查员可以复查通知书 {number} 的整改情况。</translation>
    </message>
    <message>
        <source>Write what is still to be rectified.</source>
        <translation>请写明仍需整改的内容。</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>No current notice numbered {number} is being rectified.</source>
        <translation>没有文号为 {number} 的有效整改通知书。</translation>
    </message>
</context>
</TS>
