<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SelfCheckFile</name>
    <message>
        <source>{file} is not a readable self-check form: {error}</source>
        <translation>{file} 不是可读取的检查表：{error}</translation>
    </message>
    <message>
        <source>{file}: the sheet {sheet} is missing; is this a self-check form?</source>
        <translation>{file}：缺少工作表 {sheet}，这是检查表吗？</translation>
    </message>
    <message>
        <source>{file}: sheet {sheet} has no column {columns}.</source>
        <translation>{file}：工作表 {sheet} 缺少列 {columns}。</translation>
    </message>
    <message>
        <source>This form does not ask item {code}.</source>
        <translation>本检查表没有检查项 {code}。</translation>
    </message>
    <message>
        <source>Item {code} is already answered in row {row}.</source>
        <translation>检查项 {code} 已在第 {row} 行作答。</translation>
    </message>
    <message>
        <source>Answer 是, 否 or 不适用.</source>
        <translation>请填写“是”“否”或“不适用”。</translation>
    </message>
    <message>
        <source>An item answered 否 needs a note saying what is wrong.</source>
        <translation>答“否”的检查项须在说明中写明存在的问题。</translation>
    </message>
</context>
</TS>
