<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliAnalysis</name>
    <message>
        <source>statistics of review results for a period, with year-on-year and period-on-period change</source>
        <translation>统计某一期间的评查结果，并给出同比、环比变化</translation>
    </message>
    <message>
        <source>2026Q3 (quarter), 2026-11 (month), 2026H1 (half-year) or 2026 (year)</source>
        <translation>2026Q3（季度）、2026-11（月份）、2026H1（半年）或2026（年度）</translation>
    </message>
    <message>
        <source>break the grade distribution down by this</source>
        <translation>等次分布按此分组</translation>
    </message>
    <message>
        <source>only this unit (name or part of it)</source>
        <translation>仅统计此单位（名称或其一部分）</translation>
    </message>
    <message>
        <source>only this department</source>
        <translation>仅统计此部门</translation>
    </message>
    <message>
        <source>only cases of this handling prosecutor</source>
        <translation>仅统计此承办检察官的案件</translation>
    </message>
    <message>
        <source>only this business line (公诉, 侦监 …)</source>
        <translation>仅统计此业务条线（公诉、侦监等）</translation>
    </message>
    <message>
        <source>only this review type (常规抽查, 重点评查, 专项评查)</source>
        <translation>仅统计此评查类型（常规抽查、重点评查、专项评查）</translation>
    </message>
    <message>
        <source>only review files of this plan (name or id)</source>
        <translation>仅统计此评查方案的评查卷（名称或编号）</translation>
    </message>
    <message>
        <source>cases an item must be found in to be a common problem (default: the setting)</source>
        <translation>问题至少在多少件案件中出现才算共性问题（默认取设置值）</translation>
    </message>
    <message>
        <source>also write the figures to this xlsx</source>
        <translation>同时将数据写入此xlsx文件</translation>
    </message>
    <message>
        <source>{delta:+.1f} pp</source>
        <translation>{delta:+.1f}个百分点</translation>
    </message>
    <message>
        <source>Statistics for {period}</source>
        <translation>{period}评查统计</translation>
    </message>
    <message>
        <source>Reviewed cases</source>
        <translation>评查案件数</translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation>办结案件数</translation>
    </message>
    <message>
        <source>Review ratio</source>
        <translation>评查率</translation>
    </message>
    <message>
        <source>Cases with problems</source>
        <translation>发现问题案件数</translation>
    </message>
    <message>
        <source>Share with problems</source>
        <translation>问题案件占比</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现问题数</translation>
    </message>
    <message>
        <source>period-on-period</source>
        <translation>环比</translation>
    </message>
    <message>
        <source>year-on-year</source>
        <translation>同比</translation>
    </message>
    <message>
        <source>  Note: {n} files graded {old} (2018 scheme) are counted as {new}.</source>
        <translation>  说明：{n}件按2018年等次评为“{old}”的案件计入“{new}”。</translation>
    </message>
    <message>
        <source>Grades by {by}</source>
        <translation>按{by}统计的等次分布</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Problems by number of cases (common from {n} cases)</source>
        <translation>问题按案件数排名（{n}件及以上为共性问题）</translation>
    </message>
    <message>
        <source>common</source>
        <translation>共性</translation>
    </message>
    <message>
        <source>individual</source>
        <translation>个性</translation>
    </message>
    <message>
        <source>Key cases by trigger</source>
        <translation>重点案件按触发情形统计</translation>
    </message>
    <message>
        <source>Figures written: {file}</source>
        <translation>统计数据已写入：{file}</translation>
    </message>
</context>
</TS>
