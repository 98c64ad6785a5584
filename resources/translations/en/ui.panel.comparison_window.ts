<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ComparisonWindow</name>
    <message numerus="yes">
        <source>%n disagreement(s) to reconcile: {items}</source>
        <translation>
            <numerusform>%n disagreement to reconcile: {items}</numerusform>
            <numerusform>%n disagreements to reconcile: {items}</numerusform>
        </translation>
    </message>
</context>
</TS>
