<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{login} ({role})</source>
        <translation>{login}（{role}）</translation>
    </message>
    <message>
        <source>First start: the system administrator</source>
        <translation>首次启动：创建系统管理员</translation>
    </message>
    <message>
        <source>Load the demo data with demo accounts (to try the workbench)</source>
        <translation>载入演示数据和演示账户（用于试用工作台）</translation>
    </message>
    <message>
        <source>Instead of the account above, the demo accounts are created, all with the password {password}: {accounts}. You start as the {role}; the Account menu switches user.</source>
        <translation>将不创建上面的账户，而是创建演示账户，密码均为 {password}：{accounts}。您将以{role}身份开始，可在“账户”菜单中切换用户。</translation>
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
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The database has no accounts yet. Create the first account: the system administrator (系统管理员), who then adds the other users and their roles.</source>
        <translation>数据库中还没有账户。请创建第一个账户——系统管理员，再由其添加其他用户并分配角色。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The account was not created because of an unexpected error.</source>
        <translation>因意外错误，账户未能创建。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Every change you make is recorded under your account.</source>
        <translation>您所做的每一项修改都将以您的账户记录。</translation>
    </message>
    <message>
        <source>Demo accounts (password {password}): {accounts}</source>
        <translation>演示账户（密码 {password}）：{accounts}</translation>
    </message>
    <message>
        <source>Enter your login name and password.</source>
        <translation>请输入登录名和密码。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>The login failed because of an unexpected error.</source>
        <translation>因意外错误，登录未能完成。</translation>
    </message>
</context>
</TS>
