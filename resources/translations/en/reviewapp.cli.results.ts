<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CliNotices</name>
    <message numerus="yes">
        <source>Issue %n notice(s), taking the numbers {numbers}?</source>
        <translation>
            <numerusform>Issue %n notice, taking the number {numbers}?</numerusform>
            <numerusform>Issue %n notices, taking the numbers {numbers}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s) issued</source>
        <translation>
            <numerusform>%n notice issued</numerusform>
            <numerusform>%n notices issued</numerusform>
        </translation>
    </message>
</context>
</TS>
