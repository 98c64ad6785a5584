<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QueuesView</name>
    <message numerus="yes">
        <source>%n item(s) wait for you.</source>
        <translation>
            <numerusform>%n item waits for you.</numerusform>
            <numerusform>%n items wait for you.</numerusform>
        </translation>
    </message>
</context>
</TS>
