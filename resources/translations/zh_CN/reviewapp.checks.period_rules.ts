<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckRules</name>
    <message>
        <source>At most two returns for supplementary investigation</source>
        <translation>退回补充侦查以二次为限</translation>
    </message>
    <message>
        <source>Each return for supplementary investigation lasts at most one month</source>
        <translation>每次退回补充侦查不超过一个月</translation>
    </message>
    <message>
        <source>Suspect told of the right to counsel within 3 days of receipt</source>
        <translation>受理后三日内告知犯罪嫌疑人有权委托辩护人</translation>
    </message>
    <message>
        <source>Victim told of the right to an agent within 3 days of receipt</source>
        <translation>受理后三日内告知被害人有权委托诉讼代理人</translation>
    </message>
    <message>
        <source>Bail (取保候审) at most 12 months</source>
        <translation>取保候审不超过十二个月</translation>
    </message>
    <message>
        <source>Residential surveillance (监视居住) at most 6 months</source>
        <translation>监视居住不超过六个月</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>{count} returns for supplementary investigation; at most {max} are allowed.</source>
        <translation>退回补充侦查{count}次，最多允许{max}次。</translation>
    </message>
    <message>
        <source>{count} returns for supplementary investigation (at most {max}).</source>
        <translation>退回补充侦查{count}次（最多{max}次）。</translation>
    </message>
    <message>
        <source>Return {number} for supplementary investigation ({months} month)</source>
        <translation>第{number}次退回补充侦查（{months}个月）</translation>
    </message>
    <message>
        <source>Suspect's rights notice ({days} days)</source>
        <translation>告知犯罪嫌疑人诉讼权利（{days}日）</translation>
    </message>
    <message>
        <source>Victim's rights notice ({days} days)</source>
        <translation>告知被害人诉讼权利（{days}日）</translation>
    </message>
    <message>
        <source>{measure} of {name} ({months} months)</source>
        <translation>{name}的{measure}（{months}个月）</translation>
    </message>
</context>
</TS>
