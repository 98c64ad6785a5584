<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>NoticeResults</name>
    <message numerus="yes">
        <source>%n notice(s) issued into {folder}.</source>
        <translation>
            <numerusform>%n notice issued into {folder}.</numerusform>
            <numerusform>%n notices issued into {folder}.</numerusform>
        </translation>
    </message>
</context>
</TS>
