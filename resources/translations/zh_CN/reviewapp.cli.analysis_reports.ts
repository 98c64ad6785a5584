<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliAnalysis</name>
    <message>
        <source>write the per-prosecutor appraisal score sheet (结果运用) as Excel</source>
        <translation>将按承办人统计的考核得分表（结果运用）写成 Excel 文件</translation>
    </message>
    <message>
        <source>period: 2026, 2026H1, 2026Q3 or 2026-11</source>
        <translation>统计期间：2026、2026H1、2026Q3 或 2026-11</translation>
    </message>
    <message>
        <source>Excel (.xlsx) file to write</source>
        <translation>要写入的 Excel（.xlsx）文件</translation>
    </message>
    <message>
        <source>write the case-card data-quality bulletin (数据质量通报) as PDF or Excel</source>
        <translation>将案卡数据质量通报写成 PDF 或 Excel 文件</translation>
    </message>
    <message>
        <source>period: a month (2026-11) or a quarter</source>
        <translation>统计期间：某月（2026-11）或某季度（2026Q3）</translation>
    </message>
    <message>
        <source>PDF or Excel (.xlsx) file to write</source>
        <translation>要写入的 PDF 或 Excel（.xlsx）文件</translation>
    </message>
    <message>
        <source>consecutive periods that make a repeat offender (default: the setting)</source>
        <translation>连续被发现问题多少个统计期间即为屡错屡犯（默认取设置值）</translation>
    </message>
    <message>
        <source>Appraisal sheet written: {file} ({n} prosecutors, {cases} cases)</source>
        <translation>考核得分表已写入：{file}（{n}名承办人，{cases}件案件）</translation>
    </message>
    <message>
        <source>Bulletin written: {file} ({n} problems, {r} repeat offenders)</source>
        <translation>数据质量通报已写入：{file}（{n}个问题，{r}名屡错屡犯人员）</translation>
    </message>
    <message>
        <source>report periodic needs --period (e.g. 2026Q1).</source>
        <translation>report periodic 需要 --period 参数（例如 2026Q1）。</translation>
    </message>
    <message>
        <source>Report written: {file} ({n} cases reviewed)</source>
        <translation>报告已写入：{file}（评查案件{n}件）</translation>
    </message>
</context>
</TS>
