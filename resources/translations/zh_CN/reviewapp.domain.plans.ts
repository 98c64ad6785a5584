<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Plans</name>
    <message>
        <source>The plan is {state}; you cannot {event}.</source>
        <translation>方案处于“{state}”状态，不能{event}。</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>open it</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>close it</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>reopen it</source>
        <translation>重新开启</translation>
    </message>
    <message>
        <source>sampling</source>
        <translation>随机抽查</translation>
    </message>
    <message>
        <source>key-case trigger</source>
        <translation>重点案件情形</translation>
    </message>
    <message>
        <source>thematic filter</source>
        <translation>专项筛选条件</translation>
    </message>
    <message>
        <source>every closed case</source>
        <translation>全部已办结案件</translation>
    </message>
    <message>
        <source>added by hand</source>
        <translation>手工添加</translation>
    </message>
</context>
</TS>
