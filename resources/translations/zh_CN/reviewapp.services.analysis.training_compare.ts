<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Training</name>
    <message>
        <source>Training review {id} does not exist.</source>
        <translation>练习{id}不存在。</translation>
    </message>
    <message>
        <source>A training review is read by its own reviewer and by those who read reviews.</source>
        <translation>练习只能由练习者本人及有权查阅评查的人员查看。</translation>
    </message>
    <message>
        <source>The reference is shown once the training review is submitted.</source>
        <translation>练习提交后才显示参考意见。</translation>
    </message>
    <message>
        <source>Case {case} is not a gold case.</source>
        <translation>案件{case}不是标准案例。</translation>
    </message>
    <message>
        <source>A training review is scored only by its own reviewer.</source>
        <translation>练习只能由练习者本人评查。</translation>
    </message>
</context>
</TS>
