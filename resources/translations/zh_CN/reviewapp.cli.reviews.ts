<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliReviews</name>
    <message>
        <source>offline review form (Excel)</source>
        <translation>离线评查表（Excel）</translation>
    </message>
    <message>
        <source>write a case's review form</source>
        <translation>导出案件的评查表</translation>
    </message>
    <message>
        <source>部门受案号 of the case</source>
        <translation>案件的部门受案号</translation>
    </message>
    <message>
        <source>the .xlsx file to write</source>
        <translation>要写入的 .xlsx 文件</translation>
    </message>
    <message>
        <source>prefill with this reviewer's draft</source>
        <translation>预先填入该评查员的草稿</translation>
    </message>
    <message>
        <source>read a filled review form</source>
        <translation>导入填好的评查表</translation>
    </message>
    <message>
        <source>the filled .xlsx form</source>
        <translation>已填写的 .xlsx 表</translation>
    </message>
    <message>
        <source>the reviewer's name in the roster (default: who is logged in)</source>
        <translation>评查员在人员名册中的姓名（默认：当前登录人）</translation>
    </message>
    <message>
        <source>submit the review afterwards</source>
        <translation>导入后提交评查</translation>
    </message>
    <message>
        <source>show reviews of a case</source>
        <translation>显示案件的评查</translation>
    </message>
    <message>
        <source>findings, proposed grade and why, status</source>
        <translation>问题、建议等次及理由、状态</translation>
    </message>
    <message>
        <source>review standards</source>
        <translation>评查标准</translation>
    </message>
    <message>
        <source>write a standard to an Excel workbook</source>
        <translation>将评查标准导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>code of the standard (standard list)</source>
        <translation>评查标准代码（见 standard list）</translation>
    </message>
    <message>
        <source>which version (default: the newest)</source>
        <translation>版本（默认最新版）</translation>
    </message>
    <message>
        <source>store an edited standard workbook as a new version</source>
        <translation>将修改后的评查标准工作簿保存为新版本</translation>
    </message>
    <message>
        <source>the edited .xlsx workbook</source>
        <translation>编辑后的 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>list stored standards</source>
        <translation>列出已保存的评查标准</translation>
    </message>
    <message>
        <source>{name} is not in the roster; add the reviewer first (people add NAME --login LOGIN --role 评查员).</source>
        <translation>{name} 不在人员名册中；请先添加该评查员（people add 姓名 --login 登录名 --role 评查员）。</translation>
    </message>
    <message>
        <source>Review form written to {file}</source>
        <translation>评查表已写入 {file}</translation>
    </message>
    <message>
        <source>{file}: case {case}, reviewer {reviewer}: {recorded} recorded, {updated} updated, {unchanged} unchanged, {rejected} rejected</source>
        <translation>{file}：案件 {case}，评查员 {reviewer}：新增 {recorded} 项，更新 {updated} 项，未变 {unchanged} 项，未导入 {rejected} 行</translation>
    </message>
    <message>
        <source>sheet {sheet}, row {row}, column {column}</source>
        <translation>工作表 {sheet}，第 {row} 行，{column} 列</translation>
    </message>
    <message>
        <source>Submitted.</source>
        <translation>已提交。</translation>
    </message>
    <message>
        <source>Case {case} has no review.</source>
        <translation>案件 {case} 尚无评查。</translation>
    </message>
    <message>
        <source>Standard {code} v{version} written to {file}</source>
        <translation>评查标准 {code} 第 {version} 版已写入 {file}</translation>
    </message>
    <message>
        <source>Standard {code} stored as version {version}</source>
        <translation>评查标准 {code} 已保存为第 {version} 版</translation>
    </message>
</context>
</TS>
