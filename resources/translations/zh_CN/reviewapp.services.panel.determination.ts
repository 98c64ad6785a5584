<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Process</name>
    <message>
        <source>Unknown determining body {body}; one of: {bodies}</source>
        <translation>未知的审定主体 {body}；可选：{bodies}</translation>
    </message>
    <message>
        <source>Only the chief prosecutor or the procuratorial committee determines this review (grade other than 合格, or an objection rejected).</source>
        <translation>本评查须由检察长或检察委员会审定（等次不是合格，或有异议不成立）。</translation>
    </message>
    <message>
        <source>{user} is not the deputy chief prosecutor in charge.</source>
        <translation>{user}不是分管副检察长。</translation>
    </message>
    <message>
        <source>Give the date of the procuratorial committee meeting.</source>
        <translation>请填写检察委员会会议日期。</translation>
    </message>
    <message>
        <source>Write the decision of the procuratorial committee.</source>
        <translation>请填写检察委员会的决定。</translation>
    </message>
    <message>
        <source>A meeting date belongs to a determination by the committee.</source>
        <translation>会议日期只用于检察委员会审定。</translation>
    </message>
    <message>
        <source>Review file {number} is not awaiting determination.</source>
        <translation>评查卷 {number} 不在待审定状态。</translation>
    </message>
    <message>
        <source>Review file {number} is not determined.</source>
        <translation>评查卷 {number} 尚未审定。</translation>
    </message>
    <message>
        <source>Write the reason for reopening the determined review.</source>
        <translation>请写明撤销审定、重新评查的理由。</translation>
    </message>
</context>
</TS>
