<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>'{path}' is an absolute path; dossier paths must be relative to the export's folder</source>
        <translation>“{path}”是绝对路径；卷宗路径必须是相对于导出文件所在文件夹的路径</translation>
    </message>
    <message>
        <source>'{path}' leads out of the export's folder (..)</source>
        <translation>“{path}”指向导出文件所在文件夹之外（..）</translation>
    </message>
    <message>
        <source>'{path}' is a link leading out of the export's folder</source>
        <translation>“{path}”是指向导出文件所在文件夹之外的链接</translation>
    </message>
    <message>
        <source>'{path}' is not a regular file (a device or other special file)</source>
        <translation>“{path}”不是普通文件（设备文件或其他特殊文件）</translation>
    </message>
    <message>
        <source>'{path}' holds {entry}, a link leading out of the export's folder</source>
        <translation>“{path}”中的 {entry} 是指向导出文件所在文件夹之外的链接</translation>
    </message>
    <message>
        <source>'{path}' holds {entry}, which is not a regular file</source>
        <translation>“{path}”中的 {entry} 不是普通文件</translation>
    </message>
</context>
</TS>
