<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>NoticeSettingsDialog</name>
    <message>
        <source>Notice settings</source>
        <translation>通知书设置</translation>
    </message>
    <message>
        <source>The stored settings could not be read and the defaults are shown: {error}</source>
        <translation>无法读取已保存的设置，现显示默认值：{error}</translation>
    </message>
    <message>
        <source>Count in working days (skip weekends and public holidays)</source>
        <translation>按工作日计算（不计周末和法定节假日）</translation>
    </message>
    <message>
        <source>Issuing procuratorate:</source>
        <translation>制发检察院：</translation>
    </message>
    <message>
        <source>Notice number code (机关代字):</source>
        <translation>通知书机关代字：</translation>
    </message>
    <message>
        <source>Example number:</source>
        <translation>文号示例：</translation>
    </message>
    <message>
        <source>Review number code:</source>
        <translation>评查受案号代字：</translation>
    </message>
    <message>
        <source>Issuing department:</source>
        <translation>制发部门：</translation>
    </message>
    <message>
        <source>Reply within (days):</source>
        <translation>回复期限（日）：</translation>
    </message>
    <message>
        <source>Recurring problem (共性) from cases:</source>
        <translation>认定为共性问题的案件数：</translation>
    </message>
    <message>
        <source>Stored in {path}</source>
        <translation>保存于{path}</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The settings were not saved: {error}</source>
        <translation>设置未能保存：{error}</translation>
    </message>
</context>
</TS>
