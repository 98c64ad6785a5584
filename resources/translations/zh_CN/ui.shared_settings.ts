<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SharedSettingsDialog</name>
    <message>
        <source>Shared settings</source>
        <translation>共享设置</translation>
    </message>
    <message>
        <source>Shared by every workstation using this database.</source>
        <translation>使用本数据库的所有工作站共用这些设置。</translation>
    </message>
    <message>
        <source>Put every default in the fields (nothing is stored until you save)</source>
        <translation>将各项恢复为默认值（保存后才生效）</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Default: {default}</source>
        <translation>默认：{default}</translation>
    </message>
    <message>
        <source>Last changed by {who} on {when}</source>
        <translation>最近由 {who} 于 {when} 修改</translation>
    </message>
    <message>
        <source>an earlier version</source>
        <translation>早期版本</translation>
    </message>
    <message>
        <source>Only a review administrator (评查管理员) may change these settings; they are shown read-only.</source>
        <translation>只有评查管理员可以修改这些设置；现以只读方式显示。</translation>
    </message>
    <message>
        <source>an unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>The settings were not saved: {error}</source>
        <translation>设置未保存：{error}</translation>
    </message>
</context>
</TS>
