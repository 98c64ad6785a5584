<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LedgerExportDialog</name>
    <message>
        <source>Export the review ledger</source>
        <translation>导出评查台账</translation>
    </message>
    <message>
        <source>The ledger lists every case with a submitted review, with its grade, findings and notice number, and a problem list ranked by the number of cases. Leave a date empty (—) for no limit.</source>
        <translation>评查台账列出每件已提交评查意见的案件及其等次、发现问题和整改通知书文号，并附按涉及案件数排序的问题清单。日期留空（—）表示不限。</translation>
    </message>
    <message>
        <source>Submitted from:</source>
        <translation>评查提交日期自：</translation>
    </message>
    <message>
        <source>Submitted until:</source>
        <translation>评查提交日期至：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Save the review ledger</source>
        <translation>保存评查台账</translation>
    </message>
    <message>
        <source>review-ledger</source>
        <translation>评查台账</translation>
    </message>
    <message>
        <source>The first date is after the last date.</source>
        <translation>起始日期晚于截止日期。</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入{file}…</translation>
    </message>
    <message>
        <source>The ledger of {cases} cases and {problems} problems was written to {path}.</source>
        <translation>已将{cases}件案件、{problems}项问题的评查台账写入{path}。</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>已取消：未写入任何文件。</translation>
    </message>
    <message>
        <source>The ledger was not written: {error}</source>
        <translation>评查台账未能写入：{error}</translation>
    </message>
    <message>
        <source>The ledger was not written because of an unexpected error.</source>
        <translation>由于意外错误，评查台账未能写入。</translation>
    </message>
</context>
</TS>
