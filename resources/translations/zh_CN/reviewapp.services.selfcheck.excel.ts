<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SelfCheck</name>
    <message>
        <source>The {form} of case {case} is submitted and cannot change.</source>
        <translation>案件 {case} 的{form}已提交，不能再修改。</translation>
    </message>
</context>
<context>
    <name>SelfCheckFile</name>
    <message>
        <source>{file}: the form {uid} is not stored here; export the form from this database.</source>
        <translation>{file}：本数据库中没有编号为 {uid} 的检查表，请从本数据库导出检查表。</translation>
    </message>
    <message numerus="yes">
        <source>Not submitted: %n row(s) rejected.</source>
        <translation>
            <numerusform>未提交：有 %n 行被拒绝。</numerusform>
        </translation>
    </message>
</context>
</TS>
