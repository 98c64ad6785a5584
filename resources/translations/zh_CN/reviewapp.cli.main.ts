<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>database file or SQLAlchemy URL</source>
        <translation>数据库文件或 SQLAlchemy 连接地址</translation>
    </message>
    <message>
        <source>login name of who is working (or REVIEWAPP_USER)</source>
        <translation>操作人的登录名（或设置 REVIEWAPP_USER）</translation>
    </message>
    <message>
        <source>language of the output</source>
        <translation>输出语言</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>输出机器可读的 JSON</translation>
    </message>
    <message>
        <source>Case-quality review workbench (without a command word: the GUI)</source>
        <translation>案件质量评查工作台（不带命令时启动图形界面）</translation>
    </message>
    <message>
        <source>Log in with --user LOGIN (or REVIEWAPP_USER); the password is read from REVIEWAPP_PASSWORD or asked for, never given as an argument. Exit codes: 0 done, 1 refused or failed, 2 login or permission, 70 unexpected error.</source>
        <translation>用 --user 登录名（或 REVIEWAPP_USER）登录；密码从 REVIEWAPP_PASSWORD 读取或在提示时输入，绝不作为命令行参数。退出码：0 完成，1 被拒绝或失败，2 登录或权限问题，70 意外错误。</translation>
    </message>
    <message>
        <source>Passwords are never given on the command line (other users can see it, and the shell keeps it): set REVIEWAPP_PASSWORD or REVIEWAPP_NEW_PASSWORD, or type the password when asked.</source>
        <translation>密码不能写在命令行上（其他用户可以看到，命令历史也会保存）：请设置 REVIEWAPP_PASSWORD 或 REVIEWAPP_NEW_PASSWORD，或在提示时输入密码。</translation>
    </message>
    <message>
        <source>Unknown command {word}. Commands: {commands}.</source>
        <translation>未知命令 {word}。可用命令：{commands}。</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>Interrupted; nothing more was done.</source>
        <translation>已中断，未再执行其他操作。</translation>
    </message>
    <message>
        <source>Sorry, an unexpected error occurred. Details were saved to {path}.</source>
        <translation>抱歉，发生了意外错误。详细信息已保存至 {path}。</translation>
    </message>
</context>
</TS>
