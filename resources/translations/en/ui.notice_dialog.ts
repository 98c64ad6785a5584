<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>NoticeDialog</name>
    <message numerus="yes">
        <source>%n notice(s) will be issued with these numbers:
{numbers}

Issue them now?</source>
        <translation>
            <numerusform>%n notice will be issued with this number:
{numbers}

Issue it now?</numerusform>
            <numerusform>%n notices will be issued with these numbers:
{numbers}

Issue them now?</numerusform>
        </translation>
    </message>
</context>
</TS>
