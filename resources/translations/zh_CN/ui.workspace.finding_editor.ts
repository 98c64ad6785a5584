<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FindingEditor</name>
    <message>
        <source>None</source>
        <translation>无问题</translation>
    </message>
    <message>
        <source>Common phrase</source>
        <translation>常见问题表述</translation>
    </message>
    <message>
        <source>Deduction (points)</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据页</translation>
    </message>
    <message>
        <source>Link current page (L)</source>
        <translation>关联当前页（L）</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <source>Evidence in the dossier (click to open the page):</source>
        <translation>卷宗依据（点击跳转到该页）：</translation>
    </message>
    <message>
        <source>Choose a checklist item.</source>
        <translation>请选择评查项。</translation>
    </message>
    <message>
        <source>Allowed: {severities}</source>
        <translation>可选：{severities}</translation>
    </message>
    <message>
        <source>Deduction {points:g} points</source>
        <translation>扣 {points:g} 分</translation>
    </message>
    <message>
        <source>Veto item</source>
        <translation>一票否决项</translation>
    </message>
    <message>
        <source>Basis: {basis}</source>
        <translation>依据：{basis}</translation>
    </message>
    <message>
        <source>— choose a common phrase —</source>
        <translation>— 选择常见问题表述 —</translation>
    </message>
    <message>
        <source>Reason (required) — R to jump here, Enter to save</source>
        <translation>问题理由（必填）— 按 R 跳到此处，回车保存</translation>
    </message>
    <message>
        <source>Choose a severity first (keys 1/2/3)</source>
        <translation>请先选择问题程度（按键 1/2/3）</translation>
    </message>
    <message>
        <source>{title} — page {page}</source>
        <translation>{title} — 第 {page} 页</translation>
    </message>
    <message>
        <source>{code} allows only {severities}.</source>
        <translation>{code} 只能认定为：{severities}。</translation>
    </message>
</context>
</TS>
