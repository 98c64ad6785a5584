<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Demo</name>
    <message>
        <source>Demo data generation was cancelled.</source>
        <translation>演示数据生成已取消。</translation>
    </message>
</context>
</TS>
