<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>SelfCheckPanel</name>
    <message numerus="yes">
        <source>%n item(s) answered No</source>
        <translation>
            <numerusform>%n item answered No</numerusform>
            <numerusform>%n items answered No</numerusform>
        </translation>
    </message>
</context>
</TS>
