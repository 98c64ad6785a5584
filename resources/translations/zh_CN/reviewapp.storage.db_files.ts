<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Database</name>
    <message>
        <source>{db} is not a database of this application (it may be a workbook or another file). It was not changed.</source>
        <translation>{db} 不是本软件的数据库（可能是工作簿或其他文件）。该文件未作任何改动。</translation>
    </message>
    <message>
        <source>The database {db} was written by a newer version of this application (schema {rev}). Please update the application; the database was not changed.</source>
        <translation>数据库 {db} 由更新版本的评查工作台创建（结构版本 {rev}）。请升级本程序；数据库未作任何改动。</translation>
    </message>
    <message>
        <source>The database {db} has a schema revision this application does not know ({rev}); it was not written by any version of this application. The database was not changed.</source>
        <translation>数据库 {db} 的结构版本（{rev}）不为本软件所知，不是由本软件的任何版本写入的。数据库未作任何改动。</translation>
    </message>
    <message>
        <source>{db} is an empty file, not a database. It was not changed; to start a new database choose a name that does not exist yet.</source>
        <translation>{db} 是空文件，不是数据库。该文件未作任何改动；如需新建数据库，请选择一个尚不存在的文件名。</translation>
    </message>
    <message>
        <source>{db} holds tables but no schema version, so it is not a database of this application (or it was damaged). It was not changed.</source>
        <translation>{db} 含有数据表但没有结构版本记录，不是本软件的数据库（或已损坏）。该文件未作任何改动。</translation>
    </message>
    <message>
        <source>{db} has {n} schema version entries instead of one, so its state is unclear (it may have been edited by hand or damaged). It was not changed.</source>
        <translation>{db} 有 {n} 条结构版本记录（应为一条），状态不明（可能被手工修改或已损坏）。该文件未作任何改动。</translation>
    </message>
    <message>
        <source>The backup of {db} before the upgrade could not be written ({reason}). The database was not upgraded and was not changed; free some disk space or check the folder's permissions.</source>
        <translation>升级前无法写入 {db} 的备份（{reason}）。数据库未升级，也未作任何改动；请释放磁盘空间或检查文件夹权限。</translation>
    </message>
    <message>
        <source>The database must be upgraded, but pg_dump was not found to back it up first, so nothing was changed. Install the PostgreSQL client tools (pg_dump, pg_restore) on this computer, or back up the database yourself and start the application once with {env}=1.</source>
        <translation>数据库需要升级，但未找到用于事先备份的 pg_dump，因此未作任何改动。请在本机安装 PostgreSQL 客户端工具（pg_dump、pg_restore），或自行备份数据库后以 {env}=1 启动一次本软件。</translation>
    </message>
</context>
</TS>
