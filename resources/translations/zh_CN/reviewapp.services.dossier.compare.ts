<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DossierCompare</name>
    <message>
        <source>{cases} cases compared with their documents: {violations} disagreements, {unchecked} not checkable.</source>
        <translation>已比对{cases}件案件的案卡与文书：不一致{violations}处，无法校验{unchecked}项。</translation>
    </message>
</context>
</TS>
