<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Analysis</name>
    <message>
        <source>There is no such period: {text}.</source>
        <translation>没有这个统计期间：{text}。</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>first half of {year}</source>
        <translation>{year}年上半年</translation>
    </message>
    <message>
        <source>second half of {year}</source>
        <translation>{year}年下半年</translation>
    </message>
    <message>
        <source>Q{n} {year}</source>
        <translation>{year}年第{cn}季度</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>“{text}” is not a period: write 2026 (a year), 2026H1, 2026Q3 (a quarter) or 2026-11 (a month).</source>
        <translation>“{text}”不是统计期间：请写2026（年度）、2026H1（半年）、2026Q3（季度）或2026-11（月份）。</translation>
    </message>
</context>
</TS>
