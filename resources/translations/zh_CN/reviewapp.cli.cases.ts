<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>import case exports or dossier folders</source>
        <translation>导入案件导出文件或卷宗文件夹</translation>
    </message>
    <message>
        <source>do not run the pre-screening checks afterwards</source>
        <translation>导入后不运行自动预检</translation>
    </message>
    <message>
        <source>list cases</source>
        <translation>列出案件</translation>
    </message>
    <message>
        <source>case number, name, prosecutor or charge</source>
        <translation>受案号、案件名称、承办检察官或案由</translation>
    </message>
    <message>
        <source>write a demo export with dossiers</source>
        <translation>生成带卷宗的演示数据</translation>
    </message>
    <message>
        <source>{file}: {docs} documents attached to {cases} cases, {unmatched} folders matched no case</source>
        <translation>{file}：{docs} 份文书已关联到 {cases} 件案件，{unmatched} 个文件夹未匹配到案件</translation>
    </message>
    <message>
        <source>{file}: {imported} imported, {updated} updated, {unchanged} unchanged, {rejected} rejected, {docs} documents</source>
        <translation>{file}：新增 {imported} 件，更新 {updated} 件，未变化 {unchanged} 件，未导入 {rejected} 行，文书 {docs} 份</translation>
    </message>
    <message>
        <source>sheet {sheet}, row {row}, column {column}</source>
        <translation>工作表 {sheet}，第 {row} 行，列 {column}</translation>
    </message>
    <message>
        <source>{case} is under review, not updated: {field} {old} → {new}</source>
        <translation>{case} 正在评查，未更新：{field} {old} → {new}</translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation>共 {n} 件</translation>
    </message>
    <message>
        <source>Demo export written: {workbook} ({n} cases)</source>
        <translation>已生成演示数据：{workbook}（{n} 件）</translation>
    </message>
</context>
</TS>
