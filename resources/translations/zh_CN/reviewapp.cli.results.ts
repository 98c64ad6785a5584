<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliNotices</name>
    <message>
        <source>issue rectification notices as PDF files</source>
        <translation>制发整改通知书（PDF 文件）</translation>
    </message>
    <message>
        <source>department case number</source>
        <translation>部门受案号</translation>
    </message>
    <message>
        <source>one notice per case, per prosecutor or per department</source>
        <translation>按案件、按承办检察官或按部门各制发一份通知书</translation>
    </message>
    <message>
        <source>folder for the PDF files, or a .docx file for Word copies beside them</source>
        <translation>PDF 文件所在文件夹，或一个 .docx 文件（在其旁另存 Word 副本）</translation>
    </message>
    <message>
        <source>issue date (default: today)</source>
        <translation>制发日期（默认：今天）</translation>
    </message>
    <message>
        <source>take the numbers without asking (for scripts)</source>
        <translation>不经询问直接占用文号（供脚本使用）</translation>
    </message>
    <message>
        <source>write the case review report as a PDF or Word file</source>
        <translation>将个案评查报告写为 PDF 或 Word 文件</translation>
    </message>
    <message>
        <source>department case number, or periodic</source>
        <translation>部门受案号，或 periodic（定期评查报告）</translation>
    </message>
    <message>
        <source>PDF or Word (.docx) file to write</source>
        <translation>要写入的 PDF 或 Word（.docx）文件</translation>
    </message>
    <message>
        <source>with periodic: 2026, 2026H1, 2026Q3 or 2026-11</source>
        <translation>与 periodic 同用：统计期间 2026、2026H1、2026Q3 或 2026-11</translation>
    </message>
    <message>
        <source>with periodic: the plan of a special review</source>
        <translation>与 periodic 同用：专项评查的方案</translation>
    </message>
    <message>
        <source>write the review ledger and problem list as Excel</source>
        <translation>生成评查台账和问题清单（Excel）</translation>
    </message>
    <message>
        <source>Excel file to write</source>
        <translation>要写入的 Excel 文件</translation>
    </message>
    <message>
        <source>first submission date (inclusive)</source>
        <translation>评查意见提交日期起（含）</translation>
    </message>
    <message>
        <source>last submission date (inclusive)</source>
        <translation>评查意见提交日期止（含）</translation>
    </message>
    <message>
        <source>cases from which a problem counts as recurring (共性)</source>
        <translation>问题涉及案件数达到多少件时视为共性问题</translation>
    </message>
    <message>
        <source>No notice to issue.</source>
        <translation>没有需要制发的通知书。</translation>
    </message>
    <message numerus="yes">
        <source>Issue %n notice(s), taking the numbers {numbers}?</source>
        <translation>
            <numerusform>制发 %n 份通知书，占用文号 {numbers}？</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} (version {version}) to {addressee}, reply by {deadline}: {file}</source>
        <translation>{number}（第{version}版）主送{addressee}，回复期限{deadline}：{file}</translation>
    </message>
    <message>
        <source>Word copy: {file}</source>
        <translation>Word 副本：{file}</translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s) issued</source>
        <translation>
            <numerusform>共制发 %n 份通知书</numerusform>
        </translation>
    </message>
    <message>
        <source>Report written: {file}</source>
        <translation>评查报告已生成：{file}</translation>
    </message>
    <message>
        <source>Ledger written: {file} ({cases} cases, {problems} checklist items)</source>
        <translation>评查台账已生成：{file}（{cases} 件案件，{problems} 个评查项）</translation>
    </message>
</context>
</TS>
