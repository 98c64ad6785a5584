<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CliProcess</name>
    <message numerus="yes">
        <source>%n rectification(s)</source>
        <translation>
            <numerusform>%n rectification</numerusform>
            <numerusform>%n rectifications</numerusform>
        </translation>
    </message>
</context>
</TS>
