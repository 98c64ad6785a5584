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
        <source>criteria for excellent</source>
        <translation>优质案件标准</translation>
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
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>评查员</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>评查标准</translation>
    </message>
    <message>
        <source>grade scheme</source>
        <translation>等次方案</translation>
    </message>
    <message>
        <source>item</source>
        <translation>评查项</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>问题程度</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>deduction</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>standard wording</source>
        <translation>常用表述</translation>
    </message>
    <message>
        <source>dossier evidence</source>
        <translation>卷宗依据</translation>
    </message>
    <message>
        <source>from suggestion</source>
        <translation>来自智能提示</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>justification for excellent</source>
        <translation>评为优质的理由</translation>
    </message>
    <message>
        <source>chosen grade</source>
        <translation>评查人确定的等次</translation>
    </message>
    <message>
        <source>reason for the grade</source>
        <translation>等次理由</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>proposed grade</source>
        <translation>建议等次</translation>
    </message>
    <message>
        <source>already open</source>
        <translation>已在评查中</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>评查历史</translation>
    </message>
    <message numerus="yes">
        <source>%n entry/entries, oldest first.</source>
        <translation>
            <numerusform>共 %n 条记录，按时间先后排列。</numerusform>
        </translation>
    </message>
</context>
</TS>
