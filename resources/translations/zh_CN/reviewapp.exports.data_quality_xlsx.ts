<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DataQualityExport</name>
    <message>
        <source>violation</source>
        <translation>违规</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>not checkable</source>
        <translation>无法检查</translation>
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
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>Prosecutor</source>
        <translation>承办检察官</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Rule title</source>
        <translation>规则名称</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评查项</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>问题性质</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation>校验时间</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>违规</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Not checkable</source>
        <translation>无法检查</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>校验结果</translation>
    </message>
    <message>
        <source>By rule</source>
        <translation>按规则</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>按单位</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <source>By prosecutor</source>
        <translation>按承办人</translation>
    </message>
</context>
</TS>
