<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QueueView</name>
    <message numerus="yes">
        <source>%n assigned case(s)</source>
        <translation>
            <numerusform>%n assigned case</numerusform>
            <numerusform>%n assigned cases</numerusform>
        </translation>
    </message>
</context>
</TS>
