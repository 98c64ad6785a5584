<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliPanel</name>
    <message>
        <source>compare the panel's reviews and form the opinion</source>
        <translation>对照评查组各成员的评查意见并形成评查意见</translation>
    </message>
    <message>
        <source>部门受案号 of the case</source>
        <translation>案件的部门受案号</translation>
    </message>
    <message>
        <source>each member's severity, reason and evidence per item</source>
        <translation>逐项列出每名成员认定的问题性质、理由和卷宗依据</translation>
    </message>
    <message>
        <source>decide an item the members disagree on</source>
        <translation>对成员有分歧的项目作出决定</translation>
    </message>
    <message>
        <source>checklist item code, e.g. E1</source>
        <translation>评查项目编号，如 E1</translation>
    </message>
    <message>
        <source>the panel's severity (瑕, 错, 严)</source>
        <translation>评查组认定的问题性质（瑕、错、严）</translation>
    </message>
    <message>
        <source>the panel finds no problem</source>
        <translation>评查组认定不存在问题</translation>
    </message>
    <message>
        <source>why the panel decided so</source>
        <translation>评查组作出该决定的理由</translation>
    </message>
    <message>
        <source>record your dissent as a member</source>
        <translation>以评查组成员身份记录保留意见</translation>
    </message>
    <message>
        <source>the dissent</source>
        <translation>保留意见内容</translation>
    </message>
    <message>
        <source>the item dissented from (default: the opinion as a whole)</source>
        <translation>保留意见针对的项目（默认：针对评查意见整体）</translation>
    </message>
    <message>
        <source>record the joint meeting (联席会议)</source>
        <translation>记录评查组联席会议</translation>
    </message>
    <message>
        <source>the day it was held</source>
        <translation>召开日期</translation>
    </message>
    <message>
        <source>who attended (repeat the option)</source>
        <translation>参加人员（可重复本选项）</translation>
    </message>
    <message>
        <source>the minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <source>a file to attach (repeat)</source>
        <translation>附件文件（可重复）</translation>
    </message>
    <message>
        <source>form the opinion's grade and send it on</source>
        <translation>形成评查意见等次并送下一环节</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Item {item} reconciled. Still to reconcile: {left}.</source>
        <translation>{item}项已合议。尚待合议：{left}。</translation>
    </message>
    <message>
        <source>Dissent of {member} recorded.</source>
        <translation>已记录{member}的保留意见。</translation>
    </message>
    <message numerus="yes">
        <source>Joint meeting of {day} recorded (%n attachment(s)).</source>
        <translation>
            <numerusform>已记录{day}召开的联席会议（附件%n份）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Opinion formed: {status}.</source>
        <translation>评查意见已形成：{status}。</translation>
    </message>
    <message>
        <source>Review file {number} of case {case} — {status}; panel of {size}</source>
        <translation>案件{case}评查卷{number}——{status}；评查组{size}人</translation>
    </message>
    <message>
        <source>Members: {names}</source>
        <translation>成员：{names}</translation>
    </message>
    <message>
        <source>no problem</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>DISAGREE</source>
        <translation>有分歧</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>panel: {severity} {reason}</source>
        <translation>评查组：{severity} {reason}</translation>
    </message>
    <message>
        <source>to reconcile</source>
        <translation>待合议</translation>
    </message>
    <message>
        <source>No member found a problem.</source>
        <translation>评查组成员均未发现问题。</translation>
    </message>
    <message>
        <source>Dissent of {member} ({item}): {text}</source>
        <translation>{member}的保留意见（{item}）：{text}</translation>
    </message>
    <message>
        <source>the opinion as a whole</source>
        <translation>评查意见整体</translation>
    </message>
    <message>
        <source>Joint meeting {day}: {attendees} — {minutes}</source>
        <translation>联席会议 {day}：{attendees}——{minutes}</translation>
    </message>
</context>
</TS>
