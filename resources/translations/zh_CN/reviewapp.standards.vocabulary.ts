<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>The setting {key} cannot use the line {line}: write word=severity, the severity one of {allowed}.</source>
        <translation>设置 {key} 中的 {line} 无法使用：请写成“用语=问题等级”，问题等级为 {allowed} 之一。</translation>
    </message>
</context>
</TS>
