<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliCalibration</name>
    <message>
        <source>agreement between panel members and each reviewer's leniency</source>
        <translation>评查组成员之间的一致性及各评查员的宽严程度</translation>
    </message>
    <message>
        <source>only review files of this plan (name or id)</source>
        <translation>仅统计该评查方案的评查卷（名称或编号）</translation>
    </message>
    <message>
        <source>2026Q3 (quarter), 2026-11 (month) or 2026 (year)</source>
        <translation>2026Q3（季度）、2026-11（月）或 2026（年）</translation>
    </message>
    <message>
        <source>gold cases: practise and compare with the reference</source>
        <translation>标准案例：练习评查并与参考意见比对</translation>
    </message>
    <message>
        <source>部门受案号 of the case</source>
        <translation>案件的部门受案号</translation>
    </message>
    <message>
        <source>the gold cases</source>
        <translation>列出标准案例</translation>
    </message>
    <message>
        <source>make a reviewed case a gold case</source>
        <translation>将已评查案件设为标准案例</translation>
    </message>
    <message>
        <source>what the case trains</source>
        <translation>该案例的培训要点</translation>
    </message>
    <message>
        <source>a gold case no longer</source>
        <translation>取消标准案例</translation>
    </message>
    <message>
        <source>why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>start or resume your attempt</source>
        <translation>开始或继续本人的练习</translation>
    </message>
    <message>
        <source>record a finding in your attempt</source>
        <translation>在练习中记录一项问题</translation>
    </message>
    <message>
        <source>checklist item code, e.g. E1</source>
        <translation>评查项目编号，如 E1</translation>
    </message>
    <message>
        <source>瑕, 错 or 严</source>
        <translation>瑕、错或严</translation>
    </message>
    <message>
        <source>remove a finding from your attempt</source>
        <translation>从练习中删除一项问题</translation>
    </message>
    <message>
        <source>submit your attempt and compare</source>
        <translation>提交练习并与参考意见比对</translation>
    </message>
    <message>
        <source>an attempt against the reference, item by item</source>
        <translation>逐项比对练习与参考意见</translation>
    </message>
    <message>
        <source>the attempt's id (default: your latest)</source>
        <translation>练习编号（默认：本人最近一次）</translation>
    </message>
    <message>
        <source>training attempts you may read</source>
        <translation>列出可查看的练习</translation>
    </message>
    <message>
        <source>Panels: {files} review files, {units} rated items ({flagged} with a finding).</source>
        <translation>评查组：评查卷{files}份，评查项目{units}项（{flagged}项有人发现问题）。</translation>
    </message>
    <message>
        <source>Overall: α ordinal {ao}, α nominal {an}, Fleiss' κ {fk}, pairwise agreement {pa}.</source>
        <translation>总体：α（有序）{ao}，α（名义）{an}，Fleiss κ {fk}，两两一致率{pa}。</translation>
    </message>
    <message>
        <source>Items with a finding only: α ordinal {ao}, agreement {pa}.</source>
        <translation>仅计有人发现问题的项目：α（有序）{ao}，一致率{pa}。</translation>
    </message>
    <message>
        <source>Per item (review files, found by anyone, α ordinal, agreement):</source>
        <translation>按评查项目（评查卷数、有人发现数、α（有序）、一致率）：</translation>
    </message>
    <message>
        <source>Pairs (review files, agreement, Cohen's κ, linear weighted κ):</source>
        <translation>评查员两两（评查卷数、一致率、Cohen κ、线性加权κ）：</translation>
    </message>
    <message>
        <source>Leniency against the panel opinion (items compared, stricter, same, more lenient, mean difference):</source>
        <translation>与评查组意见相比的宽严（比较项数、更严、相同、更宽、平均差）：</translation>
    </message>
    <message>
        <source>No formed review file of a panel of two or more in this selection.</source>
        <translation>所选范围内没有两人以上评查组已形成意见的评查卷。</translation>
    </message>
    <message>
        <source>You have no submitted attempt on this case.</source>
        <translation>您在该案件上没有已提交的练习。</translation>
    </message>
    <message>
        <source>You have no attempt in progress on this case; run training start first.</source>
        <translation>您在该案件上没有进行中的练习，请先运行 training start。</translation>
    </message>
    <message>
        <source>your attempts: {n}</source>
        <translation>本人练习{n}次</translation>
    </message>
    <message>
        <source>No gold cases.</source>
        <translation>暂无标准案例。</translation>
    </message>
    <message>
        <source>No training attempts.</source>
        <translation>暂无练习。</translation>
    </message>
    <message>
        <source>Marked as a gold case.</source>
        <translation>已设为标准案例。</translation>
    </message>
    <message>
        <source>No longer a gold case.</source>
        <translation>已取消标准案例。</translation>
    </message>
    <message>
        <source>Training attempt {id} open.</source>
        <translation>练习{id}已开始。</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>已记录。</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>已删除。</translation>
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
        <source>no problem</source>
        <translation>无问题</translation>
    </message>
    <message>
        <source>Case {case}, {reviewer}, attempt {n}: grade {mine} (reference {ref}).</source>
        <translation>案件{case}，{reviewer}，第{n}次练习：等次{mine}（参考意见{ref}）。</translation>
    </message>
    <message>
        <source>{same} of {rows} items as the reference; weighted κ over all {all} items: {k}.</source>
        <translation>{rows}项中{same}项与参考意见一致；全部{all}项的加权κ：{k}。</translation>
    </message>
    <message>
        <source>reference: {reason}</source>
        <translation>参考意见：{reason}</translation>
    </message>
</context>
</TS>
