<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DetailPane</name>
    <message>
        <source>Select a case to see its card.</source>
        <translation>选择一个案件以查看案卡。</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the document</source>
        <translation>双击或按回车键打开文书</translation>
    </message>
    <message>
        <source>Case card</source>
        <translation>案卡</translation>
    </message>
    <message>
        <source>Suspects</source>
        <translation>犯罪嫌疑人</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>卷宗文书</translation>
    </message>
    <message>
        <source>{name}  {number}</source>
        <translation>{name}　{number}</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <source>Other export columns (read-only)</source>
        <translation>导出文件中的其他列（只读）</translation>
    </message>
    <message>
        <source>Suspects ({n})</source>
        <translation>犯罪嫌疑人（{n}）</translation>
    </message>
    <message>
        <source>Documents ({n})</source>
        <translation>卷宗文书（{n}）</translation>
    </message>
    <message>
        <source>Not on this workstation</source>
        <translation>本工作站没有此文件</translation>
    </message>
    <message>
        <source>{name} is not on this workstation: the shared dossier folder is not reachable or does not hold it yet. Ask the administrator to check the shared folder (REVIEWAPP_DOSSIER_STORE); the case and its review are not affected.</source>
        <translation>本工作站没有“{name}”：共享卷宗文件夹无法访问，或尚未存有此文件。请管理员检查共享文件夹（REVIEWAPP_DOSSIER_STORE）；案件和评查不受影响。</translation>
    </message>
</context>
</TS>
