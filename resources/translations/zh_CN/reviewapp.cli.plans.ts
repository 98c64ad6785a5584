<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliPlans</name>
    <message>
        <source>not a date (YYYY-MM-DD): {text}</source>
        <translation>不是日期（YYYY-MM-DD）：{text}</translation>
    </message>
    <message>
        <source>review plans (评查方案)</source>
        <translation>评查方案</translation>
    </message>
    <message>
        <source>create a draft plan</source>
        <translation>新建方案（草稿）</translation>
    </message>
    <message>
        <source>the plan name</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <source>the kind of review</source>
        <translation>评查类型</translation>
    </message>
    <message>
        <source>who reviews whose cases</source>
        <translation>评查方式（谁评查谁的案件）</translation>
    </message>
    <message>
        <source>the standard's code</source>
        <translation>评查标准编号</translation>
    </message>
    <message>
        <source>the standard version, pinned</source>
        <translation>评查标准版本（固定）</translation>
    </message>
    <message>
        <source>a unit in scope (repeatable)</source>
        <translation>范围内的承办单位（可重复）</translation>
    </message>
    <message>
        <source>a business line in scope</source>
        <translation>范围内的业务条线</translation>
    </message>
    <message>
        <source>a case type in scope</source>
        <translation>范围内的案件类别</translation>
    </message>
    <message>
        <source>cases closed on or after this day (YYYY-MM-DD)</source>
        <translation>办结日期不早于此日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>cases closed on or before this day (YYYY-MM-DD)</source>
        <translation>办结日期不晚于此日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>the day reviews are due (YYYY-MM-DD)</source>
        <translation>评查截止日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>reviewers per case</source>
        <translation>每案评查员人数</translation>
    </message>
    <message>
        <source>reviewers do not see what the others found</source>
        <translation>背对背评查：评查员互不可见对方的发现</translation>
    </message>
    <message>
        <source>sampling quota per prosecutor, in percent (default 5)</source>
        <translation>每名检察官的抽查比例（百分比，默认 5）</translation>
    </message>
    <message>
        <source>select every closed case in scope</source>
        <translation>选取范围内全部已办结案件</translation>
    </message>
    <message>
        <source>list the plans</source>
        <translation>列出评查方案</translation>
    </message>
    <message>
        <source>show a plan and its cases</source>
        <translation>显示方案及其案件</translation>
    </message>
    <message>
        <source>open a plan (its reviewers may start)</source>
        <translation>开启方案（评查员可开始评查）</translation>
    </message>
    <message>
        <source>close a plan</source>
        <translation>结束方案</translation>
    </message>
    <message>
        <source>reopen a closed plan</source>
        <translation>重新开启已结束的方案</translation>
    </message>
    <message>
        <source>progress per reviewer and unit</source>
        <translation>按评查员和单位显示进度</translation>
    </message>
    <message>
        <source>the plan name or number</source>
        <translation>方案名称或编号</translation>
    </message>
    <message>
        <source>select the plan's cases</source>
        <translation>筛选方案的案件</translation>
    </message>
    <message>
        <source>assign reviewers to the plan's cases</source>
        <translation>为方案的案件分配评查员</translation>
    </message>
    <message>
        <source>random seed, to repeat a draw</source>
        <translation>随机种子，用于重现抽取结果</translation>
    </message>
    <message>
        <source>show, do not store</source>
        <translation>只预览，不保存</translation>
    </message>
    <message>
        <source>add a case by hand</source>
        <translation>手工添加案件</translation>
    </message>
    <message>
        <source>remove a case</source>
        <translation>移除案件</translation>
    </message>
    <message>
        <source>部门受案号 of the case</source>
        <translation>案件的部门受案号</translation>
    </message>
    <message>
        <source>why (kept in the audit trail)</source>
        <translation>理由（记入审计日志）</translation>
    </message>
    <message>
        <source>replace a case's reviewer</source>
        <translation>更换案件的评查员</translation>
    </message>
    <message>
        <source>the reviewer now assigned</source>
        <translation>当前分配的评查员</translation>
    </message>
    <message>
        <source>the reviewer taking over</source>
        <translation>接手的评查员</translation>
    </message>
    <message>
        <source>mark a person as a leader</source>
        <translation>标记领导身份</translation>
    </message>
    <message>
        <source>name of the person in the roster</source>
        <translation>人员名册中的姓名</translation>
    </message>
    <message>
        <source>the leader title, or none</source>
        <translation>领导职务，或 none</translation>
    </message>
    <message>
        <source>unit of the person, when the name is not unique</source>
        <translation>人员所在单位（姓名重复时）</translation>
    </message>
    <message>
        <source>name the deputy chief in charge of a department</source>
        <translation>指定部门的分管副检察长</translation>
    </message>
    <message>
        <source>name of the department</source>
        <translation>部门名称</translation>
    </message>
    <message>
        <source>name of the deputy chief in charge (分管副检察长), or none</source>
        <translation>分管副检察长的姓名，或 none（取消）</translation>
    </message>
    <message>
        <source>unit of the department, when the name is not unique</source>
        <translation>部门所属单位（部门名称不唯一时）</translation>
    </message>
    <message>
        <source>conflicts (回避)</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>declare your conflict with a case</source>
        <translation>申请回避某案</translation>
    </message>
    <message>
        <source>dismiss a declared conflict</source>
        <translation>驳回回避申请</translation>
    </message>
    <message>
        <source>number of the conflict (conflict list)</source>
        <translation>回避记录编号（见 conflict list）</translation>
    </message>
    <message>
        <source>list declared conflicts</source>
        <translation>列出回避申请</translation>
    </message>
    <message>
        <source>my review tasks (我的评查任务)</source>
        <translation>我的评查任务</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>{n} assigned cases</source>
        <translation>共 {n} 件分配的案件</translation>
    </message>
    <message>
        <source>No conflicts declared.</source>
        <translation>没有回避申请。</translation>
    </message>
    <message>
        <source>Conflict {id} declared.</source>
        <translation>已提出回避申请 {id}。</translation>
    </message>
    <message>
        <source>Conflict {id} dismissed.</source>
        <translation>已驳回回避申请 {id}。</translation>
    </message>
    <message>
        <source>No stored standard {code} version {version}.</source>
        <translation>没有已保存的评查标准 {code} 第 {version} 版。</translation>
    </message>
    <message>
        <source>standard: {standard}; reviewers per case: {n}; due: {due}</source>
        <translation>评查标准：{standard}；每案评查员：{n} 人；截止日期：{due}</translation>
    </message>
    <message>
        <source>cases: {cases}, assigned: {assigned}, seed: {seed}</source>
        <translation>案件：{cases} 件，已分配：{assigned} 件，随机种子：{seed}</translation>
    </message>
    <message>
        <source>No plans.</source>
        <translation>没有评查方案。</translation>
    </message>
    <message>
        <source>Roster updated.</source>
        <translation>人员名册已更新。</translation>
    </message>
    <message>
        <source>{case}	{trigger}: not checkable — {why}</source>
        <translation>{case}	{trigger}：无法判断——{why}</translation>
    </message>
    <message>
        <source>Preview: </source>
        <translation>预览：</translation>
    </message>
    <message>
        <source>{n} of {scope} closed cases in scope selected (seed {seed}).</source>
        <translation>范围内 {scope} 件已办结案件中选取 {n} 件（随机种子 {seed}）。</translation>
    </message>
    <message>
        <source>{case}	not assigned: {why}</source>
        <translation>{case}	未分配：{why}</translation>
    </message>
    <message>
        <source>{case}	handled by a 院领导: 提级评查</source>
        <translation>{case}	院领导承办：提级评查</translation>
    </message>
    <message>
        <source>{n} cases assigned, {m} without an eligible reviewer (seed {seed}).</source>
        <translation>已分配 {n} 件，{m} 件没有符合回避规定的评查员（随机种子 {seed}）。</translation>
    </message>
    <message>
        <source>Plan updated.</source>
        <translation>方案已更新。</translation>
    </message>
    <message>
        <source>Reassigned.</source>
        <translation>已重新分配。</translation>
    </message>
    <message>
        <source>reviewer/unit	assigned	in review	submitted	overdue</source>
        <translation>评查员/单位	已分配	评查中	已提交	已逾期</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>评查员</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>{cases} cases, {n} unassigned</source>
        <translation>{cases} 件案件，{n} 件未分配</translation>
    </message>
</context>
</TS>
