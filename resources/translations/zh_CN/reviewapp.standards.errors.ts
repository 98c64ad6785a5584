<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>, sheet {sheet}</source>
        <translation>，工作表“{sheet}”</translation>
    </message>
    <message>
        <source>, row {row}</source>
        <translation>，第 {row} 行</translation>
    </message>
    <message>
        <source>, column {column}</source>
        <translation>，“{column}”列</translation>
    </message>
    <message>
        <source>{problem} (allowed: {values})</source>
        <translation>{problem}（可填写：{values}）</translation>
    </message>
    <message>
        <source>{where}: {item}: {problem}</source>
        <translation>{where}：{item}：{problem}</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}：{problem}</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found; fix them all and import again:</source>
        <translation>
            <numerusform>发现 %n 处问题，请全部改正后重新导入：</numerusform>
        </translation>
    </message>
</context>
</TS>
