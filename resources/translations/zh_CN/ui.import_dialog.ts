<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportDialog</name>
    <message>
        <source>Folder {folder} was taken as case {number}: the numbers differ only in their brackets.</source>
        <translation>文件夹 {folder} 按案件 {number} 关联：二者仅括号写法不同。</translation>
    </message>
    <message>
        <source>Import cases</source>
        <translation>导入案件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Export rejected rows…</source>
        <translation>导出未导入的行…</translation>
    </message>
    <message>
        <source>Export rejected rows</source>
        <translation>导出未导入的行</translation>
    </message>
    <message>
        <source>Cancelling… the database is left as it was before this file.</source>
        <translation>正在取消……数据库将保持导入该文件之前的状态。</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}……</translation>
    </message>
    <message>
        <source>Map the columns of {file} to continue.</source>
        <translation>请先映射 {file} 的各列再继续。</translation>
    </message>
    <message>
        <source>{file}: not imported because of an unexpected error.</source>
        <translation>{file}：因意外错误未能导入。</translation>
    </message>
    <message>
        <source>{file}: import cancelled; nothing from this file was stored.</source>
        <translation>{file}：导入已取消，该文件的数据均未保存。</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <source>{folder}: {docs} documents attached to {cases} cases.</source>
        <translation>{folder}：{docs} 份文书已关联到 {cases} 件案件。</translation>
    </message>
    <message>
        <source>{file}: {imported} imported, {updated} updated, {unchanged} unchanged, {rejected} rejected, {docs} documents attached.</source>
        <translation>{file}：新增 {imported} 件，更新 {updated} 件，未变化 {unchanged} 件，未导入 {rejected} 行，关联文书 {docs} 份。</translation>
    </message>
    <message>
        <source>{n} changes to cases under review were not applied (listed in the export).</source>
        <translation>{n} 处对评查中案件的修改未予更新（见导出清单）。</translation>
    </message>
    <message>
        <source>Read with the import profile {name}.</source>
        <translation>已按导入配置 {name} 读取。</translation>
    </message>
    <message>
        <source>Sheet {sheet} not read: {reason}</source>
        <translation>工作表 {sheet} 未读取：{reason}</translation>
    </message>
    <message>
        <source>Sheet {sheet}: columns kept as unmapped extras: {columns}</source>
        <translation>工作表 {sheet}：作为未映射附加列保留的列：{columns}</translation>
    </message>
    <message>
        <source>{n} exact duplicate rows skipped (sheet and row: {rows})</source>
        <translation>跳过 {n} 行完全重复的行（工作表及行号：{rows}）</translation>
    </message>
    <message>
        <source>rejected-rows.xlsx</source>
        <translation>未导入的行.xlsx</translation>
    </message>
    <message>
        <source>Rejected rows written to {path}.</source>
        <translation>未导入的行已写入 {path}。</translation>
    </message>
</context>
</TS>
