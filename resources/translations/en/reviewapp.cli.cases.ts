<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Demo export written: {workbook} (%n case(s))</source>
        <translation>
            <numerusform>Demo export written: {workbook} (%n case)</numerusform>
            <numerusform>Demo export written: {workbook} (%n cases)</numerusform>
        </translation>
    </message>
</context>
</TS>
