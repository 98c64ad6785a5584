<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckConfig</name>
    <message>
        <source>{where}: expected a whole number of 0 or more, got {value!r}</source>
        <translation>{where}：应为不小于0的整数，实际为{value!r}</translation>
    </message>
    <message>
        <source>{where}: expected a list of texts</source>
        <translation>{where}：应为文本列表</translation>
    </message>
    <message>
        <source>{source}: unknown section '{key}'</source>
        <translation>{source}：未知的配置节“{key}”</translation>
    </message>
    <message>
        <source>{source}: section '{section}' is missing</source>
        <translation>{source}：缺少配置节“{section}”</translation>
    </message>
    <message>
        <source>{source}: unknown key '{section}.{key}'</source>
        <translation>{source}：未知的配置项“{section}.{key}”</translation>
    </message>
    <message>
        <source>{source}: '{section}.{key}' is missing</source>
        <translation>{source}：缺少配置项“{section}.{key}”</translation>
    </message>
    <message>
        <source>{source}: 'warning_days' must give exactly: {keys}</source>
        <translation>{source}：“warning_days”必须且只能包含：{keys}</translation>
    </message>
    <message>
        <source>{source}: unknown case type '{value}'</source>
        <translation>{source}：未知的案件类别“{value}”</translation>
    </message>
    <message>
        <source>{source}: '{value}' is not a case-card field</source>
        <translation>{source}：“{value}”不是案卡字段</translation>
    </message>
    <message>
        <source>{source}: cannot be read ({reason})</source>
        <translation>{source}：无法读取（{reason}）</translation>
    </message>
    <message>
        <source>{source}: not valid YAML ({reason})</source>
        <translation>{source}：不是有效的 YAML（{reason}）</translation>
    </message>
    <message>
        <source>{source}: expected a mapping of sections</source>
        <translation>{source}：应为按配置节组织的映射</translation>
    </message>
    <message>
        <source>{source}: 'procuratorates' must map names to changes</source>
        <translation>{source}：“procuratorates”应为院名到修改项的映射</translation>
    </message>
    <message>
        <source>{source}: no thresholds for procuratorate '{value}'</source>
        <translation>{source}：没有检察院“{value}”的阈值配置</translation>
    </message>
</context>
</TS>
