<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PanelLabels</name>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>评查中</translation>
    </message>
    <message>
        <source>reconciling</source>
        <translation>合议中</translation>
    </message>
    <message>
        <source>awaiting the prosecutor's feedback</source>
        <translation>听取承办检察官意见中</translation>
    </message>
    <message>
        <source>objections to rule on</source>
        <translation>异议待审查</translation>
    </message>
    <message>
        <source>awaiting determination</source>
        <translation>待审定</translation>
    </message>
    <message>
        <source>determined</source>
        <translation>已审定</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Review started</source>
        <translation>开始评查</translation>
    </message>
    <message>
        <source>Review submitted</source>
        <translation>提交评查意见</translation>
    </message>
    <message>
        <source>Review reopened</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Own grade set</source>
        <translation>调整等次建议</translation>
    </message>
    <message>
        <source>Review file opened</source>
        <translation>立卷（取得评查受案号）</translation>
    </message>
    <message>
        <source>Every panel member submitted</source>
        <translation>评查组成员均已提交</translation>
    </message>
    <message>
        <source>A member review was reopened</source>
        <translation>成员评查意见退回修改</translation>
    </message>
    <message>
        <source>Disagreement reconciled</source>
        <translation>分歧已合议</translation>
    </message>
    <message>
        <source>Dissent recorded</source>
        <translation>记录保留意见</translation>
    </message>
    <message>
        <source>Joint meeting recorded</source>
        <translation>记录联席会议</translation>
    </message>
    <message>
        <source>Sent to the handling prosecutor</source>
        <translation>送承办检察官听取意见</translation>
    </message>
    <message>
        <source>Sent for determination</source>
        <translation>报送审定</translation>
    </message>
    <message>
        <source>Prosecutor accepted</source>
        <translation>承办检察官无异议</translation>
    </message>
    <message>
        <source>Prosecutor objected</source>
        <translation>承办检察官提出异议</translation>
    </message>
    <message>
        <source>No feedback within the period</source>
        <translation>期限内无反馈意见</translation>
    </message>
    <message>
        <source>Objection ruled on</source>
        <translation>异议已审查</translation>
    </message>
    <message>
        <source>Every objection ruled on</source>
        <translation>异议审查完毕</translation>
    </message>
    <message>
        <source>Determined and signed</source>
        <translation>审定并签名</translation>
    </message>
    <message>
        <source>Determination voided (reopened)</source>
        <translation>撤销审定（重新评查）</translation>
    </message>
    <message>
        <source>Rectification step</source>
        <translation>整改环节</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Rectification notice issued</source>
        <translation>制发整改通知书</translation>
    </message>
    <message>
        <source>Rectification overdue</source>
        <translation>整改逾期</translation>
    </message>
    <message>
        <source>to rectify</source>
        <translation>待整改</translation>
    </message>
    <message>
        <source>rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
</context>
</TS>
