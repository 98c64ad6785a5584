<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliAuth</name>
    <message>
        <source>Cannot open the database {db}: the database driver {driver} is not installed.</source>
        <translation>无法打开数据库 {db}：未安装数据库驱动 {driver}。</translation>
    </message>
    <message>
        <source>Cannot open the database {db}: {reason}</source>
        <translation>无法打开数据库 {db}：{reason}</translation>
    </message>
    <message>
        <source>This database has no accounts yet: create the first administrator with `people add NAME --login LOGIN --role 系统管理员`.</source>
        <translation>此数据库还没有账号：请先用 `people add 姓名 --login 登录名 --role 系统管理员` 创建第一个管理员。</translation>
    </message>
    <message>
        <source>Who is working? Give --user LOGIN (or set {user_env}); the password is read from {password_env} or asked for.</source>
        <translation>请说明操作人：使用 --user 登录名（或设置 {user_env}）；密码从 {password_env} 读取，或在提示时输入。</translation>
    </message>
    <message>
        <source>Password for {login}: </source>
        <translation>{login} 的密码：</translation>
    </message>
</context>
</TS>
