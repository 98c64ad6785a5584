<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliRouting</name>
    <message>
        <source>write the routing sheet (评查流转单) of a case's review file as a PDF</source>
        <translation>将案件评查卷的评查流转单写成 PDF 文件</translation>
    </message>
    <message>
        <source>department case number</source>
        <translation>部门受案号</translation>
    </message>
    <message>
        <source>PDF file to write</source>
        <translation>要写入的 PDF 文件</translation>
    </message>
    <message>
        <source>show every step of a case's review file: when, who, from → to, why</source>
        <translation>显示案件评查卷的每个环节：时间、办理人、状态变化、理由</translation>
    </message>
    <message>
        <source>show what waits for you in the review process, per role</source>
        <translation>按角色显示评查流程中等待您办理的事项</translation>
    </message>
    <message>
        <source>the day to count overdue from</source>
        <translation>据以计算逾期的日期</translation>
    </message>
    <message>
        <source>Routing sheet written: {file}</source>
        <translation>评查流转单已写入：{file}</translation>
    </message>
    <message>
        <source>Review file {number} of case {case} — {status}</source>
        <translation>案件 {case} 的评查卷 {number} — {status}</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source> ({member})</source>
        <translation>（{member}）</translation>
    </message>
    <message>
        <source>, due {day}</source>
        <translation>，期限 {day}</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>Your roles have no queue in the review process.</source>
        <translation>您的角色在评查流程中没有待办队列。</translation>
    </message>
</context>
</TS>
