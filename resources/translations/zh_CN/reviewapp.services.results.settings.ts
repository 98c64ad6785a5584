<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>NoticeConfig</name>
    <message>
        <source>Cannot read the notice settings {path}: {error}</source>
        <translation>无法读取通知书设置 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>the shared settings</source>
        <translation>共享设置</translation>
    </message>
    <message>
        <source>Notices cannot be issued yet: the issuer settings {keys} still hold the placeholder ××. Set the real names first (Documents → Notice settings, or: settings set KEY VALUE).</source>
        <translation>暂不能制发通知书：制发机关设置 {keys} 仍为占位符“××”。请先填写实际名称（“文书 → 通知书设置”，或命令 settings set 设置项 值）。</translation>
    </message>
</context>
</TS>
