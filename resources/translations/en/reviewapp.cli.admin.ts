<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CliAdmin</name>
    <message numerus="yes">
        <source>Audit chain intact (%n entry/entries)</source>
        <translation>
            <numerusform>Audit chain intact (%n entry)</numerusform>
            <numerusform>Audit chain intact (%n entries)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry/entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
</TS>
