<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CliPanel</name>
    <message numerus="yes">
        <source>Joint meeting of {day} recorded (%n attachment(s)).</source>
        <translation>
            <numerusform>Joint meeting of {day} recorded (%n attachment).</numerusform>
            <numerusform>Joint meeting of {day} recorded (%n attachments).</numerusform>
        </translation>
    </message>
</context>
</TS>
