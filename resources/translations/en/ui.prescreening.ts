<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Prescreening</name>
    <message numerus="yes">
        <source>%n case(s) not pre-screened; checking them now</source>
        <translation>
            <numerusform>%n case was not pre-screened; checking it now</numerusform>
            <numerusform>%n cases were not pre-screened; checking them now</numerusform>
        </translation>
    </message>
</context>
</TS>
