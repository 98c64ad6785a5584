<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>no severity is ticked for the item: tick the one meant ({columns})</source>
        <translation>该评查项没有勾选问题等级：请在相应的列（{columns}）中勾选</translation>
    </message>
    <message>
        <source>the cell lists {count} numbered entries ({entries}): if each is an item, put each on a row of its own with its code and points; if they are the cases of one item, write the item before them (有下列情形之一的：…)</source>
        <translation>该单元格列出了 {count} 个编号条目（{entries}）：如每条都是一个评查项，请各占一行，并填写各自的代码和分值；如是同一评查项的几种情形，请在条目之前写明该评查项（如“有下列情形之一的：…”）</translation>
    </message>
    <message>
        <source>the item's text says 一票否决 but the column {column} says no: write which is meant</source>
        <translation>评查项内容中写有“一票否决”，但“{column}”列写的是“否”：请写明以哪个为准</translation>
    </message>
    <message>
        <source>the column {column} says {value} of this item, but the app does not read that column: write 是 for the item in a column 一票否决 (add one if the sheet has none)</source>
        <translation>“{column}”列对该评查项写有“{value}”，但软件不读取该列：请在“一票否决”列中对该评查项填写“是”（本表没有该列的，请添加）</translation>
    </message>
    <message>
        <source>the item's text says {said} but the column {column} gives {points}: write in {column} the one deduction a finding takes by default</source>
        <translation>评查项内容中写的是{said}，但“{column}”列是 {points}：请在“{column}”列填写每个问题默认扣的一个分值</translation>
    </message>
    <message>
        <source>{value} disagrees with the column {other}, which says {read}: the two columns must say the same, or rename this one to 备注 to leave it out</source>
        <translation>“{value}”与“{other}”列（{read}）不一致：两列须一致，或将本列改名为“备注”（该列不导入）</translation>
    </message>
</context>
</TS>
