<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>expected a mapping of fields</source>
        <translation>应为字段映射</translation>
    </message>
    <message>
        <source>unknown field {field}</source>
        <translation>未知字段 {field}</translation>
    </message>
    <message>
        <source>{field} must be non-empty text</source>
        <translation>{field} 须为非空文本</translation>
    </message>
    <message>
        <source>{field} must be a number ≥ 0</source>
        <translation>{field} 须为不小于 0 的数字</translation>
    </message>
    <message>
        <source>{field} must be true or false</source>
        <translation>{field} 须为 true 或 false</translation>
    </message>
    <message>
        <source>{field} must be a non-empty list</source>
        <translation>{field} 须为非空列表</translation>
    </message>
    <message>
        <source>{field} holds an empty or non-text entry</source>
        <translation>{field} 含有空值或非文本项</translation>
    </message>
    <message>
        <source>{field} lists {value} twice</source>
        <translation>{field} 重复列出 {value}</translation>
    </message>
    <message>
        <source>unknown severity {severity}</source>
        <translation>未知的问题等级 {severity}</translation>
    </message>
    <message>
        <source>{field} must be a list</source>
        <translation>{field} 须为列表</translation>
    </message>
    <message>
        <source>duplicate code {code}</source>
        <translation>代码 {code} 重复</translation>
    </message>
    <message>
        <source>missing field {field}</source>
        <translation>缺少字段 {field}</translation>
    </message>
    <message>
        <source>version must be a whole number ≥ 1</source>
        <translation>版本号须为不小于 1 的整数</translation>
    </message>
    <message>
        <source>unknown grade scheme {scheme}</source>
        <translation>未知的等次方案 {scheme}</translation>
    </message>
    <message>
        <source>grade scheme {code}</source>
        <translation>等次方案 {code}</translation>
    </message>
    <message>
        <source>mapping must map each grade to a grade</source>
        <translation>等次对应关系须将每个等次对应到一个等次</translation>
    </message>
    <message>
        <source>at least one grade scheme is needed</source>
        <translation>至少需要一个等次方案</translation>
    </message>
    <message>
        <source>a mapping needs maps_to</source>
        <translation>填写等次对应关系须同时指定对应方案（maps_to）</translation>
    </message>
    <message>
        <source>mapping must pair every grade with exactly one grade of {scheme}</source>
        <translation>等次对应关系须将每个等次与方案 {scheme} 的一个等次一一对应</translation>
    </message>
    <message>
        <source>dimension {code}</source>
        <translation>评查维度 {code}</translation>
    </message>
    <message>
        <source>item {code}</source>
        <translation>评查项 {code}</translation>
    </message>
    <message>
        <source>unknown dimension {code}</source>
        <translation>未知的评查维度 {code}</translation>
    </message>
    <message>
        <source>case type {case_type} is not one of the standard's</source>
        <translation>案件类别“{case_type}”不在本标准的适用范围内</translation>
    </message>
    <message>
        <source>criterion {code}</source>
        <translation>优质标准 {code}</translation>
    </message>
    <message>
        <source>unknown grade {grade}</source>
        <translation>未知的等次 {grade}</translation>
    </message>
    <message>
        <source>rule {code}</source>
        <translation>等次规则 {code}</translation>
    </message>
    <message>
        <source>at least one enabled grade rule is needed</source>
        <translation>至少需要一条启用的等次规则</translation>
    </message>
    <message>
        <source>the condition is empty</source>
        <translation>规则条件为空</translation>
    </message>
    <message>
        <source>no_findings contradicts a clause about findings</source>
        <translation>“未发现问题”（no_findings）与关于问题的条件相互矛盾</translation>
    </message>
    <message>
        <source>a score clause needs score_base in the standard</source>
        <translation>得分条件须在标准中设置百分制基准分（score_base）</translation>
    </message>
    <message>
        <source>practice rules</source>
        <translation>提交规则</translation>
    </message>
</context>
</TS>
