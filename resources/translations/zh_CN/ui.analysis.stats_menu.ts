<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalysisMenu</name>
    <message>
        <source>&amp;Statistics (统计分析)…</source>
        <translation>统计分析(&amp;S)…</translation>
    </message>
    <message>
        <source>Review results by period, unit, department, prosecutor, line, type and plan, with changes</source>
        <translation>按期间、单位、部门、检察官、条线、评查类型和方案统计评查结果及同比环比变化</translation>
    </message>
    <message>
        <source>S&amp;tatistics</source>
        <translation>统计分析(&amp;T)</translation>
    </message>
</context>
</TS>
