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
        <source>who is working (default: the operating-system user)</source>
        <translation>操作人员（默认：操作系统用户）</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>输出机器可读的 JSON</translation>
    </message>
    <message>
        <source>Case-quality review workbench</source>
        <translation>评查工作台</translation>
    </message>
    <message>
        <source>import case exports or dossier folders</source>
        <translation>导入案件导出文件或卷宗文件夹</translation>
    </message>
    <message>
        <source>do not run the pre-screening checks afterwards</source>
        <translation>导入后不运行自动预检</translation>
    </message>
    <message>
        <source>list cases</source>
        <translation>列出案件</translation>
    </message>
    <message>
        <source>case number, name, prosecutor or charge</source>
        <translation>受案号、案件名称、承办检察官或案由</translation>
    </message>
    <message>
        <source>write a demo export with dossiers</source>
        <translation>生成带卷宗的演示数据</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>Sorry, an unexpected error occurred. Details were saved to {path}.</source>
        <translation>抱歉，发生了意外错误。详细信息已保存至 {path}。</translation>
    </message>
</context>
</TS>
