<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>NoticeConfig</name>
    <message>
        <source>{source}: expected a JSON object of settings</source>
        <translation>{source}：设置应为一个 JSON 对象</translation>
    </message>
    <message>
        <source>{source}: unknown setting {key}</source>
        <translation>{source}：未知的设置项 {key}</translation>
    </message>
    <message>
        <source>{source}: deadline_days and common_threshold must be at least 1</source>
        <translation>{source}：deadline_days 和 common_threshold 至少为 1</translation>
    </message>
    <message>
        <source>{source}: setting {key} has a wrong value: {value!r}</source>
        <translation>{source}：设置项 {key} 的值有误：{value!r}</translation>
    </message>
    <message>
        <source>The reply deadline cannot be counted in working days: the holiday calendar does not know {day}. Add the year to the calendar override file or count in calendar days.</source>
        <translation>无法按工作日计算回复期限：节假日日历中没有 {day} 所在年份。请在日历补充文件中添加该年份，或改按自然日计算。</translation>
    </message>
</context>
</TS>
