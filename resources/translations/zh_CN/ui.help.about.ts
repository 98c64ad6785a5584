<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>Body text of official PDFs</source>
        <translation>公文正文</translation>
    </message>
    <message>
        <source>Headings</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>The windows</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>The database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Database upgrades</source>
        <translation>数据库升级</translation>
    </message>
    <message>
        <source>A shared PostgreSQL database</source>
        <translation>共享的 PostgreSQL 数据库</translation>
    </message>
    <message>
        <source>Excel files</source>
        <translation>Excel 文件</translation>
    </message>
    <message>
        <source>Reading case exports</source>
        <translation>读取案件导出文件</translation>
    </message>
    <message>
        <source>Official PDFs</source>
        <translation>正式 PDF 文书</translation>
    </message>
    <message>
        <source>Word notices</source>
        <translation>Word 版通知书</translation>
    </message>
    <message>
        <source>Showing dossier PDFs</source>
        <translation>显示卷宗 PDF</translation>
    </message>
    <message>
        <source>Reading scanned pages (OCR)</source>
        <translation>识别扫描页（OCR）</translation>
    </message>
    <message>
        <source>Password hashes</source>
        <translation>密码哈希</translation>
    </message>
    <message>
        <source>Working days and holidays</source>
        <translation>工作日与节假日</translation>
    </message>
    <message>
        <source>Review standards</source>
        <translation>评查标准</translation>
    </message>
    <message>
        <source>Data folders</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <source>{current} (this version expects {head})</source>
        <translation>{current}（本版本需要 {head}）</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <source>Python / Qt / PySide6</source>
        <translation>Python / Qt / PySide6</translation>
    </message>
    <message>
        <source>System</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Case-Quality Review Workbench</source>
        <translation>评查工作台</translation>
    </message>
    <message>
        <source>Case-quality review for procuratorates; works offline.</source>
        <translation>检察机关案件质量评查工具，可完全离线使用。</translation>
    </message>
    <message>
        <source>Bundled fonts</source>
        <translation>随附字体</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>所用程序库</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>The licence texts of the fonts are in resources/fonts next to the fonts.</source>
        <translation>字体的许可协议全文与字体文件一同位于 resources/fonts 文件夹。</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About the workbench</source>
        <translation>关于评查工作台</translation>
    </message>
</context>
</TS>
