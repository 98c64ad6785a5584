<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Plans</name>
    <message>
        <source>handled the case</source>
        <translation>承办了该案</translation>
    </message>
    <message>
        <source>handled the same matter at another stage (same 统一受案号)</source>
        <translation>办理过同一案件的其他环节（统一受案号相同）</translation>
    </message>
    <message>
        <source>works in the handling department</source>
        <translation>在承办部门工作</translation>
    </message>
    <message>
        <source>works in the handling unit (交叉评查)</source>
        <translation>在承办单位工作（交叉评查）</translation>
    </message>
    <message>
        <source>not at the level above (提级评查)</source>
        <translation>不属于上级院（提级评查）</translation>
    </message>
    <message>
        <source>declared a conflict</source>
        <translation>已申请回避</translation>
    </message>
    <message>
        <source>their 评查员 role does not reach the case's unit</source>
        <translation>其评查员角色不涵盖该案承办单位</translation>
    </message>
    <message>
        <source>{missing} reviewer(s) short; of {pool} in the pool: {reasons}</source>
        <translation>还缺 {missing} 名评查员；评查员库 {pool} 人中：{reasons}</translation>
    </message>
    <message>
        <source>No single reviewer is called {name}.</source>
        <translation>没有唯一一名叫 {name} 的评查员。</translation>
    </message>
    <message>
        <source>Case {no} is not in the plan.</source>
        <translation>案件 {no} 不在方案中。</translation>
    </message>
    <message>
        <source>Say why the case is reassigned.</source>
        <translation>请说明重新分配的理由。</translation>
    </message>
    <message>
        <source>{name} is not assigned to case {no}.</source>
        <translation>{name} 未被分配评查案件 {no}。</translation>
    </message>
    <message>
        <source>{name} is not in the plan's reviewer pool.</source>
        <translation>{name} 不在方案的评查员库中。</translation>
    </message>
    <message>
        <source>{name} may not review case {no}: {why}.</source>
        <translation>{name} 不能评查案件 {no}：{why}。</translation>
    </message>
    <message>
        <source>Log in as a reviewer to declare a conflict.</source>
        <translation>请以评查员身份登录后申请回避。</translation>
    </message>
    <message>
        <source>Say why you are in conflict.</source>
        <translation>请说明回避理由。</translation>
    </message>
    <message>
        <source>No case has the number {no}.</source>
        <translation>没有部门受案号为 {no} 的案件。</translation>
    </message>
    <message>
        <source>Conflict {id} does not exist.</source>
        <translation>回避申请 {id} 不存在。</translation>
    </message>
    <message>
        <source>Say why the conflict is dismissed.</source>
        <translation>请说明驳回回避申请的理由。</translation>
    </message>
    <message>
        <source>The conflict is already dismissed.</source>
        <translation>该回避申请已被驳回。</translation>
    </message>
</context>
</TS>
