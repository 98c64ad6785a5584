<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PlanEditor</name>
    <message>
        <source>Review plans</source>
        <translation>评查方案</translation>
    </message>
    <message>
        <source>Blind (reviewers do not see who handled the case)</source>
        <translation>盲评（评查员看不到承办人）</translation>
    </message>
    <message>
        <source>Every closed case in scope (每案必检)</source>
        <translation>范围内全部已办结案件（每案必检）</translation>
    </message>
    <message>
        <source>Thematic: the case list's current filter</source>
        <translation>专项：使用案件列表当前的筛选条件</translation>
    </message>
    <message>
        <source>Create plan</source>
        <translation>新建方案</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Standard version</source>
        <translation>评查标准版本</translation>
    </message>
    <message>
        <source>Units (none: all)</source>
        <translation>承办单位（不选：全部）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Closed from</source>
        <translation>办结日期从</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Reviewers per case</source>
        <translation>每案评查员人数</translation>
    </message>
    <message>
        <source>Sampling quota (%)</source>
        <translation>抽查比例（%）</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Preview selection</source>
        <translation>预览筛选结果</translation>
    </message>
    <message>
        <source>Commit selection</source>
        <translation>确认筛选</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>开启方案</translation>
    </message>
    <message>
        <source>Assign reviewers</source>
        <translation>分配评查员</translation>
    </message>
    <message>
        <source>Close plan</source>
        <translation>结束方案</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>评查方案</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>部门受案号</translation>
    </message>
    <message>
        <source>Prosecutor</source>
        <translation>承办检察官</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Reviewers / why not</source>
        <translation>评查员 / 未分配原因</translation>
    </message>
    <message>
        <source>— choose a standard version —</source>
        <translation>— 请选择评查标准版本 —</translation>
    </message>
    <message>
        <source>{state} · {standard} · {cases} cases, {assigned} assigned</source>
        <translation>{state} · {standard} · {cases} 件案件，已分配 {assigned} 件</translation>
    </message>
    <message>
        <source>case list filter</source>
        <translation>案件列表筛选条件</translation>
    </message>
    <message>
        <source>Choose the standard version the plan's reviews use.</source>
        <translation>请选择本方案评查所用的评查标准版本。</translation>
    </message>
    <message>
        <source>not checkable</source>
        <translation>无法判断</translation>
    </message>
    <message>
        <source>{n} of {scope} closed cases in scope; {already} already in the plan; seed {seed}.</source>
        <translation>范围内 {scope} 件已办结案件中选取 {n} 件；{already} 件已在方案中；随机种子 {seed}。</translation>
    </message>
    <message>
        <source>Preview (nothing stored yet): </source>
        <translation>预览（尚未保存）：</translation>
    </message>
    <message>
        <source>Stored: </source>
        <translation>已存储：</translation>
    </message>
    <message>
        <source>not assigned: {why}</source>
        <translation>未分配：{why}</translation>
    </message>
    <message>
        <source>{n} cases assigned, {m} without an eligible reviewer.</source>
        <translation>已分配 {n} 件，{m} 件没有符合回避规定的评查员。</translation>
    </message>
</context>
</TS>
