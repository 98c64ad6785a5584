<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewUndo</name>
    <message>
        <source>record finding {item}</source>
        <translation>记录问题 {item}</translation>
    </message>
    <message>
        <source>change finding {item}</source>
        <translation>修改问题 {item}</translation>
    </message>
    <message>
        <source>remove finding {item}</source>
        <translation>清除问题 {item}</translation>
    </message>
</context>
<context>
    <name>Reviews</name>
    <message>
        <source>A deduction cannot be negative.</source>
        <translation>扣分不能为负数。</translation>
    </message>
    <message>
        <source>Finding {id} does not exist.</source>
        <translation>问题 {id} 不存在。</translation>
    </message>
</context>
</TS>
