<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Prescreening</name>
    <message>
        <source>Finishing the pre-screening an earlier import did not complete: {done} of {total} cases</source>
        <translation>正在完成此前导入未完成的自动预检：{done} / {total} 件</translation>
    </message>
    <message>
        <source>The unfinished pre-screening could not be completed: {reason}</source>
        <translation>未完成的自动预检未能完成：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) not pre-screened; checking them now</source>
        <translation>
            <numerusform>有 %n 件案件尚未预检，正在预检</numerusform>
        </translation>
    </message>
</context>
</TS>
