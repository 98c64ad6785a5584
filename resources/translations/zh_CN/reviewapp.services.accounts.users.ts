<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>A login name is required and may not contain spaces.</source>
        <translation>必须填写登录名，且不能含空格。</translation>
    </message>
    <message>
        <source>The login name {login} is taken.</source>
        <translation>登录名 {login} 已被使用。</translation>
    </message>
    <message>
        <source>There is no unit {unit}.</source>
        <translation>没有单位“{unit}”。</translation>
    </message>
    <message>
        <source>Role {role} needs a unit: give the person a unit or grant it province-wide.</source>
        <translation>角色“{role}”需要所属单位：请为此人填写单位，或授予全省范围。</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>必须填写姓名。</translation>
    </message>
    <message>
        <source>A department needs its unit.</source>
        <translation>填写部门时必须同时填写单位。</translation>
    </message>
    <message>
        <source>{name} already has an account.</source>
        <translation>{name}已有账户。</translation>
    </message>
    <message>
        <source>Accounts exist already: log in as a {role} to add another.</source>
        <translation>已有账户：请以{role}身份登录后再添加账户。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>The last active {role} cannot be disabled.</source>
        <translation>最后一个启用的{role}不能停用。</translation>
    </message>
    <message>
        <source>{login} does not hold the role {role}.</source>
        <translation>{login} 没有“{role}”角色。</translation>
    </message>
    <message>
        <source>The last active {role} keeps that role.</source>
        <translation>最后一个启用的{role}必须保留该角色。</translation>
    </message>
    <message>
        <source>The current password is wrong; the password was not changed.</source>
        <translation>当前密码错误，密码未修改。</translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation>新密码与当前密码相同。</translation>
    </message>
</context>
</TS>
