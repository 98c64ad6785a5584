<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Process</name>
    <message>
        <source>The opinion on case {case} has not been sent to its handling prosecutor.</source>
        <translation>案件 {case} 的评查意见尚未送承办检察官。</translation>
    </message>
    <message>
        <source>The opinion of review file {number} is not formed yet.</source>
        <translation>评查卷 {number} 的评查意见尚未形成。</translation>
    </message>
    <message>
        <source>Only the handling prosecutor of case {case} answers its review opinion.</source>
        <translation>只有案件 {case} 的承办检察官可以答复其评查意见。</translation>
    </message>
    <message>
        <source>Unknown answer channel {channel}.</source>
        <translation>未知的反馈方式 {channel}。</translation>
    </message>
    <message>
        <source>Review file {number} is not awaiting the prosecutor's feedback.</source>
        <translation>评查卷 {number} 不在听取承办检察官意见阶段。</translation>
    </message>
    <message>
        <source>The feedback period of review file {number} ended on {due}; the answer came too late.</source>
        <translation>评查卷 {number} 的反馈期限已于 {due} 届满，反馈已逾期。</translation>
    </message>
    <message>
        <source>The answer is dated {day}, before the opinion was sent on {sent}.</source>
        <translation>反馈日期 {day} 早于评查意见送达日期 {sent}。</translation>
    </message>
    <message>
        <source>Finding {id} is not in the opinion of review file {number}.</source>
        <translation>问题 {id} 不在评查卷 {number} 的评查意见中。</translation>
    </message>
    <message>
        <source>Finding {id} is answered twice.</source>
        <translation>问题 {id} 被答复了两次。</translation>
    </message>
    <message>
        <source>An objection needs a reason (finding {item}).</source>
        <translation>提出异议须写明理由（问题 {item}）。</translation>
    </message>
    <message>
        <source>Answer every finding; not answered: {items}</source>
        <translation>请逐项答复；未答复：{items}</translation>
    </message>
</context>
</TS>
