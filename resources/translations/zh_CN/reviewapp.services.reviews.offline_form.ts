<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewForm</name>
    <message>
        <source>Case {id} does not exist.</source>
        <translation>案件 {id} 不存在。</translation>
    </message>
    <message>
        <source>Reviewer {id} is not in the roster.</source>
        <translation>评查员 {id} 不在人员名册中。</translation>
    </message>
    <message>
        <source>No review standard covers {case_type} cases.</source>
        <translation>没有适用于{case_type}案件的评查标准。</translation>
    </message>
    <message>
        <source>{name} is not in the roster; add the reviewer first.</source>
        <translation>{name} 不在人员名册中，请先添加该评查员。</translation>
    </message>
    <message>
        <source>{user} may not import {name}'s review form: a review is scored by its reviewer only.</source>
        <translation>{user} 不能导入 {name} 的评查表：评查只能由评查员本人进行。</translation>
    </message>
    <message>
        <source>{file}: case {case} is not in the database.</source>
        <translation>{file}：数据库中没有案件 {case}。</translation>
    </message>
    <message>
        <source>{file} was filled in by {written}, not {reviewer}.</source>
        <translation>{file} 的评查员是 {written}，不是 {reviewer}。</translation>
    </message>
    <message>
        <source>{file}: standard {code} v{version} is not stored here.</source>
        <translation>{file}：本库中没有评查标准 {code} 第 {version} 版。</translation>
    </message>
    <message>
        <source>{file} was made from standard {code} v{version}, but the review is pinned to v{pinned}; export a new form.</source>
        <translation>{file} 依据评查标准 {code} 第 {version} 版制作，而该评查使用第 {pinned} 版；请重新导出评查表。</translation>
    </message>
    <message>
        <source>The review of {case} by {reviewer} is submitted; reopen it first.</source>
        <translation>{reviewer} 对案件 {case} 的评查已提交，请先重新打开。</translation>
    </message>
    <message numerus="yes">
        <source>Not submitted: %n row(s) rejected.</source>
        <translation>
            <numerusform>未提交：有 %n 行未能导入。</numerusform>
        </translation>
    </message>
</context>
</TS>
