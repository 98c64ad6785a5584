<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Database</name>
    <message>
        <source>The database is busy: another user or program is saving a large change. Nothing was saved; please try again in a moment.</source>
        <translation>数据库正忙：其他用户或程序正在保存大量更改。本次未保存任何内容，请稍后再试。</translation>
    </message>
    <message>
        <source>The database server {server} did not accept the user name {user} or its password. Check the connection address (REVIEWAPP_DB) with the server's administrator.</source>
        <translation>数据库服务器 {server} 未接受用户名 {user} 或其密码。请与服务器管理员核对连接地址（REVIEWAPP_DB）。</translation>
    </message>
    <message>
        <source>The database server has no database {name} ({server}). Ask its administrator to create it, or check the name in the connection address (REVIEWAPP_DB).</source>
        <translation>数据库服务器上没有数据库 {name}（{server}）。请联系服务器管理员创建，或检查连接地址（REVIEWAPP_DB）中的数据库名称。</translation>
    </message>
    <message>
        <source>The database server {server} cannot be reached ({reason}). Check that it is running and that this computer may connect to it, then try again; nothing was saved.</source>
        <translation>无法连接数据库服务器 {server}（{reason}）。请确认服务器正在运行且本机允许连接后重试；本次未保存任何内容。</translation>
    </message>
    <message>
        <source>connection refused: no server listens there</source>
        <translation>连接被拒绝：该地址没有服务器在监听</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>服务器未及时响应</translation>
    </message>
    <message>
        <source>unknown host name</source>
        <translation>主机名无法解析</translation>
    </message>
    <message>
        <source>the server has too many connections</source>
        <translation>服务器连接数已满</translation>
    </message>
</context>
</TS>
