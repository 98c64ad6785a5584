<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>the rows {rows} are 优质 criteria ({value}), not items: put them on the sheet 优质标准 (代码 | 内容 | 适用等次), then delete them here</source>
        <translation>第 {rows} 行是优质案件标准（{value}），不是评查项：请将其移到“优质标准”工作表（代码 | 内容 | 适用等次），再从本表删除</translation>
    </message>
    <message>
        <source>the note {value} stands among the items and may change what the items under it mean, which the app does not read from a note: write that in the items' own columns, then delete the note (a note under the table is left out)</source>
        <translation>说明“{value}”夹在评查项之间，可能改变其下评查项的含义，而软件不从说明中读取这些内容：请把要求写进各评查项自己的列中，然后删除该说明（表格下方的说明不导入）</translation>
    </message>
    <message>
        <source>Sheet {sheet}: veto items by the 一票否决 in their text: rows {rows}.</source>
        <translation>工作表“{sheet}”：以下行的评查项内容写有“一票否决”，已作为一票否决项导入：{rows}。</translation>
    </message>
    <message>
        <source>the sheet holds the items of {case_type}, but the row names {types}: put the row on the sheet of its case type, or leave the cell empty</source>
        <translation>该工作表是{case_type}的评查项，但本行写的是{types}：请把本行移到其案件类别的工作表，或清空该单元格</translation>
    </message>
    <message>
        <source>the points say 一票否决 but the column {column} says no: write which is meant</source>
        <translation>分值一栏写的是“一票否决”，但“{column}”列写的是“否”：请写明以哪个为准</translation>
    </message>
    <message>
        <source>the row holds only {value}, a heading that may say something of the items under it (points, veto, case types) which the app does not read from a heading: write it in the items' own columns (默认扣分, 一票否决, 适用案件类别), then delete the row</source>
        <translation>该行只有“{value}”，这一标题可能对其下的评查项有所规定（扣分、一票否决、案件类别），而软件不从标题行读取这些内容：请写进各评查项自己的列（默认扣分、一票否决、适用案件类别），然后删除该行</translation>
    </message>
    <message>
        <source>the row holds only {value}, which is no item: a heading row is read only when it names a dimension of the sheet 评查维度 ({names}) or heads numbered items (1.1 over 1.1.1) — delete the row, or fill it in as an item</source>
        <translation>该行只有“{value}”，不是评查项：标题行只有在写明“评查维度”表中的维度（{names}），或作为编号评查项的上级标题（如 1.1 之下的 1.1.1）时才会被读取——请删除该行，或按评查项填写完整</translation>
    </message>
    <message>
        <source>{value} names a range of points ({named}): write the one deduction a finding takes by default in a column 默认扣分 — the reviewer can change it for each finding</source>
        <translation>“{value}”写的是分值区间（{named}）：请在“默认扣分”列填写每个问题默认扣的一个分值——评查员可以逐个问题调整</translation>
    </message>
    <message>
        <source>{value} names several deductions ({named}): write the one a finding takes by default in a column 默认扣分 — the reviewer can change it for each finding</source>
        <translation>“{value}”写了多个扣分（{named}）：请在“默认扣分”列填写每个问题默认扣的一个分值——评查员可以逐个问题调整</translation>
    </message>
    <message>
        <source>{value} names no deduction: write the one a finding takes by default (扣2分, 每处扣2分) in this cell or in a column 默认扣分</source>
        <translation>“{value}”没有写明扣分：请在本单元格或“默认扣分”列填写每个问题默认扣的分值（如 扣2分、每处扣2分）</translation>
    </message>
    <message>
        <source>code {code} is also on row {row}: Excel stored these codes as numbers, so 1.10 reads as 1.1 — set the column's format to text and type the codes again</source>
        <translation>代码 {code} 与第 {row} 行重复：Excel 将这些代码存成了数字，1.10 会读成 1.1——请将该列设为文本格式后重新输入代码</translation>
    </message>
    <message>
        <source>code {code} is also on row {row}: each item needs a code of its own, in the whole sheet — number the items through, or put the dimension's letter before the number (E1, F1)</source>
        <translation>代码 {code} 与第 {row} 行重复：整张表中每个评查项都须有自己的代码——请连续编号，或在编号前加维度字母（如 E1、F1）</translation>
    </message>
    <message>
        <source>the note {note} says something of the items' points or veto, which the app does not read from a note: write it in the items' own columns (默认扣分, 一票否决), then delete the note</source>
        <translation>说明“{note}”对评查项的扣分或一票否决有所规定，而软件不从说明中读取这些内容：请写进各评查项自己的列（默认扣分、一票否决），然后删除该说明</translation>
    </message>
    <message>
        <source>the note {note} explains the mark {mark} that items carry, which the app does not read: write what it means in the items' own columns (一票否决, 问题等级, 默认扣分 …), then delete the note</source>
        <translation>说明“{note}”解释了评查项上所标的“{mark}”，而软件不读取这类标记：请把其含义写进各评查项自己的列（一票否决、问题等级、默认扣分 …），然后删除该说明</translation>
    </message>
    <message>
        <source>the note {note} names the case types {types}, which the app does not read from a note: give the items their case types in a column 适用案件类别 (or in the sheet 基本信息), then delete the note</source>
        <translation>说明“{note}”规定了案件类别（{types}），而软件不从说明中读取：请在“适用案件类别”列（或“基本信息”工作表）中写明评查项的案件类别，然后删除该说明</translation>
    </message>
    <message>
        <source>the item has no dimension: it is under no heading row naming one (一、证据采信) and the sheet has no column 维度 — add a heading row above it, or the column</source>
        <translation>该评查项没有维度：其上方没有写明维度的标题行（如“一、证据采信”），本表也没有“维度”列——请在其上方添加标题行，或添加该列</translation>
    </message>
    <message>
        <source>Sheet {sheet}: dimension of the items taken from the heading rows above them: {rows}.</source>
        <translation>工作表“{sheet}”：评查项的维度取自其上方的标题行：{rows}。</translation>
    </message>
    <message>
        <source>Sheet {sheet}: headings of numbered items, not read as items: {rows}.</source>
        <translation>工作表“{sheet}”：以下行是编号评查项的上级标题，未作为评查项导入：{rows}。</translation>
    </message>
    <message>
        <source>Sheet {sheet}: total rows not read: {rows}.</source>
        <translation>工作表“{sheet}”：合计行未导入：{rows}。</translation>
    </message>
    <message>
        <source>Sheet {sheet}: note under the table not read (row {row}): {note}</source>
        <translation>工作表“{sheet}”：表格下方的说明未导入（第 {row} 行）：{note}</translation>
    </message>
</context>
</TS>
