<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Training</name>
    <message>
        <source>Case {id} does not exist.</source>
        <translation>案件{id}不存在。</translation>
    </message>
    <message>
        <source>Case {case} is not a gold case.</source>
        <translation>案件{case}不是标准案例。</translation>
    </message>
    <message>
        <source>Case {case} has no formed review opinion to serve as the reference of a gold case.</source>
        <translation>案件{case}没有已形成的评查意见，不能作为标准案例的参考意见。</translation>
    </message>
    <message>
        <source>Case {case} is already a gold case.</source>
        <translation>案件{case}已是标准案例。</translation>
    </message>
    <message>
        <source>Write why the case is no longer a gold case.</source>
        <translation>请写明取消标准案例的理由。</translation>
    </message>
    <message>
        <source>{reviewer} reviewed case {case}; its reference would not test them.</source>
        <translation>{reviewer}评查过案件{case}，已知参考意见，不能用该案练习。</translation>
    </message>
    <message>
        <source>Only a reviewer in the roster can score a gold case.</source>
        <translation>只有人员名册中的评查员才能练习评查标准案例。</translation>
    </message>
    <message>
        <source>Training review {id} does not exist.</source>
        <translation>练习{id}不存在。</translation>
    </message>
    <message>
        <source>A training review is scored only by its own reviewer.</source>
        <translation>练习只能由练习者本人评查。</translation>
    </message>
    <message>
        <source>The training review is submitted; start a new attempt.</source>
        <translation>该练习已提交，请开始新的练习。</translation>
    </message>
    <message>
        <source>Item {code} has no finding to remove.</source>
        <translation>项目{code}没有可删除的问题。</translation>
    </message>
</context>
</TS>
