<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Panel</name>
    <message>
        <source>{user} handled case {case} and takes no part in forming its opinion (回避).</source>
        <translation>{user}承办了案件{case}，不参与形成其评查意见（回避）。</translation>
    </message>
    <message>
        <source>Review file {number}: {what} only once every member of the panel has submitted.</source>
        <translation>评查卷{number}：须待评查组全体成员提交后方可{what}。</translation>
    </message>
    <message>
        <source>Review file {number} is {status}: {what} is no longer possible.</source>
        <translation>评查卷{number}当前为“{status}”，已不能{what}。</translation>
    </message>
    <message>
        <source>reconciling</source>
        <translation>合议分歧</translation>
    </message>
    <message>
        <source>The members do not disagree on item {item}; only disagreements are reconciled.</source>
        <translation>评查员对{item}项没有分歧；只有存在分歧的项目需要合议。</translation>
    </message>
    <message>
        <source>Write the reason for the panel's decision on item {item}.</source>
        <translation>请填写评查组对{item}项作出决定的理由。</translation>
    </message>
    <message>
        <source>no problem</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>{user} is not a member of the panel of review file {number}; only members dissent.</source>
        <translation>{user}不是评查卷{number}的评查组成员；只有评查组成员可以保留意见。</translation>
    </message>
    <message>
        <source>a dissent</source>
        <translation>记录保留意见</translation>
    </message>
    <message>
        <source>Write the dissent.</source>
        <translation>请填写保留意见。</translation>
    </message>
    <message>
        <source>Item {item} is not in the review's checklist.</source>
        <translation>{item}项不在本次评查的评查标准中。</translation>
    </message>
    <message>
        <source>Attachment {file} is not a readable file.</source>
        <translation>附件{file}不是可读取的文件。</translation>
    </message>
    <message>
        <source>the joint meeting</source>
        <translation>记录联席会议</translation>
    </message>
    <message>
        <source>The joint meeting's date {day} is in the future.</source>
        <translation>联席会议日期{day}晚于今天。</translation>
    </message>
    <message>
        <source>Name who attended the joint meeting.</source>
        <translation>请填写联席会议的参加人员。</translation>
    </message>
    <message>
        <source>Write the minutes of the joint meeting.</source>
        <translation>请填写联席会议纪要。</translation>
    </message>
</context>
</TS>
