<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Permissions</name>
    <message>
        <source>manage accounts</source>
        <translation>管理账户</translation>
    </message>
    <message>
        <source>change the roster</source>
        <translation>修改人员名册</translation>
    </message>
    <message>
        <source>import cases</source>
        <translation>导入案件</translation>
    </message>
    <message>
        <source>change review standards</source>
        <translation>修改评查标准</translation>
    </message>
    <message>
        <source>change shared settings</source>
        <translation>修改共享设置</translation>
    </message>
    <message>
        <source>run the pre-screening</source>
        <translation>运行自动校验</translation>
    </message>
    <message>
        <source>score reviews</source>
        <translation>评查打分</translation>
    </message>
    <message>
        <source>assign reviews</source>
        <translation>分配评查任务</translation>
    </message>
    <message>
        <source>reopen reviews</source>
        <translation>退回重评</translation>
    </message>
    <message>
        <source>issue rectification notices</source>
        <translation>制发整改通知书</translation>
    </message>
    <message>
        <source>export results</source>
        <translation>导出评查结果</translation>
    </message>
    <message>
        <source>read other reviewers' reviews</source>
        <translation>查看他人的评查</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <source>change your own account</source>
        <translation>修改本人账户</translation>
    </message>
    <message>
        <source>reconcile the panel's opinion</source>
        <translation>形成评查组意见</translation>
    </message>
    <message>
        <source>answer the review opinion of their own case</source>
        <translation>答复本人承办案件的评查意见</translation>
    </message>
    <message>
        <source>enter answers and rectification reports received</source>
        <translation>录入收到的反馈意见和整改报告</translation>
    </message>
    <message>
        <source>rule on objections</source>
        <translation>审查异议</translation>
    </message>
    <message>
        <source>determine a review graded 合格</source>
        <translation>审定合格等次的评查</translation>
    </message>
    <message>
        <source>determine reviews</source>
        <translation>审定评查结论</translation>
    </message>
    <message>
        <source>reopen a determined review</source>
        <translation>撤销已审定的评查</translation>
    </message>
    <message>
        <source>re-check a rectification</source>
        <translation>复查整改情况</translation>
    </message>
    <message>
        <source>record what fell due</source>
        <translation>登记到期事项</translation>
    </message>
    <message>
        <source>Log in first: only a logged-in user may {what}.</source>
        <translation>请先登录：只有登录的用户才能{what}。</translation>
    </message>
    <message>
        <source>{user} may not {what}: none of their roles allows it here.</source>
        <translation>{user}无权{what}：其角色在此范围内均不允许。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>system administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>review administrator</source>
        <translation>评查管理员</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>评查员</translation>
    </message>
    <message>
        <source>panel lead</source>
        <translation>评查组长</translation>
    </message>
    <message>
        <source>head of case management</source>
        <translation>案管负责人</translation>
    </message>
    <message>
        <source>handling prosecutor</source>
        <translation>承办检察官</translation>
    </message>
    <message>
        <source>department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <source>deputy chief prosecutor in charge</source>
        <translation>分管副检察长</translation>
    </message>
    <message>
        <source>chief prosecutor</source>
        <translation>检察长</translation>
    </message>
</context>
</TS>
