<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliSelfCheck</name>
    <message>
        <source>self-check before archiving (每案必检)</source>
        <translation>办案检查（每案必检）</translation>
    </message>
    <message>
        <source>export a case's form to fill in</source>
        <translation>导出案件的检查表以便填写</translation>
    </message>
    <message>
        <source>部门受案号 of the case</source>
        <translation>案件的部门受案号</translation>
    </message>
    <message>
        <source>which form</source>
        <translation>哪一种表</translation>
    </message>
    <message>
        <source>the .xlsx file to write</source>
        <translation>要写入的 .xlsx 文件</translation>
    </message>
    <message>
        <source>import a filled form</source>
        <translation>导入已填写的检查表</translation>
    </message>
    <message>
        <source>the filled .xlsx form</source>
        <translation>已填写的 .xlsx 表</translation>
    </message>
    <message>
        <source>submit when no row is rejected</source>
        <translation>没有被拒绝的行时提交</translation>
    </message>
    <message>
        <source>show a case's self-check forms</source>
        <translation>显示案件的自查表和核查表</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Form written to {file}.</source>
        <translation>检查表已写入 {file}。</translation>
    </message>
    <message>
        <source>{case} {kind}: {n} items answered, {m} unchanged, {r} rows rejected.</source>
        <translation>{case} {kind}：已填写 {n} 项，{m} 项未变，拒绝 {r} 行。</translation>
    </message>
    <message>
        <source>sheet {sheet} row {row} column {column}: {reason}</source>
        <translation>工作表 {sheet} 第 {row} 行 {column} 列：{reason}</translation>
    </message>
    <message>
        <source>Submitted.</source>
        <translation>已提交。</translation>
    </message>
    <message>
        <source>No self-check form yet.</source>
        <translation>尚无自查表。</translation>
    </message>
</context>
</TS>
