<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>Folder {folder} was taken as case {number}: the numbers differ only in their brackets.</source>
        <translation>文件夹 {folder} 按案件 {number} 关联：二者仅括号写法不同。</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>部门受案号</translation>
    </message>
    <message>
        <source>Case name</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>案件类别</translation>
    </message>
    <message>
        <source>Prosecutor</source>
        <translation>承办检察官</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>import case exports or dossier folders</source>
        <translation>导入案件导出文件或卷宗文件夹</translation>
    </message>
    <message>
        <source>case export workbooks (.xlsx) or dossier folders</source>
        <translation>案件导出表（.xlsx）或电子卷宗文件夹</translation>
    </message>
    <message>
        <source>do not run the pre-screening checks afterwards</source>
        <translation>导入后不运行自动预检</translation>
    </message>
    <message>
        <source>read the export with this import profile (a saved name or a profile file)</source>
        <translation>用此导入配置读取导出文件（已保存的配置名称或配置文件）</translation>
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
        <source>how many cases in all, the built-in scenario cases included</source>
        <translation>案件总数（含内置的情景案件）</translation>
    </message>
    <message>
        <source>the folder to write into</source>
        <translation>写入的文件夹</translation>
    </message>
    <message>
        <source>random seed: the same seed gives the same cases</source>
        <translation>随机种子：相同的种子生成相同的案件</translation>
    </message>
    <message>
        <source>write the workbook only, without dossier PDFs</source>
        <translation>只写导出表，不生成卷宗 PDF</translation>
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
        <source>import profile applied: {name}</source>
        <translation>已应用导入配置：{name}</translation>
    </message>
    <message>
        <source>sheet {sheet} not read: {reason}</source>
        <translation>工作表 {sheet} 未读取：{reason}</translation>
    </message>
    <message>
        <source>sheet {sheet}: columns kept as unmapped extras: {columns}</source>
        <translation>工作表 {sheet}：作为未映射附加列保留的列：{columns}</translation>
    </message>
    <message>
        <source>sheet {sheet}, row {row}: exact copy of an earlier row, skipped</source>
        <translation>工作表 {sheet} 第 {row} 行：与前面某行完全相同，已跳过</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>No case is imported yet: import the case export first, then its dossier folder.</source>
        <translation>尚未导入任何案件：请先导入案件导出表，再导入电子卷宗文件夹。</translation>
    </message>
    <message>
        <source>No file matched a case. Looked for sub-folders named by an imported case's 部门受案号 ('/' written as '_'), e.g. {examples}; found: {found}.</source>
        <translation>没有文件与案件对应。应为以已导入案件的部门受案号命名的子文件夹（“/”写作“_”），例如 {examples}；实际找到：{found}。</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>--cases must be 0 or more.</source>
        <translation>--cases 不能小于 0。</translation>
    </message>
    <message>
        <source>{asked} cases were asked for, but the demo always holds its {builtin} built-in scenario cases: {builtin} cases are written.</source>
        <translation>要求生成 {asked} 件，但演示数据总是包含 {builtin} 件内置情景案件：实际生成 {builtin} 件。</translation>
    </message>
    <message>
        <source>Writing demo data</source>
        <translation>正在生成演示数据</translation>
    </message>
    <message numerus="yes">
        <source>Demo export written: {workbook} (%n case(s))</source>
        <translation>
            <numerusform>已生成演示数据：{workbook}（%n 件）</numerusform>
        </translation>
    </message>
</context>
</TS>
