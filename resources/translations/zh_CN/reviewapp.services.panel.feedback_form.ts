<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Process</name>
    <message>
        <source>Review file {number} is not awaiting the prosecutor's feedback.</source>
        <translation>评查卷 {number} 不在听取承办检察官意见阶段。</translation>
    </message>
    <message>
        <source>{file}: the feedback form was not imported; nothing was recorded.</source>
        <translation>{file}：反馈表未导入，未登记任何内容。</translation>
    </message>
    <message>
        <source> row {row}</source>
        <translation> 第{row}行</translation>
    </message>
    <message>
        <source> column {column}</source>
        <translation> “{column}”列</translation>
    </message>
    <message>
        <source>{file}: sheet {sheet}: review file {number} does not exist.</source>
        <translation>{file}：工作表“{sheet}”：评查卷 {number} 不存在。</translation>
    </message>
    <message>
        <source>{file}: sheet {sheet}: the form is for case {form}, review file {number} for {case}.</source>
        <translation>{file}：工作表“{sheet}”：反馈表对应案件 {form}，而评查卷 {number} 对应案件 {case}。</translation>
    </message>
    <message>
        <source>{file} is not a readable feedback form: {error}</source>
        <translation>{file} 不是可读取的反馈表：{error}</translation>
    </message>
    <message>
        <source>finding {id} is not (or no longer) in this opinion, or is listed twice</source>
        <translation>问题 {id} 不在（或已不在）本评查意见中，或重复填写</translation>
    </message>
    <message>
        <source>attachment not found next to the form: {names}</source>
        <translation>反馈表所在文件夹中找不到附件：{names}</translation>
    </message>
    <message>
        <source>finding {item} ({id}) has no answer row</source>
        <translation>问题 {item}（{id}）没有答复行</translation>
    </message>
    <message>
        <source>fill in the date of the answer</source>
        <translation>请填写反馈日期</translation>
    </message>
</context>
</TS>
