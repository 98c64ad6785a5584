<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>GradesTab</name>
    <message>
        <source>Grade distribution by {by}</source>
        <translation>按{by}统计的等次分布</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
</context>
<context>
    <name>KeyCasesTab</name>
    <message>
        <source>Key cases by trigger</source>
        <translation>重点案件按触发情形统计</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发情形</translation>
    </message>
    <message>
        <source>With problems</source>
        <translation>问题案件数</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>No key case selected by a trigger was reviewed in this period.</source>
        <translation>本期没有评查经触发情形选出的重点案件。</translation>
    </message>
</context>
<context>
    <name>ProblemsTab</name>
    <message>
        <source>Common from this many cases</source>
        <translation>共性问题起点（件）</translation>
    </message>
    <message>
        <source>Problems by number of cases</source>
        <translation>问题按案件数排名</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
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
        <source>Dimension</source>
        <translation>评查维度</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评查项</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>评查内容</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Common or individual</source>
        <translation>共性/个性</translation>
    </message>
    <message>
        <source>Share of reviewed cases</source>
        <translation>占评查案件比例</translation>
    </message>
    <message>
        <source>Common (共性): found in at least {n} cases; individual (个性): fewer.</source>
        <translation>共性问题：在{n}件及以上案件中发现；个性问题：少于{n}件。</translation>
    </message>
</context>
<context>
    <name>RankingTab</name>
    <message>
        <source>Problems per reviewed case</source>
        <translation>件均问题数</translation>
    </message>
    <message>
        <source>Problems per case</source>
        <translation>件均问题数</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>评查数</translation>
    </message>
    <message>
        <source>With problems</source>
        <translation>问题案件数</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Ranked by problems per reviewed case, then by the share of cases with problems.</source>
        <translation>按件均问题数排名，其次按问题案件占比。</translation>
    </message>
</context>
<context>
    <name>StatsTab</name>
    <message>
        <source>By</source>
        <translation>分组</translation>
    </message>
</context>
<context>
    <name>TrendTab</name>
    <message>
        <source>Reviewed and closed cases</source>
        <translation>评查与办结案件数</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>评查数</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>办结数</translation>
    </message>
    <message>
        <source>With problems</source>
        <translation>问题案件数</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Review ratio</source>
        <translation>评查率</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
</context>
</TS>
