<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckService</name>
    <message>
        <source>Checks cancelled: {done} of {total} cases checked and stored.</source>
        <translation>校验已取消：{total}件中已校验并保存{done}件。</translation>
    </message>
    <message>
        <source>{cases} cases checked: {violations} violations, {warnings} warnings, {unchecked} not checkable.</source>
        <translation>已校验{cases}件案件：违规{violations}项，预警{warnings}项，无法检查{unchecked}项。</translation>
    </message>
</context>
</TS>
