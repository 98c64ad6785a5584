<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>suspects</source>
        <translation>犯罪嫌疑人</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>import profiles of other layouts</source>
        <translation>其他格式导出文件的导入配置</translation>
    </message>
    <message>
        <source>list the saved import profiles</source>
        <translation>列出已保存的导入配置</translation>
    </message>
    <message>
        <source>show one import profile</source>
        <translation>显示一个导入配置</translation>
    </message>
    <message>
        <source>the profile's name</source>
        <translation>导入方案名称</translation>
    </message>
    <message>
        <source>write an import profile to a file</source>
        <translation>将导入配置写入文件</translation>
    </message>
    <message>
        <source>the file to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <source>save an import profile from a file</source>
        <translation>从文件保存导入配置</translation>
    </message>
    <message>
        <source>a profile file exported by this application</source>
        <translation>本程序导出的导入方案文件</translation>
    </message>
    <message>
        <source>replace a saved profile of the same name</source>
        <translation>替换同名的已保存配置</translation>
    </message>
    <message>
        <source>delete a saved import profile</source>
        <translation>删除已保存的导入配置</translation>
    </message>
    <message>
        <source>propose a mapping for an export's columns</source>
        <translation>为导出文件的各列推荐映射</translation>
    </message>
    <message>
        <source>the export whose columns are to be mapped</source>
        <translation>需要映射各列的导出文件</translation>
    </message>
    <message>
        <source>save the proposal as a profile of this name</source>
        <translation>将推荐映射保存为此名称的配置</translation>
    </message>
    <message>
        <source>Import profile {name}</source>
        <translation>导入配置 {name}</translation>
    </message>
    <message>
        <source>sheet for {role}: {sheet}</source>
        <translation>{role} 所在工作表：{sheet}</translation>
    </message>
    <message>
        <source>(unmapped extra)</source>
        <translation>（未映射附加列）</translation>
    </message>
    <message>
        <source>{name}: {columns} columns mapped</source>
        <translation>{name}：已映射 {columns} 列</translation>
    </message>
    <message>
        <source>No import profiles are saved.</source>
        <translation>尚未保存导入配置。</translation>
    </message>
    <message>
        <source>Profile written to {path}.</source>
        <translation>配置已写入 {path}。</translation>
    </message>
    <message>
        <source>Profile {name} deleted.</source>
        <translation>配置 {name} 已删除。</translation>
    </message>
    <message>
        <source>sheet {sheet}: not read</source>
        <translation>工作表 {sheet}：不读取</translation>
    </message>
    <message>
        <source>sheet {sheet} ({role}):</source>
        <translation>工作表 {sheet}（{role}）：</translation>
    </message>
    <message>
        <source>Saved as import profile {name}.</source>
        <translation>已保存为导入配置 {name}。</translation>
    </message>
</context>
</TS>
