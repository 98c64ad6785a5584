<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Reports</name>
    <message>
        <source>No review report for case {case} yet: the report is written from a submitted review, and this case has none.</source>
        <translation>案件 {case} 尚无评查报告：评查报告依据已提交的评查意见生成，该案尚未提交评查。</translation>
    </message>
</context>
</TS>
