<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Notices</name>
    <message>
        <source>No cases were selected.</source>
        <translation>未选择案件。</translation>
    </message>
    <message>
        <source>No notice can be made for these cases because their review is not determined (审定): {cases}</source>
        <translation>以下案件的评查尚未审定，不能制发整改通知书：{cases}</translation>
    </message>
    <message>
        <source>The notice date {day} is before the determination (审定) of {cases}. Date the notice {latest} or later.</source>
        <translation>通知书日期 {day} 早于以下案件的审定日期：{cases}。请将通知书日期定为 {latest} 或之后。</translation>
    </message>
    <message>
        <source>Unknown grouping {group}.</source>
        <translation>未知的分组方式 {group}。</translation>
    </message>
    <message>
        <source>The export was cancelled: no notice was issued and no file was written.</source>
        <translation>导出已取消：未制发任何通知书，也未写入任何文件。</translation>
    </message>
</context>
</TS>
