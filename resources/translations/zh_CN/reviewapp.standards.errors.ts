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
        <source>{where}: {item}: {problem}</source>
        <translation>{where}：{item}：{problem}</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}：{problem}</translation>
    </message>
</context>
</TS>
