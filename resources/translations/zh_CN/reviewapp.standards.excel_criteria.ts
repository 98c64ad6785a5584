<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>the column is missing, and the workbook names no default grade scheme whose highest grade the criteria could be of: add the column, or name the scheme on the sheet 基本信息</source>
        <translation>缺少该列，且工作簿未写明默认等次方案，无法确定优质标准适用的最高等次：请添加该列，或在“基本信息”表中写明默认等次方案</translation>
    </message>
    <message>
        <source>Sheet {sheet}: no column 适用等次 — each criterion is one of {grade}, the highest grade of the scheme {scheme}.</source>
        <translation>工作表“{sheet}”：没有“适用等次”列——每项标准均按等次方案 {scheme} 的最高等次“{grade}”读取。</translation>
    </message>
</context>
</TS>
