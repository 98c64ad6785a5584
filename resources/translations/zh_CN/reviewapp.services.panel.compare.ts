<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Panel</name>
    <message>
        <source>Review file {id} does not exist.</source>
        <translation>评查卷{id}不存在。</translation>
    </message>
    <message>
        <source>Case {case} has no review file: no reviewer has started on it.</source>
        <translation>案件{case}尚无评查卷：还没有评查员开始评查。</translation>
    </message>
    <message>
        <source>{user} handled case {case}; the panel's comparison is not shown to the handling prosecutor.</source>
        <translation>{user}是案件{case}的承办检察官；评查组的意见对照不向承办检察官展示。</translation>
    </message>
</context>
</TS>
