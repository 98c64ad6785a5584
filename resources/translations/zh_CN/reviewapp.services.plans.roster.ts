<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Plans</name>
    <message>
        <source>A leader is one of {titles}.</source>
        <translation>领导身份只能是：{titles}。</translation>
    </message>
    <message>
        <source>{count} people are called {name}; name the unit.</source>
        <translation>有 {count} 人名为 {name}，请注明单位。</translation>
    </message>
    <message>
        <source>Nobody in the roster is called {name}.</source>
        <translation>人员名册中没有名为 {name} 的人。</translation>
    </message>
</context>
</TS>
