<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliAdmin</name>
    <message>
        <source>shared settings</source>
        <translation>共享设置</translation>
    </message>
    <message>
        <source>show every setting</source>
        <translation>显示全部设置</translation>
    </message>
    <message>
        <source>change one setting</source>
        <translation>修改一项设置</translation>
    </message>
    <message>
        <source>name of the setting (settings show)</source>
        <translation>设置项名称（见 settings show）</translation>
    </message>
    <message>
        <source>the new value (lists: one line each, or separated by ;)</source>
        <translation>新的值（列表：每行一项，或用 ; 分隔）</translation>
    </message>
    <message>
        <source>the tamper-evident audit trail</source>
        <translation>防篡改审计日志</translation>
    </message>
    <message>
        <source>check the hash chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <source>list audit entries</source>
        <translation>列出审计记录</translation>
    </message>
    <message>
        <source>only entries of this case</source>
        <translation>仅此案件的记录</translation>
    </message>
    <message>
        <source>only entries of this login</source>
        <translation>仅此登录名的记录</translation>
    </message>
    <message>
        <source>the same as --by (see above)</source>
        <translation>同 --by（见上文说明）</translation>
    </message>
    <message>
        <source>only entries of this review (its id)</source>
        <translation>仅此评查的记录（评查编号）</translation>
    </message>
    <message>
        <source>only the newest N entries</source>
        <translation>仅最新的 N 条</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation>（默认值）</translation>
    </message>
    <message>
        <source>{key} = {value}</source>
        <translation>{key} = {value}</translation>
    </message>
    <message numerus="yes">
        <source>Audit chain intact (%n entry/entries)</source>
        <translation>
            <numerusform>审计链完整（%n 条）</numerusform>
        </translation>
    </message>
    <message>
        <source>head: entry {seq}, {hash}</source>
        <translation>链头：第 {seq} 条，{hash}</translation>
    </message>
    <message numerus="yes">
        <source>%n entry/entries</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
</context>
</TS>
