<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>No password: set the environment variable {env} or run the command in a terminal.</source>
        <translation>没有密码：请设置环境变量 {env}，或在终端中运行此命令。</translation>
    </message>
    <message>
        <source>No new password: set the environment variable {env} or run the command in a terminal.</source>
        <translation>没有新密码：请设置环境变量 {env}，或在终端中运行此命令。</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不一致，未作任何修改。</translation>
    </message>
    <message>
        <source>{question} Nobody can answer here: run it again with --yes to go ahead.</source>
        <translation>{question} 此处无人可以确认：如要继续，请加 --yes 重新运行。</translation>
    </message>
    <message>
        <source>[y/N] </source>
        <translation>[y/N] </translation>
    </message>
    <message>
        <source>Nothing was done.</source>
        <translation>未执行任何操作。</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
</context>
<context>
    <name>CliCommon</name>
    <message>
        <source>{value} is not a date (write YYYY-MM-DD)</source>
        <translation>{value} 不是日期（请写作 YYYY-MM-DD）</translation>
    </message>
</context>
</TS>
