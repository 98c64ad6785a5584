<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckRules</name>
    <message>
        <source>Plea case: agreement date, who was present and the recommendation recorded</source>
        <translation>认罪认罚案件已填写具结日期、在场人员和量刑建议</translation>
    </message>
    <message>
        <source>Plea agreement signed with a defender or duty lawyer present</source>
        <translation>签署具结书时辩护人或值班律师在场</translation>
    </message>
    <message>
        <source>Plea case prosecuted with a sentencing recommendation, fixed in principle</source>
        <translation>认罪认罚案件起诉时提出量刑建议，原则上为确定刑</translation>
    </message>
    <message>
        <source>Found charge differs from the transferred charge only with a recorded reason</source>
        <translation>认定罪名与移送案由不一致时已填写变更理由</translation>
    </message>
    <message>
        <source>Every suspect has a charge on the person card</source>
        <translation>每名犯罪嫌疑人的人员案卡均有罪名</translation>
    </message>
    <message>
        <source>Suspects' charges agree with the case card</source>
        <translation>犯罪嫌疑人罪名与案件案卡一致</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>Plea case (认罪认罚) lacks: {fields}.</source>
        <translation>认罪认罚案件缺少：{fields}。</translation>
    </message>
    <message>
        <source>Plea case: agreement date, who was present and the recommendation are recorded.</source>
        <translation>认罪认罚案件：具结日期、在场人员和量刑建议均已填写。</translation>
    </message>
    <message>
        <source>Plea agreement signed with the {witness} present.</source>
        <translation>签署具结书时{witness}在场。</translation>
    </message>
    <message>
        <source>Plea agreement signed with neither a defender nor a duty lawyer present.</source>
        <translation>签署具结书时辩护人和值班律师均不在场。</translation>
    </message>
    <message>
        <source>Sentencing recommendation: fixed term.</source>
        <translation>量刑建议：确定刑。</translation>
    </message>
    <message>
        <source>Sentencing recommendation is a range, not a fixed term: check the reasons given.</source>
        <translation>量刑建议为幅度刑而非确定刑：请核查是否说明理由。</translation>
    </message>
    <message>
        <source>Plea case prosecuted without a sentencing recommendation.</source>
        <translation>认罪认罚案件起诉时未提出量刑建议。</translation>
    </message>
    <message>
        <source>Found charge matches the transferred charge.</source>
        <translation>认定罪名与移送案由一致。</translation>
    </message>
    <message>
        <source>Found charge {found} differs from the transferred charge {moved} and no change is recorded.</source>
        <translation>认定罪名{found}与移送案由{moved}不一致，且未填写变更理由。</translation>
    </message>
    <message>
        <source>Charge changed from {moved} to {found}; reason recorded: {reason}.</source>
        <translation>罪名由{moved}变更为{found}；已填写理由：{reason}。</translation>
    </message>
    <message>
        <source>No charge ({field}) on the person card of: {names}.</source>
        <translation>以下人员案卡无罪名（{field}）：{names}。</translation>
    </message>
    <message>
        <source>Every suspect has a charge.</source>
        <translation>每名犯罪嫌疑人均有罪名。</translation>
    </message>
    <message>
        <source>{name}: {charge} is not among the case's found charges</source>
        <translation>{name}：{charge}不在案件认定罪名之中</translation>
    </message>
    <message>
        <source>{name}: indicted for {prosecuted} but found {found}</source>
        <translation>{name}：起诉罪名为{prosecuted}，但认定罪名为{found}</translation>
    </message>
    <message>
        <source>Charges disagree: {problems}.</source>
        <translation>罪名不一致：{problems}。</translation>
    </message>
    <message>
        <source>Suspects' charges agree with the case card.</source>
        <translation>犯罪嫌疑人罪名与案件案卡一致。</translation>
    </message>
</context>
</TS>
