<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsWindow</name>
    <message>
        <source>Accounts</source>
        <translation>账户管理</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>所在部门</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>own unit</source>
        <translation>本院</translation>
    </message>
    <message>
        <source>own unit and the units below</source>
        <translation>本院及下级院</translation>
    </message>
    <message>
        <source>the province</source>
        <translation>全省</translation>
    </message>
    <message>
        <source>Grant role</source>
        <translation>授予角色</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>撤销角色</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>新增账户</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新增账户</translation>
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
        <source>Account {login} added.</source>
        <translation>已新增账户 {login}。</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>请先选择一个账户。</translation>
    </message>
    <message>
        <source>Role granted.</source>
        <translation>已授予角色。</translation>
    </message>
    <message>
        <source>Role removed.</source>
        <translation>已撤销角色。</translation>
    </message>
    <message>
        <source>Account enabled.</source>
        <translation>账户已启用。</translation>
    </message>
    <message>
        <source>Account disabled.</source>
        <translation>账户已停用。</translation>
    </message>
</context>
</TS>
