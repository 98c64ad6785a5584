<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StatsXlsx</name>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{old} (2018 scheme) counted as {new}: {n}</source>
        <translation>按2018年等次评为“{old}”的计入“{new}”：{n}件</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Change on previous period</source>
        <translation>环比变化</translation>
    </message>
    <message>
        <source>Relative change on previous period</source>
        <translation>环比增减幅度</translation>
    </message>
    <message>
        <source>Change on a year before</source>
        <translation>同比变化</translation>
    </message>
    <message>
        <source>Relative change on a year before</source>
        <translation>同比增减幅度</translation>
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
        <source>Share of cases with problems</source>
        <translation>问题案件占比</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现问题数</translation>
    </message>
    <message>
        <source>Problems per case</source>
        <translation>件均问题数</translation>
    </message>
    <message>
        <source>Changes of ratios and shares are in percentage points.</source>
        <translation>比率和占比的变化以百分点计。</translation>
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
        <source>Grades</source>
        <translation>等次分布</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Problem ranking</source>
        <translation>问题排名</translation>
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
        <source>Cases</source>
        <translation>案件数</translation>
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
        <source>common</source>
        <translation>共性</translation>
    </message>
    <message>
        <source>individual</source>
        <translation>个性</translation>
    </message>
    <message>
        <source>Common: found in at least {n} cases.</source>
        <translation>共性问题：在{n}件及以上案件中发现。</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>维度统计</translation>
    </message>
    <message>
        <source>Share of reviewed cases</source>
        <translation>占评查案件比例</translation>
    </message>
    <message>
        <source>Prosecutors</source>
        <translation>检察官排名</translation>
    </message>
    <message>
        <source>Prosecutor</source>
        <translation>承办检察官</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门排名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Key cases</source>
        <translation>重点案件</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发情形</translation>
    </message>
</context>
</TS>
