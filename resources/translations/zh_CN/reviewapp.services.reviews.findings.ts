<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
