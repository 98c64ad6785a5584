<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>the sheet looks like a sheet of items but names no case type of the standard ({types}): name it by the case type of its items (评查项（{example}）), or delete it</source>
        <translation>该工作表看起来是评查项表，但表名不是本标准的案件类别（{types}）：请按其中评查项的案件类别命名（如“评查项（{example}）”），或删除该表</translation>
    </message>
    <message>
        <source>the workbook has the sheet {sheet} and sheets per case type ({sheets}), either of which could hold the items: delete the ones not meant</source>
        <translation>工作簿中既有工作表“{sheet}”，又有按案件类别分设的工作表（{sheets}），两者都可能是评查项：请删除不需要的工作表</translation>
    </message>
    <message>
        <source>Sheet {sheet} looks like a sheet of items and was not read.</source>
        <translation>工作表“{sheet}”看起来是评查项表，未导入。</translation>
    </message>
    <message>
        <source>no item was found: the rows under the headings hold none (rows hidden in Excel are not imported)</source>
        <translation>没有找到任何评查项：列标题下方的各行都不是评查项（在 Excel 中隐藏的行不导入）</translation>
    </message>
    <message>
        <source>code {code} is also on the sheet {sheet}, row {row}, for another item: a code names one item in every case type — give the items of each sheet codes of their own (捕1, 诉1 …)</source>
        <translation>代码 {code} 在工作表“{sheet}”第 {row} 行也有，但那是另一个评查项：同一代码在各案件类别中只能指同一评查项——请为各表的评查项分别编码（如 捕1、诉1 …）</translation>
    </message>
</context>
</TS>
