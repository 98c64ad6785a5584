<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Citations</name>
    <message>
        <source>{title}, p. {page}</source>
        <translation>{title}第{page}页</translation>
    </message>
</context>
</TS>
