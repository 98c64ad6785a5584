<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PanelTimeline</name>
    <message>
        <source>{user} handled this case; its review file reaches them once it is sent.</source>
        <translation>{user} 承办了本案；评查意见送达后方可查看其评查卷。</translation>
    </message>
    <message>
        <source>Case {case} has no review file yet: it opens when a reviewer starts.</source>
        <translation>案件 {case} 尚无评查卷：评查员开始评查时立卷。</translation>
    </message>
    <message>
        <source>{number}: no rectification report by {due}</source>
        <translation>{number}：至 {due} 未提交整改报告</translation>
    </message>
    <message>
        <source>{number}, reply due {due}</source>
        <translation>{number}，回复期限 {due}</translation>
    </message>
</context>
</TS>
