<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ReviewForm</name>
    <message numerus="yes">
        <source>Not submitted: %n row(s) rejected.</source>
        <translation>
            <numerusform>Not submitted: %n row was rejected.</numerusform>
            <numerusform>Not submitted: %n rows were rejected.</numerusform>
        </translation>
    </message>
</context>
</TS>
