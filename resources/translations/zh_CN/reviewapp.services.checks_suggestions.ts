<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Suggestions</name>
    <message>
        <source>Item {code} is not in standard {standard}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {code} does not apply to {case_type} cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown check {rule}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check {rule} found nothing in case {case}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write why the suggestion is dismissed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
