<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>Sorry — something went wrong inside the application. Your saved work is safe.

Details were written to:
{path}

Please send this file to your administrator.</source>
        <translation>抱歉，程序内部出现错误。已保存的工作不受影响。

详细信息已写入：
{path}

请将此文件发送给系统管理员。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
</TS>
