<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Grading</name>
    <message>
        <source>Criterion {code} is not in standard {standard}.</source>
        <translation>优质标准 {code} 不属于评查标准 {standard}。</translation>
    </message>
    <message>
        <source>Record at least one finding or criterion before submitting.</source>
        <translation>提交前请至少记录一个问题或勾选一项标准。</translation>
    </message>
    <message>
        <source>Choose a grade.</source>
        <translation>请选择等次。</translation>
    </message>
    <message>
        <source>Grade {grade} is not a grade of scheme {scheme}.</source>
        <translation>等次“{grade}”不属于等次方案“{scheme}”。</translation>
    </message>
    <message>
        <source>Grade {grade} needs every criterion ticked; not ticked: {codes}.</source>
        <translation>评定为{grade}须勾选全部标准，未勾选：{codes}。</translation>
    </message>
    <message>
        <source>Grade {grade} needs a written justification.</source>
        <translation>评定为{grade}须书面说明理由。</translation>
    </message>
    <message>
        <source>No grade was proposed; write the reason for grade {grade}.</source>
        <translation>系统未提出等次建议，请写明评定为{grade}的理由。</translation>
    </message>
    <message>
        <source>The chosen grade {chosen} differs from the proposed {proposed}; write the reason.</source>
        <translation>所选等次“{chosen}”与建议等次“{proposed}”不同，请写明理由。</translation>
    </message>
    <message>
        <source>Finding {code} is not an item of standard {standard}.</source>
        <translation>问题 {code} 不是评查标准 {standard} 的评查项。</translation>
    </message>
    <message>
        <source>Finding {code}: severity {severity} is not allowed; allowed: {allowed}.</source>
        <translation>问题 {code}：不允许的问题等级“{severity}”，可选：{allowed}。</translation>
    </message>
    <message>
        <source>Finding {code}: the deduction cannot be negative.</source>
        <translation>问题 {code}：扣分不能为负数。</translation>
    </message>
    <message>
        <source>Finding {code} has no reason.</source>
        <translation>问题 {code} 未写明理由。</translation>
    </message>
</context>
</TS>
