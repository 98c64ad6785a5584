<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliProcess</name>
    <message>
        <source>the handling prosecutor's feedback</source>
        <translation>承办检察官反馈意见（听取意见）</translation>
    </message>
    <message>
        <source>write the feedback form (Excel and PDF)</source>
        <translation>导出评查意见反馈表（Excel 和 PDF）</translation>
    </message>
    <message>
        <source>Excel file to write (a PDF is written next to it)</source>
        <translation>要写入的 Excel 文件（同名 PDF 写在旁边）</translation>
    </message>
    <message>
        <source>record a filled feedback form</source>
        <translation>导入已填写的反馈表</translation>
    </message>
    <message>
        <source>answer the opinion finding by finding</source>
        <translation>逐项答复评查意见</translation>
    </message>
    <message>
        <source>accept the finding of ITEM</source>
        <translation>同意该检查项（ITEM）的问题</translation>
    </message>
    <message>
        <source>accept every finding not objected to</source>
        <translation>未提出异议的问题均同意</translation>
    </message>
    <message>
        <source>an answer that came back on paper (案管 enters it)</source>
        <translation>纸质反馈（由案管录入）</translation>
    </message>
    <message>
        <source>the date of a paper answer</source>
        <translation>纸质反馈的日期</translation>
    </message>
    <message>
        <source>rule on the prosecutor's objections</source>
        <translation>审查承办检察官的异议</translation>
    </message>
    <message>
        <source>uphold or reject one objection</source>
        <translation>异议成立或不成立</translation>
    </message>
    <message>
        <source>the reason of the ruling</source>
        <translation>审查理由</translation>
    </message>
    <message>
        <source>upheld: the revised severity</source>
        <translation>异议成立时：修改后的问题等级</translation>
    </message>
    <message>
        <source>upheld: the revised finding's text</source>
        <translation>异议成立时：修改后的问题表述</translation>
    </message>
    <message>
        <source>upheld: the problem is not there at all</source>
        <translation>异议成立时：问题不存在，予以撤销</translation>
    </message>
    <message>
        <source>determine (审定) and sign a review</source>
        <translation>审定评查结论并签署</translation>
    </message>
    <message>
        <source>date of the committee meeting</source>
        <translation>检察委员会会议日期</translation>
    </message>
    <message>
        <source>the committee's decision</source>
        <translation>检察委员会决定</translation>
    </message>
    <message>
        <source>void the determination (chief prosecutor)</source>
        <translation>撤销审定（检察长）</translation>
    </message>
    <message>
        <source>rectification of the notices</source>
        <translation>整改通知书的整改情况</translation>
    </message>
    <message>
        <source>record the rectification report received</source>
        <translation>登记收到的整改报告</translation>
    </message>
    <message>
        <source>what the report says</source>
        <translation>整改报告内容</translation>
    </message>
    <message>
        <source>the day it was received (default: today)</source>
        <translation>收到日期（默认今天）</translation>
    </message>
    <message>
        <source>record the re-check</source>
        <translation>登记整改复查结果</translation>
    </message>
    <message>
        <source>failed: what is still to be rectified</source>
        <translation>未通过时：仍需整改的内容</translation>
    </message>
    <message>
        <source>failed: a new deadline</source>
        <translation>未通过时：新的整改期限</translation>
    </message>
    <message>
        <source>list rectifications</source>
        <translation>列出整改情况</translation>
    </message>
    <message>
        <source>only overdue ones</source>
        <translation>只列逾期的</translation>
    </message>
    <message>
        <source>record what fell due</source>
        <translation>登记到期事项</translation>
    </message>
    <message>
        <source>the day to process as (default: today)</source>
        <translation>按哪一天处理（默认今天）</translation>
    </message>
    <message>
        <source>Case {case} has no review file.</source>
        <translation>案件 {case} 没有评查卷。</translation>
    </message>
    <message>
        <source>Item {item} has several findings; answer with the feedback form.</source>
        <translation>检查项 {item} 有多个问题，请使用反馈表答复。</translation>
    </message>
    <message>
        <source>The opinion has no finding on item {item} (findings: {items}).</source>
        <translation>评查意见中没有检查项 {item} 的问题（现有问题：{items}）。</translation>
    </message>
    <message>
        <source>Feedback form written: {xlsx} and {pdf}</source>
        <translation>反馈表已导出：{xlsx} 和 {pdf}</translation>
    </message>
    <message>
        <source>Answer recorded: objected; the objections are to be ruled on.</source>
        <translation>反馈意见已登记：有异议，待异议审查。</translation>
    </message>
    <message>
        <source>Answer recorded: every finding accepted; on to determination.</source>
        <translation>反馈意见已登记：均无异议，转入审定。</translation>
    </message>
    <message>
        <source>No open objection to item {item} on case {case}.</source>
        <translation>案件 {case} 的检查项 {item} 没有待审查的异议。</translation>
    </message>
    <message>
        <source>Objection to {item} {ruling}; grade {before} → {after}; {left} still open.</source>
        <translation>检查项 {item} 的异议审查结果：{ruling}；等次 {before} → {after}；尚有 {left} 项异议待审查。</translation>
    </message>
    <message>
        <source>Determination voided; notices superseded: {numbers}</source>
        <translation>审定已撤销；作废的整改通知书：{numbers}</translation>
    </message>
    <message>
        <source>Determined and signed; SHA-256 {sha}</source>
        <translation>已审定并签署；SHA-256：{sha}</translation>
    </message>
    <message numerus="yes">
        <source>%n rectification(s)</source>
        <translation>
            <numerusform>共 %n 项整改</numerusform>
        </translation>
    </message>
    <message>
        <source>Notice {notice}: {status}</source>
        <translation>通知书 {notice}：{status}</translation>
    </message>
    <message>
        <source>{number}: 无异议（无反馈意见） recorded on {day}</source>
        <translation>{number}：已记录“无异议（无反馈意见）”，日期 {day}</translation>
    </message>
    <message>
        <source>Notice {number}: overdue since {day}</source>
        <translation>通知书 {number}：自 {day} 起逾期</translation>
    </message>
    <message>
        <source>Nothing fell due.</source>
        <translation>没有到期事项。</translation>
    </message>
</context>
</TS>
