<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>GoldCasesView</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Case name</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Reference grade</source>
        <translation>参考等次</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Marked by</source>
        <translation>设定人</translation>
    </message>
    <message>
        <source>My attempts</source>
        <translation>本人练习次数</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评查员</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>no problem</source>
        <translation>无问题</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考意见</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>比对结果</translation>
    </message>
    <message>
        <source>Reference reason</source>
        <translation>参考意见理由</translation>
    </message>
    <message>
        <source>Attempt reason</source>
        <translation>练习理由</translation>
    </message>
    <message>
        <source>Start or continue my attempt</source>
        <translation>开始或继续本人练习</translation>
    </message>
    <message>
        <source>Department case number of a reviewed case</source>
        <translation>已评查案件的部门受案号</translation>
    </message>
    <message>
        <source>what the case trains</source>
        <translation>该案例的培训要点</translation>
    </message>
    <message>
        <source>Mark as gold case</source>
        <translation>设为标准案例</translation>
    </message>
    <message>
        <source>My attempt</source>
        <translation>本人练习</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Submit and compare</source>
        <translation>提交并比对</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>same</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>漏查</translation>
    </message>
    <message>
        <source>not in the reference</source>
        <translation>参考意见未认定</translation>
    </message>
    <message>
        <source>stricter</source>
        <translation>偏严</translation>
    </message>
    <message>
        <source>more lenient</source>
        <translation>偏宽</translation>
    </message>
    <message>
        <source>No gold cases yet.</source>
        <translation>暂无标准案例。</translation>
    </message>
    <message>
        <source>Grade {mine} (reference {ref}); {same} of {rows} items as the reference; weighted κ {k}.</source>
        <translation>等次{mine}（参考意见{ref}）；{rows}项中{same}项与参考意见一致；加权κ {k}。</translation>
    </message>
    <message>
        <source>This attempt is not submitted yet.</source>
        <translation>该练习尚未提交。</translation>
    </message>
    <message>
        <source>Found so far: {found}</source>
        <translation>已记录：{found}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
</context>
</TS>
