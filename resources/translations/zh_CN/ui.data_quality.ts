<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DataQualityView</name>
    <message>
        <source>Data quality (数据校验)</source>
        <translation>数据校验</translation>
    </message>
    <message>
        <source>per rule</source>
        <translation>按规则</translation>
    </message>
    <message>
        <source>per unit</source>
        <translation>按单位</translation>
    </message>
    <message>
        <source>per department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <source>per prosecutor</source>
        <translation>按承办人</translation>
    </message>
    <message>
        <source>Run checks on all cases</source>
        <translation>校验全部案件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>{results} results in {cases} cases; {checked} cases checked.</source>
        <translation>共{results}条结果，涉及{cases}件案件；已校验{checked}件。</translation>
    </message>
    <message>
        <source>The job stopped with an error.</source>
        <translation>任务因错误中止。</translation>
    </message>
    <message>
        <source>Checking cases…</source>
        <translation>正在校验案件…</translation>
    </message>
    <message>
        <source>Cancelling… cases already checked keep their results.</source>
        <translation>正在取消…已校验的案件保留其结果。</translation>
    </message>
    <message>
        <source>Export data quality</source>
        <translation>导出数据校验结果</translation>
    </message>
    <message>
        <source>data-quality.xlsx</source>
        <translation>数据校验.xlsx</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>正在写入{path}…</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到{path}。</translation>
    </message>
</context>
</TS>
