<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SelfCheck</name>
    <message>
        <source>Case {id} does not exist.</source>
        <translation>案件 {id} 不存在。</translation>
    </message>
    <message>
        <source>Self-check form {id} does not exist.</source>
        <translation>检查表 {id} 不存在。</translation>
    </message>
    <message>
        <source>Plan {id} does not exist.</source>
        <translation>评查方案 {id} 不存在。</translation>
    </message>
    <message>
        <source>Case {case}: the 部门核查表 follows the 个人自查表, which is not submitted yet.</source>
        <translation>案件 {case}：部门核查须在个人自查表提交之后进行，个人自查表尚未提交。</translation>
    </message>
    <message>
        <source>No review standard covers {case_type} cases.</source>
        <translation>没有适用于{case_type}案件的评查标准。</translation>
    </message>
    <message>
        <source>The {form} of case {case} is submitted and cannot change.</source>
        <translation>案件 {case} 的{form}已提交，不能再修改。</translation>
    </message>
    <message>
        <source>The form does not ask items {codes}.</source>
        <translation>本检查表没有检查项 {codes}。</translation>
    </message>
    <message>
        <source>Item {code}: answer 是, 否 or 不适用, not {answer}.</source>
        <translation>检查项 {code}：请填写“是”“否”或“不适用”，而不是“{answer}”。</translation>
    </message>
    <message>
        <source>The {form} of case {case} cannot be submitted: {problems}</source>
        <translation>案件 {case} 的{form}不能提交：{problems}</translation>
    </message>
</context>
</TS>
