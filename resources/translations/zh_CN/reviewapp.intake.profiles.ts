<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>Has the key column {column} but lacks a required column or holds no rows; the cases were read from {sheet}</source>
        <translation>虽有关键列 {column}，但缺少必填列或没有数据行；案件取自工作表 {sheet}</translation>
    </message>
    <message>
        <source>A hidden sheet, not read; the cases were read from the visible sheet {sheet}</source>
        <translation>隐藏的工作表，未读取；案件取自可见工作表 {sheet}</translation>
    </message>
    <message>
        <source>No header row with the key column {column}; the cases were read from {sheet}</source>
        <translation>没有含关键列 {column} 的表头行；案件取自工作表 {sheet}</translation>
    </message>
    <message>
        <source>Not a cases, suspects or documents sheet (the cases were read from {sheet}); if it holds suspects or documents, name it in an import profile</source>
        <translation>不是案件、犯罪嫌疑人或文书工作表（案件取自工作表 {sheet}）；如其中是犯罪嫌疑人或文书，请在导入配置中指定该工作表</translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>This is not an import profile of this application.</source>
        <translation>这不是本程序的导入配置。</translation>
    </message>
    <message>
        <source>The profile has no name.</source>
        <translation>该配置没有名称。</translation>
    </message>
    <message>
        <source>The profile's sheets and columns must be tables.</source>
        <translation>配置中的工作表和列必须是映射表。</translation>
    </message>
    <message>
        <source>The columns of {role} must be a table.</source>
        <translation>{role} 的列必须是映射表。</translation>
    </message>
    <message>
        <source>Column {header} is mapped to {field}, which is not a field of {role}.</source>
        <translation>列 {header} 被映射到 {field}，但它不是 {role} 的字段。</translation>
    </message>
    <message>
        <source>Cannot read {file}: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <source>{file} is not an import profile (JSON): {error}</source>
        <translation>{file} 不是导入配置（JSON）：{error}</translation>
    </message>
    <message>
        <source>Unknown sheet role {role}; allowed: {allowed}</source>
        <translation>未知的工作表用途 {role}；可填：{allowed}</translation>
    </message>
</context>
</TS>
