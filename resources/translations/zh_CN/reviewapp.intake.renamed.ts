<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>Unknown column {header} was kept as extra text, and the field {column} is missing: if {header} is {column} renamed, rename it back and import again</source>
        <translation>未知列{header}已作为附加文本保留，而字段{column}缺失：如{header}即改名后的{column}，请改回原名后重新导入</translation>
    </message>
</context>
</TS>
