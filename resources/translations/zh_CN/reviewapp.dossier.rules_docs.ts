<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DossierRules</name>
    <message>
        <source>Prosecution opinion, indictment and judgment agree (三书比对)</source>
        <translation>起诉意见书、起诉书、判决书一致（三书比对）</translation>
    </message>
    <message>
        <source>The charge cites its Criminal Law article</source>
        <translation>罪名与引用的刑法条文相符</translation>
    </message>
    <message>
        <source>Each person keeps one role across the documents</source>
        <translation>同一人员在各文书中诉讼地位一致</translation>
    </message>
    <message>
        <source>Procedural dates in the documents are in order</source>
        <translation>文书中诉讼日期先后有序</translation>
    </message>
    <message>
        <source>The sentence lies within the sentencing recommendation</source>
        <translation>判处刑罚在量刑建议范围内</translation>
    </message>
    <message>
        <source>indictment charges {a}, judgment convicts of {b}</source>
        <translation>起诉书指控{a}，判决书认定{b}</translation>
    </message>
    <message>
        <source>prosecution opinion says {a}, indictment {b}</source>
        <translation>起诉意见书为{a}，起诉书为{b}</translation>
    </message>
    <message>
        <source>{a} names {x}, {b} names {y}</source>
        <translation>{a}载明{x}，{b}载明{y}</translation>
    </message>
    <message>
        <source>{a} states {x}, {b} states {y}</source>
        <translation>{a}记载{x}，{b}记载{y}</translation>
    </message>
    <message>
        <source>The documents disagree: {problems}.</source>
        <translation>文书之间不一致：{problems}。</translation>
    </message>
    <message>
        <source>{document}: {charge} needs {wanted}, cites {cited}</source>
        <translation>{document}：{charge}应引用{wanted}，实际引用{cited}</translation>
    </message>
    <message>
        <source>no charge of the table with a cited article</source>
        <translation>没有可对照的罪名及其引用条文</translation>
    </message>
    <message>
        <source>Wrong article cited: {problems}.</source>
        <translation>引用法律条文错误：{problems}。</translation>
    </message>
    <message>
        <source>The same person has different roles: {parts}.</source>
        <translation>同一人员诉讼地位不一致：{parts}。</translation>
    </message>
    <message>
        <source>fewer than two procedural dates are stated</source>
        <translation>文书记载的诉讼日期不足两个</translation>
    </message>
    <message>
        <source>Dates out of order: {pairs}.</source>
        <translation>诉讼日期先后颠倒：{pairs}。</translation>
    </message>
    <message>
        <source>a recommendation and a sentence are both needed</source>
        <translation>需要同时有量刑建议和判决刑罚</translation>
    </message>
    <message>
        <source>Recommended {rec}, sentenced to {sentence}.</source>
        <translation>量刑建议{rec}，判处{sentence}。</translation>
    </message>
</context>
</TS>
