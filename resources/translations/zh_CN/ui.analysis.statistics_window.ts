<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StatisticsWindow</name>
    <message>
        <source>Statistics (统计分析)</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>等次分布</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题分析</translation>
    </message>
    <message>
        <source>Rankings</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Key cases</source>
        <translation>重点案件</translation>
    </message>
    <message>
        <source>Export figures to Excel…</source>
        <translation>导出统计数据到Excel…</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>图表另存为图片…</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>评查员校准</translation>
    </message>
    <message>
        <source>Headline figures (double-click a figure for its cases)</source>
        <translation>主要指标（双击数字查看对应案件）</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Figures of {period}.</source>
        <translation>{period}的统计数据。</translation>
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
        <source>Review ratio (reviewed ÷ closed)</source>
        <translation>评查率（评查数÷办结数）</translation>
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
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Period-on-period</source>
        <translation>环比</translation>
    </message>
    <message>
        <source>Year-on-year</source>
        <translation>同比</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>导出统计数据</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到{path}。</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>Chart saved to {path}.</source>
        <translation>图表已保存到{path}。</translation>
    </message>
</context>
</TS>
