<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportActions</name>
    <message>
        <source>Periodic review re&amp;port (PDF / Word)…</source>
        <translation>定期评查报告（PDF / Word）(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Appraisal score sheet (Excel)…</source>
        <translation>结果运用考核表（Excel）(&amp;A)…</translation>
    </message>
    <message>
        <source>Data-quality &amp;bulletin (PDF / Excel)…</source>
        <translation>案卡数据质量通报（PDF / Excel）(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <source>Analysis outputs</source>
        <translation>分析研判报告</translation>
    </message>
    <message>
        <source>Periodic review report (定期评查报告)</source>
        <translation>定期评查报告</translation>
    </message>
    <message>
        <source>Appraisal score sheet (结果运用)</source>
        <translation>结果运用考核表</translation>
    </message>
    <message>
        <source>Case-card data-quality bulletin (数据质量通报)</source>
        <translation>案卡数据质量通报</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>输出内容：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>统计期间：</translation>
    </message>
    <message>
        <source>Special review of plan:</source>
        <translation>专项评查方案：</translation>
    </message>
    <message>
        <source>File type:</source>
        <translation>文件类型：</translation>
    </message>
    <message>
        <source>Write…</source>
        <translation>生成…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>(none: the period's report)</source>
        <translation>（无：按统计期间生成）</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入{file}…</translation>
    </message>
    <message>
        <source>Written to {path}.</source>
        <translation>已写入{path}。</translation>
    </message>
    <message>
        <source>Nothing was written: {error}</source>
        <translation>未写入任何文件：{error}</translation>
    </message>
    <message>
        <source>Nothing was written because of an unexpected error.</source>
        <translation>发生意外错误，未写入任何文件。</translation>
    </message>
</context>
</TS>
