<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliPeople</name>
    <message>
        <source>There is no role {role}. Roles: {roles}.</source>
        <translation>没有角色 {role}。可用角色：{roles}。</translation>
    </message>
    <message>
        <source>There is no scope {scope}: write unit, unit_tree or province.</source>
        <translation>没有范围 {scope}：请写 unit、unit_tree 或 province。</translation>
    </message>
    <message>
        <source>accounts and their roles</source>
        <translation>账号及其角色</translation>
    </message>
    <message>
        <source>give a person an account (the first one: the 系统管理员, without --user)</source>
        <translation>为人员开设账号（第一个账号为系统管理员，无需 --user）</translation>
    </message>
    <message>
        <source>the person's name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>a role (repeat for several)</source>
        <translation>角色（多个角色可重复此项）</translation>
    </message>
    <message>
        <source>department (部门)</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>staff number (工号)</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>list accounts</source>
        <translation>列出账号</translation>
    </message>
    <message>
        <source>change an account's person details</source>
        <translation>修改账号对应人员的信息</translation>
    </message>
    <message>
        <source>login name of the account</source>
        <translation>账号的登录名</translation>
    </message>
    <message>
        <source>new name</source>
        <translation>新姓名</translation>
    </message>
    <message>
        <source>new unit (院)</source>
        <translation>新单位（院）</translation>
    </message>
    <message>
        <source>new department (部门)</source>
        <translation>新部门</translation>
    </message>
    <message>
        <source>new staff number (工号)</source>
        <translation>新工号</translation>
    </message>
    <message>
        <source>a new login name</source>
        <translation>新的登录名</translation>
    </message>
    <message>
        <source>grant or withdraw a role</source>
        <translation>授予或收回角色</translation>
    </message>
    <message>
        <source>grant a role</source>
        <translation>授予角色</translation>
    </message>
    <message>
        <source>the role, e.g. 评查员</source>
        <translation>角色，例如 评查员</translation>
    </message>
    <message>
        <source>withdraw a role</source>
        <translation>收回角色</translation>
    </message>
    <message>
        <source>change your password, or (administrator) set someone else's</source>
        <translation>修改自己的密码，或（管理员）重设他人的密码</translation>
    </message>
    <message>
        <source>whose password (default: your own)</source>
        <translation>要修改谁的密码（默认：自己）</translation>
    </message>
    <message>
        <source>unit (本院, the default), unit_tree (本院及下级院) or province (全省)</source>
        <translation>unit（本院，默认）、unit_tree（本院及下级院）或 province（全省）</translation>
    </message>
    <message>
        <source>unit (院); also the anchor of the scope</source>
        <translation>单位（院）；也是角色范围的基准单位</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>共 %n 个账号</numerusform>
        </translation>
    </message>
    <message>
        <source>Account {login} ({name}) changed.</source>
        <translation>账号 {login}（{name}）已修改。</translation>
    </message>
    <message>
        <source>Account {login} ({name}) may log in again.</source>
        <translation>账号 {login}（{name}）已重新启用，可以登录。</translation>
    </message>
    <message>
        <source>Account {login} ({name}) is disabled.</source>
        <translation>账号 {login}（{name}）已停用。</translation>
    </message>
    <message>
        <source>{login} now holds: {roles}</source>
        <translation>{login} 现有角色：{roles}</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <source>This database has no accounts yet: the first account is the 系统管理员. Add --role 系统管理员.</source>
        <translation>此数据库还没有账号：第一个账号必须是系统管理员。请加上 --role 系统管理员。</translation>
    </message>
    <message>
        <source>New password for {login}: </source>
        <translation>{login} 的新密码：</translation>
    </message>
    <message>
        <source>Type it again: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>First administrator {login} ({name}) created: {roles}</source>
        <translation>已创建第一个管理员 {login}（{name}）：{roles}</translation>
    </message>
    <message>
        <source>Account {login} ({name}) created: {roles}</source>
        <translation>已创建账号 {login}（{name}）：{roles}</translation>
    </message>
    <message>
        <source>Current password: </source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <source>The password of {login} was set; tell them in person.</source>
        <translation>已重设 {login} 的密码；请当面告知本人。</translation>
    </message>
</context>
</TS>
