<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Profiles</name>
    <message>
        <source>No import profile is named {name}.</source>
        <translation>没有名为 {name} 的导入配置。</translation>
    </message>
    <message>
        <source>A profile needs a name of 1 to 100 characters.</source>
        <translation>配置名称须为 1 至 100 个字符。</translation>
    </message>
    <message>
        <source>An import profile named {name} exists already.</source>
        <translation>名为 {name} 的导入配置已存在。</translation>
    </message>
</context>
</TS>
