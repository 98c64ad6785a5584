<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MappingDialog</name>
    <message>
        <source>Map the columns of {file}</source>
        <translation>映射 {file} 的各列</translation>
    </message>
    <message>
        <source>This export's columns are not all known. Check the field proposed for each column, change it or leave the column as an extra, and save the mapping under a name: the next export with the same columns is read with it automatically.</source>
        <translation>此导出文件的列并非都能识别。请核对为每一列推荐的字段，可以修改，也可以把该列作为附加列保留；然后为映射命名并保存：下次导入列相同的文件时将自动使用。</translation>
    </message>
    <message>
        <source>e.g. the provincial system's export</source>
        <translation>例如：省院新系统导出</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <source>Sheet with the cases</source>
        <translation>案件所在工作表</translation>
    </message>
    <message>
        <source>Sheet with the suspects</source>
        <translation>犯罪嫌疑人所在工作表</translation>
    </message>
    <message>
        <source>Sheet with the documents</source>
        <translation>文书所在工作表</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>sheet ({name})</source>
        <translation>{name}</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Save profile and import</source>
        <translation>保存配置并导入</translation>
    </message>
    <message>
        <source>Import without a profile</source>
        <translation>不使用配置直接导入</translation>
    </message>
    <message>
        <source>Use a profile file…</source>
        <translation>使用配置文件…</translation>
    </message>
    <message>
        <source>(keep as an extra column)</source>
        <translation>（作为附加列保留）</translation>
    </message>
    <message>
        <source>card field ({column})</source>
        <translation>{column}</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>请填写配置名称。</translation>
    </message>
    <message>
        <source>Choose the sheet that holds the cases.</source>
        <translation>请选择案件所在的工作表。</translation>
    </message>
    <message>
        <source>These fields are chosen for more than one column: {fields}</source>
        <translation>以下字段被选给了不止一列：{fields}</translation>
    </message>
    <message>
        <source>Saving the profile…</source>
        <translation>正在保存配置…</translation>
    </message>
    <message>
        <source>Import profile file</source>
        <translation>导入配置文件</translation>
    </message>
    <message>
        <source>Import profile (*.json)</source>
        <translation>导入配置 (*.json)</translation>
    </message>
</context>
</TS>
