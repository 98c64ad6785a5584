<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CalibrationView</name>
    <message>
        <source>all periods (or 2026Q3, 2026-11, 2026)</source>
        <translation>全部期间（或 2026Q3、2026-11、2026）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>By checklist item</source>
        <translation>按评查项目</translation>
    </message>
    <message>
        <source>Pairs of reviewers</source>
        <translation>评查员两两一致性</translation>
    </message>
    <message>
        <source>Leniency by reviewer</source>
        <translation>评查员宽严</translation>
    </message>
    <message>
        <source>Gold cases</source>
        <translation>标准案例</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>评查方案：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>评查维度</translation>
    </message>
    <message>
        <source>Review files</source>
        <translation>评查卷数</translation>
    </message>
    <message>
        <source>Found by anyone</source>
        <translation>有人发现</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>α ordinal</source>
        <translation>α（有序）</translation>
    </message>
    <message>
        <source>α nominal</source>
        <translation>α（名义）</translation>
    </message>
    <message>
        <source>Fleiss' κ</source>
        <translation>Fleiss κ</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评查员</translation>
    </message>
    <message>
        <source>Items compared</source>
        <translation>比较项数</translation>
    </message>
    <message>
        <source>Cohen's κ</source>
        <translation>Cohen κ</translation>
    </message>
    <message>
        <source>Weighted κ (linear)</source>
        <translation>加权κ（线性）</translation>
    </message>
    <message>
        <source>Stricter</source>
        <translation>更严</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>More lenient</source>
        <translation>更宽</translation>
    </message>
    <message>
        <source>Share stricter</source>
        <translation>更严占比</translation>
    </message>
    <message>
        <source>Share more lenient</source>
        <translation>更宽占比</translation>
    </message>
    <message>
        <source>Mean difference</source>
        <translation>平均差</translation>
    </message>
    <message>
        <source>Reviewer's level minus the panel's, on 0 none – 3 serious; above 0 is stricter</source>
        <translation>评查员认定的级别减去评查组意见的级别（0无问题—3严重司法错误）；大于0为偏严</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation>全部方案</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计……</translation>
    </message>
    <message>
        <source>No formed review file of a panel of two or more in this selection.</source>
        <translation>所选范围内没有两人以上评查组已形成意见的评查卷。</translation>
    </message>
    <message>
        <source>{files} review files of panels, {units} rated items ({flagged} with a finding). Overall: Krippendorff's α (ordinal) {ao}, α (nominal) {an}, Fleiss' κ {fk}, agreement {pa}. Items with a finding only: α (ordinal) {fo}, agreement {fa}. Scale: no problem &lt; judicial flaw &lt; ordinary judicial error &lt; serious judicial error.</source>
        <translation>评查组评查卷{files}份，评查项目{units}项（{flagged}项有人发现问题）。总体：Krippendorff α（有序）{ao}，α（名义）{an}，Fleiss κ {fk}，一致率{pa}。仅计有人发现问题的项目：α（有序）{fo}，一致率{fa}。级别：无问题 &lt; 司法瑕疵 &lt; 一般司法错误 &lt; 严重司法错误。</translation>
    </message>
</context>
</TS>
