<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>{severity} is a grade, not a severity: the grade follows from the severities of the findings — write the item's severity ({tiers}), or, if your checklist uses this word for one of them, teach it to the app with the setting {key}: a line {severity}=X in Documents → Shared settings, or the command {command} {severity}=X, X being {tiers}; then import again</source>
        <translation>“{severity}”是案件等次，不是问题等级：等次由所发现问题的等级得出——请填写该评查项的问题等级（{tiers}）；如本地评查表用这个词指其中之一，请在设置 {key}（问题等级用语）中登记：在“文书 → 共享设置”中加一行 {severity}=X，或执行命令 {command} {severity}=X（X 为{tiers}），然后重新导入</translation>
    </message>
    <message>
        <source>the severity {severity} could mean {tiers}, so it is not guessed: write the one meant, or teach the word to the app with the setting {key}: a line {severity}=X in Documents → Shared settings, or the command {command} {severity}=X, X being {tiers}; then import again</source>
        <translation>问题等级“{severity}”可能是{tiers}，软件不作猜测：请填写实际所指的等级，或在设置 {key}（问题等级用语）中登记这个词：在“文书 → 共享设置”中加一行 {severity}=X，或执行命令 {command} {severity}=X（X 为{tiers}），然后重新导入</translation>
    </message>
    <message>
        <source>unknown severity {severity}: if your checklist uses this word for one of the severities, teach it to the app with the setting {key}: a line {severity}=X in Documents → Shared settings, or the command {command} {severity}=X, X being {tiers}; then import again</source>
        <translation>未知的问题等级“{severity}”：如本地评查表用这个词指某一问题等级，请在设置 {key}（问题等级用语）中登记：在“文书 → 共享设置”中加一行 {severity}=X，或执行命令 {command} {severity}=X（X 为{tiers}），然后重新导入</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>The setting {key} cannot use the line {line}: write word=severity, the severity one of {allowed}.</source>
        <translation>设置 {key} 中的 {line} 无法使用：请写成“用语=问题等级”，问题等级为 {allowed} 之一。</translation>
    </message>
</context>
</TS>
