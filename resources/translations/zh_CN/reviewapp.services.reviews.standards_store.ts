<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StandardStore</name>
    <message>
        <source>No stored standard has id {id}.</source>
        <translation>没有编号为 {id} 的评查标准版本。</translation>
    </message>
    <message>
        <source>No stored standard {code} (version {version}).</source>
        <translation>没有评查标准 {code}（版本 {version}）。</translation>
    </message>
</context>
</TS>
