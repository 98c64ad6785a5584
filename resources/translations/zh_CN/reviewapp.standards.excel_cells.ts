<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>the cell holds a picture, not text: type the value</source>
        <translation>该单元格中是图片而不是文字：请直接填写内容</translation>
    </message>
    <message>
        <source>{value} is neither yes nor no</source>
        <translation>{value} 不是“是”或“否”</translation>
    </message>
    <message>
        <source>{value} is a range: write the one deduction a finding takes by default — the reviewer can change it for each finding</source>
        <translation>{value} 是一个区间：请填写每个问题默认扣的分值——评查员可以逐个问题调整</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
    <message>
        <source>write each pair as 瑕疵=基本合格</source>
        <translation>每组对应关系请写成“瑕疵=基本合格”的形式</translation>
    </message>
</context>
</TS>
