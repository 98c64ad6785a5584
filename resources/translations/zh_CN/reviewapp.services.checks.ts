<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckService</name>
    <message>
        <source>Checks cancelled: {done} of {total} cases checked and stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{cases} cases checked: {violations} violations, {warnings} warnings, {unchecked} not checkable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
