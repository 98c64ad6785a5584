<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Checks</name>
    <message>
        <source>suspect {number}</source>
        <translation>犯罪嫌疑人{number}</translation>
    </message>
    <message>
        <source>Not checkable: the card lacks {fields}.</source>
        <translation>无法检查：案卡缺少{fields}。</translation>
    </message>
    <message>
        <source>Not checkable: {day} is outside the known holiday calendar ({first}–{last}); add that year to resources/calendar/overrides.yaml.</source>
        <translation>无法检查：{day}不在已知的节假日日历范围内（{first}–{last}）；请在 resources/calendar/overrides.yaml 中补充该年度。</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <source>{first}–{last} ({count} days)</source>
        <translation>{first}至{last}（共{count}日）</translation>
    </message>
    <message>
        <source>ends on {end} or later (the holiday calendar of {year} is not known yet)</source>
        <translation>期满日不早于{end}（{year}年节假日安排尚未收录）</translation>
    </message>
    <message>
        <source>ends {end} (in custody: never extended over holidays)</source>
        <translation>期满日为{end}（在押期间不因节假日延长）</translation>
    </message>
    <message>
        <source>ends {end} ({nominal} is not a working day; passed over {skipped})</source>
        <translation>期满日为{end}（{nominal}为节假日，顺延跳过{skipped}）</translation>
    </message>
    <message>
        <source>ends {end} (a 调休 weekend working day, so not extended)</source>
        <translation>期满日为{end}（该日为调休上班日，不顺延）</translation>
    </message>
    <message>
        <source>ends {end}</source>
        <translation>期满日为{end}</translation>
    </message>
    <message>
        <source>{what}: counted from {start}, {limit}.</source>
        <translation>{what}：自{start}起算，{limit}。</translation>
    </message>
    <message>
        <source>Still open on {today}: {days} day(s) over.</source>
        <translation>截至{today}尚未办结：已超期{days}日。</translation>
    </message>
    <message>
        <source>Still open on {today}: {days} day(s) left.</source>
        <translation>截至{today}尚未办结：剩余{days}日。</translation>
    </message>
    <message>
        <source>Done on {date}: {days} day(s) over.</source>
        <translation>于{date}完成：超期{days}日。</translation>
    </message>
    <message>
        <source>Done on {date}: within the limit.</source>
        <translation>于{date}完成：在期限内。</translation>
    </message>
</context>
</TS>
