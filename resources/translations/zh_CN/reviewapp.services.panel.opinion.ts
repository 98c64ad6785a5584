<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewFiles</name>
    <message>
        <source>The opinion can no longer be changed.</source>
        <translation>评查意见已不能再修改。</translation>
    </message>
    <message>
        <source>Write the reason for the panel's decision on {item}.</source>
        <translation>请写明评查组对{item}的决定理由。</translation>
    </message>
    <message>
        <source>Reconcile these items first: {items}</source>
        <translation>请先合议以下评查项：{items}</translation>
    </message>
    <message>
        <source>The holiday calendar does not know {year}: the feedback period was counted Monday to Friday; add the year to the calendar override file to count its holidays.</source>
        <translation>节假日日历中没有{year}年的安排：反馈期限按周一至周五计算；请在日历补充文件中加入该年，以计入节假日。</translation>
    </message>
    <message>
        <source>Review file {id} does not exist.</source>
        <translation>评查卷{id}不存在。</translation>
    </message>
    <message>
        <source>Only an opinion being reconciled can be finalised.</source>
        <translation>只有正在合议的评查意见才能定稿。</translation>
    </message>
    <message>
        <source>The opinion of review file {number} has already been acted on ({status}); the member review cannot be reopened. A determined review is reopened by the chief prosecutor.</source>
        <translation>评查卷{number}的评查意见已进入后续环节（{status}），成员评查不能退回重评。已审定的评查由检察长撤销审定。</translation>
    </message>
</context>
</TS>
