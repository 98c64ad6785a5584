<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Reviews</name>
    <message>
        <source>Review {id} does not exist.</source>
        <translation>评查 {id} 不存在。</translation>
    </message>
    <message>
        <source>Case {id} does not exist.</source>
        <translation>案件 {id} 不存在。</translation>
    </message>
    <message>
        <source>The review is submitted; reopen it (with a reason) to change it.</source>
        <translation>评查已提交；如需修改，请先说明理由并重新打开。</translation>
    </message>
    <message>
        <source>Review {id} is {reviewer}'s; only they may change it.</source>
        <translation>评查 {id} 属于 {reviewer}，只有本人可以修改。</translation>
    </message>
    <message>
        <source>Case {case} is in a review plan and not assigned to this reviewer.</source>
        <translation>案件 {case} 属于评查方案，未分配给该评查员。</translation>
    </message>
    <message>
        <source>Case {case} is not assigned to this reviewer in an open review plan.</source>
        <translation>案件 {case} 未在进行中的评查方案中分配给该评查员。</translation>
    </message>
    <message>
        <source>{user} handled this case; its reviews reach them only once they are sent.</source>
        <translation>{user} 是本案承办人；评查意见送达后方可查看。</translation>
    </message>
    <message>
        <source>Item {code} is not in standard {standard} v{version}.</source>
        <translation>评查项 {code} 不在评查标准 {standard} 第 {version} 版中。</translation>
    </message>
    <message>
        <source>Item {code} does not apply to {case_type} cases.</source>
        <translation>评查项 {code} 不适用于{case_type}案件。</translation>
    </message>
    <message>
        <source>Item {code}: severity {severity} is not allowed; allowed: {allowed}.</source>
        <translation>评查项 {code}：不能认定为{severity}，可选：{allowed}。</translation>
    </message>
    <message>
        <source>Document {id} is not in this case's dossier.</source>
        <translation>文书 {id} 不在本案卷宗中。</translation>
    </message>
    <message>
        <source>Page numbers start at 1 (got {page}).</source>
        <translation>页码从 1 开始（填写的是 {page}）。</translation>
    </message>
    <message>
        <source>{reviewer} handled case {case} and may not review it (回避).</source>
        <translation>{reviewer} 承办了案件 {case}，应当回避，不能评查。</translation>
    </message>
    <message>
        <source>{reviewer} handled case {other}, the same matter at another stage (统一受案号 {unified}), and may not review case {case} (回避).</source>
        <translation>{reviewer}办理过同一案件另一环节的案件 {other}（统一受案号 {unified}），不得评查案件 {case}（回避）。</translation>
    </message>
    <message>
        <source>{reviewer} works in the department that handled case {case} and may not review it (回避).</source>
        <translation>{reviewer} 所在部门承办了案件 {case}，不得评查该案（回避）。</translation>
    </message>
    <message>
        <source>Reviewer {id} is not in the roster.</source>
        <translation>评查员 {id} 不在人员名册中。</translation>
    </message>
    <message>
        <source>Case {case} is not closed (no 办结日期); only closed cases are reviewed.</source>
        <translation>案件 {case} 尚未办结（无办结日期），只能评查已办结的案件。</translation>
    </message>
    <message>
        <source>No review standard covers {case_type} cases.</source>
        <translation>没有适用于{case_type}案件的评查标准。</translation>
    </message>
    <message>
        <source>Standard {standard} does not cover {case_type} cases.</source>
        <translation>评查标准 {standard} 不适用于{case_type}案件。</translation>
    </message>
    <message>
        <source>Standard {standard} has no grade scheme {scheme}.</source>
        <translation>评查标准 {standard} 没有等次方案 {scheme}。</translation>
    </message>
</context>
</TS>
