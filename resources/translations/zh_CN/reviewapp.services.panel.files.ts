<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewFiles</name>
    <message>
        <source>Review {id} belongs to no review file.</source>
        <translation>评查{id}不属于任何评查卷。</translation>
    </message>
    <message>
        <source>The review file {number} of case {case} is already past scoring; no reviewer can join it now.</source>
        <translation>案件{case}的评查卷{number}已过评分阶段，现在不能再加入评查员。</translation>
    </message>
</context>
</TS>
