<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>NoticeDialog</name>
    <message>
        <source>Issue rectification notices</source>
        <translation>签发整改通知书</translation>
    </message>
    <message>
        <source>One notice per case</source>
        <translation>每件案件一份</translation>
    </message>
    <message>
        <source>One notice per prosecutor</source>
        <translation>每名承办人一份</translation>
    </message>
    <message>
        <source>One notice per department</source>
        <translation>每个部门一份</translation>
    </message>
    <message>
        <source>Choose the folder for the PDF files</source>
        <translation>选择保存PDF文件的文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Cases: {n}</source>
        <translation>案件：{n}件</translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation>制发方式：</translation>
    </message>
    <message>
        <source>Issue date:</source>
        <translation>签发日期：</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>保存位置：</translation>
    </message>
    <message>
        <source>Also save Word copies (.docx)</source>
        <translation>同时保存 Word 副本（.docx）</translation>
    </message>
    <message>
        <source>Issue notices</source>
        <translation>签发通知书</translation>
    </message>
    <message>
        <source>Folder for the notices</source>
        <translation>通知书保存文件夹</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <source>days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Reply deadline: {deadline} ({days} {unit})</source>
        <translation>整改回复期限：{deadline}（{days}{unit}）</translation>
    </message>
    <message>
        <source>Rendering the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <source>{n} notices will be issued. The preview shows （预览） in place of the number; numbers are given when you issue.</source>
        <translation>将签发{n}份通知书。预览中文号显示为“（预览）”，签发时才编号。</translation>
    </message>
    <message>
        <source>The preview could not be made because of an unexpected error.</source>
        <translation>由于意外错误，未能生成预览。</translation>
    </message>
    <message>
        <source>No notice was issued: {error}</source>
        <translation>未签发通知书：{error}</translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s) will be issued with these numbers:
{numbers}

Issue them now?</source>
        <translation>
            <numerusform>将签发 %n 份通知书，文号如下：
{numbers}

现在签发吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Issuing the notices…</source>
        <translation>正在签发通知书…</translation>
    </message>
    <message>
        <source>Cancelling… no number is used and no file is kept.</source>
        <translation>正在取消…不会占用文号，也不会保留任何文件。</translation>
    </message>
    <message>
        <source>The notices were numbered and recorded.</source>
        <translation>通知书已编号并登记。</translation>
    </message>
    <message>
        <source>Cancelled: no notice was issued, no document number was used and no file was written.</source>
        <translation>已取消：未签发通知书，没有使用文号，也没有写入文件。</translation>
    </message>
    <message>
        <source>No notice was issued because of an unexpected error.</source>
        <translation>由于意外错误，未签发通知书。</translation>
    </message>
</context>
</TS>
