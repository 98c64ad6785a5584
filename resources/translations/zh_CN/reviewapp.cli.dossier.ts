<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliDossier</name>
    <message>
        <source>dossier text, scanning and comparison</source>
        <translation>卷宗文字、读取与比对</translation>
    </message>
    <message>
        <source>print a case's page text</source>
        <translation>显示案件卷宗各页文字</translation>
    </message>
    <message>
        <source>the case's department case number</source>
        <translation>案件的部门受案号</translation>
    </message>
    <message>
        <source>only this page of each file</source>
        <translation>只显示每个文件的这一页</translation>
    </message>
    <message>
        <source>read the dossier pages not read yet</source>
        <translation>读取尚未读取的卷宗页</translation>
    </message>
    <message>
        <source>department case numbers (default: every case)</source>
        <translation>部门受案号（默认：全部案件）</translation>
    </message>
    <message>
        <source>compare cards with documents</source>
        <translation>比对案卡与文书</translation>
    </message>
    <message>
        <source>find cases, and with --dossiers dossier pages</source>
        <translation>查找案件，加 --dossiers 时同时检索卷宗页</translation>
    </message>
    <message>
        <source>the text to look for</source>
        <translation>要查找的文字</translation>
    </message>
    <message>
        <source>also search the dossier text</source>
        <translation>同时检索卷宗文字</translation>
    </message>
    <message>
        <source>at most this many pages</source>
        <translation>最多显示的页数</translation>
    </message>
    <message>
        <source>No page text is stored for this case yet: run “dossier scan” first.</source>
        <translation>该案卷宗尚未读取文字，请先运行“dossier scan”。</translation>
    </message>
    <message>
        <source>Reading pages {done}/{total}</source>
        <translation>正在读取卷宗页 {done}/{total}</translation>
    </message>
    <message>
        <source>disagreement</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>not checkable</source>
        <translation>无法校验</translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation>{n}件案件</translation>
    </message>
    <message>
        <source>{n} dossier pages</source>
        <translation>{n}页卷宗</translation>
    </message>
</context>
</TS>
