<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>Case-Quality Review Workbench</source>
        <translation>评查工作台</translation>
    </message>
    <message>
        <source>&amp;Import cases…</source>
        <translation>导入案件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import case exports (.xlsx, .xls, .csv)</source>
        <translation>导入案件导出文件（.xlsx、.xls、.csv）</translation>
    </message>
    <message>
        <source>Import &amp;dossier folder…</source>
        <translation>导入卷宗文件夹(&amp;D)…</translation>
    </message>
    <message>
        <source>Load de&amp;mo data</source>
        <translation>加载演示数据(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find case</source>
        <translation>查找案件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Review the selected case…</source>
        <translation>评查选中的案件(&amp;R)…</translation>
    </message>
    <message>
        <source>Open the scoring workspace for the selected case</source>
        <translation>打开选中案件的评查工作区</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Data &amp;quality (数据校验)…</source>
        <translation>数据校验(&amp;Q)…</translation>
    </message>
    <message>
        <source>Run &amp;checks on the selected case (or all)</source>
        <translation>校验所选案件（未选则全部）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>评查(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>{shown} of {total} cases</source>
        <translation>显示 {shown} 件 / 共 {total} 件</translation>
    </message>
    <message>
        <source>{shown}+ of {total} cases (counting…)</source>
        <translation>显示 {shown}+ 件 / 共 {total} 件（正在计数…）</translation>
    </message>
    <message>
        <source>{name} ({login}) · {roles}</source>
        <translation>{name}（{login}）· {roles}</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <source>Case-Quality Review Workbench — {who}</source>
        <translation>案件质量评查工作台 — {who}</translation>
    </message>
    <message>
        <source>Logged in: {who}</source>
        <translation>当前用户：{who}</translation>
    </message>
    <message>
        <source>Import case exports</source>
        <translation>导入案件导出文件</translation>
    </message>
    <message>
        <source>Case exports (*.xlsx *.xls *.xlsm *.ods *.csv);;All files (*)</source>
        <translation>案件导出文件 (*.xlsx *.xls *.xlsm *.ods *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the dossier folder</source>
        <translation>选择卷宗文件夹</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <source>The database has no cases yet. Load a few hundred realistic demo cases to try the workbench?</source>
        <translation>数据库中还没有案件。是否加载数百件演示案件来试用评查工作台？</translation>
    </message>
    <message>
        <source>Select a case first.</source>
        <translation>请先选择一个案件。</translation>
    </message>
</context>
</TS>
