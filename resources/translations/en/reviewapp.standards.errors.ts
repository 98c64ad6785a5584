<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Standards</name>
    <message numerus="yes">
        <source>%n problem(s) found; fix them all and import again:</source>
        <translation>
            <numerusform>%n problem was found; fix it and import again:</numerusform>
            <numerusform>%n problems were found; fix them all and import again:</numerusform>
        </translation>
    </message>
</context>
</TS>
