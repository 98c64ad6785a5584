<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Grading</name>
    <message>
        <source>{code} {text}</source>
        <translation>{code} {text}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{item} ({severity})</source>
        <translation>{item}（{severity}）</translation>
    </message>
    <message>
        <source>{items} is a veto item</source>
        <translation>{items}为一票否决项</translation>
    </message>
    <message>
        <source>{items} is classed as {severity}</source>
        <translation>{items}为{severity}</translation>
    </message>
    <message>
        <source>only {severity} recorded: {items}</source>
        <translation>仅有{severity}：{items}</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>no problem recorded</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>score {score} is below {threshold}</source>
        <translation>得分 {score} 低于 {threshold} 分</translation>
    </message>
    <message>
        <source>score {score} is at least {threshold}</source>
        <translation>得分 {score} 不低于 {threshold} 分</translation>
    </message>
    <message>
        <source>every criterion for {grade} is met</source>
        <translation>{grade}标准全部满足</translation>
    </message>
    <message>
        <source>a justification is recorded</source>
        <translation>已书面说明理由</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{grade}: {reasons}</source>
        <translation>{grade}：{reasons}</translation>
    </message>
    <message>
        <source>{grade}: {reasons} (by the rule: {rule_name})</source>
        <translation>{grade}：{reasons}（依据规则：{rule_name}）</translation>
    </message>
    <message>
        <source>{item} −{points}</source>
        <translation>{item}扣{points}分</translation>
    </message>
    <message>
        <source>{total} points deducted: {items}</source>
        <translation>共扣{total}分：{items}</translation>
    </message>
    <message>
        <source>No grade proposed: no rule of standard {code} v{version} applies to these findings; decide the grade by hand.</source>
        <translation>未提出等次建议：评查标准 {code} 第 {version} 版没有适用于这些问题的等次规则，请人工确定等次。</translation>
    </message>
</context>
</TS>
