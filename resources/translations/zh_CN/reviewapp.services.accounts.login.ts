<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>Wrong login name or password.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <source>The account {login} is disabled; ask a {role}.</source>
        <translation>账户 {login} 已停用，请联系{role}。</translation>
    </message>
    <message>
        <source>The account {login} is locked after too many wrong passwords until {time}.</source>
        <translation>账户 {login} 因密码错误次数过多已锁定，{time} 后可再登录。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: the account {login} is locked for {n} minutes.</source>
        <translation>密码错误次数过多：账户 {login} 已锁定 {n} 分钟。</translation>
    </message>
    <message>
        <source>The account no longer exists.</source>
        <translation>该账户已不存在。</translation>
    </message>
</context>
</TS>
