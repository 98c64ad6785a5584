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
        <source>Issuing procuratorate (机关名称):</source>
        <translation>签发机关（机关名称）：</translation>
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
        <source>Issuing department (案件管理部门):</source>
        <translation>签发部门（案件管理部门）：</translation>
    </message>
    <message>
        <source>Copies to (抄送), one per line:</source>
        <translation>抄送（每行一个）：</translation>
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
        <source>Shared by every workstation using this database.</source>
        <translation>使用本数据库的所有工作站共用这些设置。</translation>
    </message>
    <message>
        <source>Only a review administrator (评查管理员) may change these settings; they are shown read-only.</source>
        <translation>只有评查管理员可以修改这些设置；现以只读方式显示。</translation>
    </message>
    <message>
        <source>Replace every ×× with the real names: notices cannot be issued while a placeholder is left.</source>
        <translation>请将所有“××”替换为实际名称：仍有占位符时不能签发通知书。</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The settings were not saved: {error}</source>
        <translation>设置未能保存：{error}</translation>
    </message>
    <message>
        <source>an unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
</TS>
