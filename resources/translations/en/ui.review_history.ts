<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ReviewHistory</name>
    <message numerus="yes">
        <source>%n entry/entries, oldest first.</source>
        <translation>
            <numerusform>%n entry.</numerusform>
            <numerusform>%n entries, oldest first.</numerusform>
        </translation>
    </message>
</context>
</TS>
