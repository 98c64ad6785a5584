<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>the item is under the heading {heading} but its column {column} says {own}: write which is meant</source>
        <translation>该评查项位于标题行“{heading}”之下，但其“{column}”列写的是{own}：请写明以哪一个为准</translation>
    </message>
    <message>
        <source>the item has no severity: it is under no heading row naming one (一、严重司法错误) and the sheet has no column 问题等级 — add a heading row above it, or the column</source>
        <translation>该评查项没有问题等级：其上方没有写明问题等级的标题行（如“一、严重司法错误”），本表也没有“问题等级”列——请在其上方添加标题行，或添加该列</translation>
    </message>
    <message>
        <source>Sheet {sheet}: severity of the items taken from the heading rows above them: {rows}.</source>
        <translation>工作表“{sheet}”：评查项的问题等级取自其上方的标题行：{rows}。</translation>
    </message>
</context>
</TS>
