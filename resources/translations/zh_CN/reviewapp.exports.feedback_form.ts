<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FeedbackForm</name>
    <message>
        <source>反馈日期 must be a date (YYYY-MM-DD)</source>
        <translation>反馈日期须为日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>not a finding number of this opinion</source>
        <translation>不是本评查意见的问题编号</translation>
    </message>
    <message>
        <source>empty: write 同意 or 异议</source>
        <translation>未填写：请填写“同意”或“异议”</translation>
    </message>
    <message>
        <source>{value} is neither 同意 nor 异议</source>
        <translation>“{value}”既不是“同意”也不是“异议”</translation>
    </message>
    <message>
        <source>an objection needs a reason</source>
        <translation>提出异议须写明理由</translation>
    </message>
</context>
</TS>
