<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HistoryModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>修改前 → 修改后</translation>
    </message>
    <message>
        <source>(no account)</source>
        <translation>（无账户）</translation>
    </message>
</context>
<context>
    <name>ReviewHistory</name>
    <message>
        <source>Review started</source>
        <translation>开始评查</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交评查</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>优质 criteria</source>
        <translation>优质条件</translation>
    </message>
    <message>
        <source>Own grade</source>
        <translation>自定等次</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Finding recorded</source>
        <translation>记录问题</translation>
    </message>
    <message>
        <source>Finding changed</source>
        <translation>修改问题</translation>
    </message>
    <message>
        <source>Finding removed</source>
        <translation>删除问题</translation>
    </message>
    <message>
        <source>Suggestion accepted</source>
        <translation>采纳智能提示</translation>
    </message>
    <message>
        <source>Suggestion dismissed</source>
        <translation>驳回智能提示</translation>
    </message>
    <message>
        <source>Offline form imported</source>
        <translation>导入离线评查表</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>评查历史</translation>
    </message>
    <message>
        <source>{n} entries, oldest first.</source>
        <translation>共 {n} 条记录，按时间先后排列。</translation>
    </message>
</context>
</TS>
