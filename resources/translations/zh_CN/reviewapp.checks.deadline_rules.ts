<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckRules</name>
    <message>
        <source>Arrest review decided within the statutory period</source>
        <translation>审查逮捕在法定期限内作出决定</translation>
    </message>
    <message>
        <source>Prosecution review decided within one month (+15 days if extended)</source>
        <translation>审查起诉在一个月内办结（经批准延长的可延长十五日）</translation>
    </message>
    <message>
        <source>Fast-track (速裁) case decided within 10 / 15 days</source>
        <translation>速裁案件在十日／十五日内办结</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>Arrest decision on a case transferred by a supervisory commission (CPL art. 170, {days} days)</source>
        <translation>监察机关移送的留置案件作出是否逮捕的决定（刑事诉讼法第一百七十条，{days}日）</translation>
    </message>
    <message>
        <source>Arrest review, suspect detained ({days} days)</source>
        <translation>审查逮捕，犯罪嫌疑人已被拘留（{days}日）</translation>
    </message>
    <message>
        <source>Arrest review, not detained, major or complex ({days} days)</source>
        <translation>审查逮捕，未被拘留，重大复杂（{days}日）</translation>
    </message>
    <message>
        <source>Arrest review, not detained ({days} days)</source>
        <translation>审查逮捕，未被拘留（{days}日）</translation>
    </message>
    <message>
        <source>The case is on return for supplementary investigation; the review clock is stopped.</source>
        <translation>案件正在退回补充侦查中，审查期限暂停计算。</translation>
    </message>
    <message>
        <source>The period restarts on each resubmission (CPL art. 175).</source>
        <translation>每次补充侦查完毕重新移送后，重新计算审查起诉期限（刑事诉讼法第一百七十五条）。</translation>
    </message>
    <message>
        <source>Not checkable: the card lacks {fields}.</source>
        <translation>无法检查：案卡缺少{fields}。</translation>
    </message>
    <message>
        <source>Open since {start} and no date given to measure against.</source>
        <translation>自{start}起尚未办结，且未提供比对日期。</translation>
    </message>
    <message>
        <source>Review until the return for supplementary investigation</source>
        <translation>退回补充侦查前的审查</translation>
    </message>
    <message>
        <source>{what}: decided on {date}, after the {days}-day limit ({end}) but within {alt_days} days ({alt_end}), which applies only if the likely sentence exceeds one year.</source>
        <translation>{what}：于{date}办结，超过{days}日期限（{end}），但在{alt_days}日内（{alt_end}）；后者仅适用于可能判处一年以上有期徒刑的案件。</translation>
    </message>
    <message>
        <source>Prosecution review ({months} month)</source>
        <translation>审查起诉（{months}个月）</translation>
    </message>
    <message>
        <source>Prosecution review ({months} month; the extension approved on {date} came after it ended)</source>
        <translation>审查起诉（{months}个月；延长审查期限于 {date} 才批准，已在期限届满之后）</translation>
    </message>
    <message>
        <source>Prosecution review, extension approved ({months} month + {days} days)</source>
        <translation>审查起诉，经批准延长（{months}个月加{days}日）</translation>
    </message>
    <message>
        <source>Reading taken where the rules are silent: the card does not date the extension's approval, so the extension is applied to every review stretch.</source>
        <translation>规则未明确处采用的理解：案卡未载明延长审查期限的批准日期，延长期限适用于每一段审查期间。</translation>
    </message>
    <message>
        <source>Reading taken where the rules are silent: an approved extension carries into the review stretches restarted after it (the card records one approval), so the extension approved on {date} also applies to the stretch from {starts}.</source>
        <translation>规则未明确处采用的理解：经批准的延长审查期限延续适用于其后重新计算的审查期间（案卡只记载一次批准），故 {date} 批准的延长也适用于自 {starts} 起的审查期间。</translation>
    </message>
    <message>
        <source>Fast-track (速裁) review ({days} days)</source>
        <translation>速裁案件审查（{days}日）</translation>
    </message>
</context>
</TS>
