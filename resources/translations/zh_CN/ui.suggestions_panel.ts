<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DismissDialog</name>
    <message>
        <source>Dismiss suggestion</source>
        <translation>不采纳建议</translation>
    </message>
    <message>
        <source>Why is “{title}” not a problem in this case? The reason is kept and shown to later reviewers.</source>
        <translation>为什么“{title}”在本案中不构成问题？理由将被保存并向后续评查员显示。</translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <source>Check</source>
        <translation>校验规则</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评查项</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>问题性质</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>未采纳</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>violation</source>
        <translation>违规</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>预警</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>Suggested findings (automatic pre-screening)</source>
        <translation>建议问题（自动预检）</translation>
    </message>
    <message>
        <source>&amp;Accept as finding</source>
        <translation>采纳为问题(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>不采纳(&amp;D)…</translation>
    </message>
    <message>
        <source>Suggested findings (automatic pre-screening): {n}</source>
        <translation>建议问题（自动预检）：{n}项</translation>
    </message>
    <message>
        <source>No suggestion selected.</source>
        <translation>未选择建议。</translation>
    </message>
    <message>
        <source>Legal basis: {basis}</source>
        <translation>法律依据：{basis}</translation>
    </message>
    <message>
        <source>Checklist item: {code} {text}</source>
        <translation>评查项：{code} {text}</translation>
    </message>
    <message>
        <source>Proposed severity: {severity}</source>
        <translation>建议问题性质：{severity}</translation>
    </message>
    <message>
        <source>Earlier decisions on this case:</source>
        <translation>本案此前的处理：</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>未采纳</translation>
    </message>
</context>
</TS>
