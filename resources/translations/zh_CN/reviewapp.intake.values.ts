<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Values</name>
    <message>
        <source>'{value}' is not a date (expected e.g. 2025-03-01, 2025年3月1日 or 20250301)</source>
        <translation>“{value}”不是日期（应如 2025-03-01、2025年3月1日 或 20250301）</translation>
    </message>
    <message>
        <source>The year in '{value}' is outside {low}–{high}</source>
        <translation>“{value}”中的年份超出 {low}–{high}</translation>
    </message>
    <message>
        <source>'{value}' is not a valid calendar date</source>
        <translation>“{value}”不是有效的日历日期</translation>
    </message>
    <message>
        <source>'{value}' holds an impossible time of day</source>
        <translation>“{value}”中的时刻不存在</translation>
    </message>
    <message>
        <source>'{value}' gives only a year or a year and month, not a full date</source>
        <translation>“{value}”只有年份或年月，不是完整日期（应如 2025-03-01、2025年3月1日 或 20250301）</translation>
    </message>
    <message>
        <source>The number {value} is not a plausible Excel date</source>
        <translation>数字 {value} 不是合理的 Excel 日期</translation>
    </message>
    <message>
        <source>'{value}' is not yes/no (expected 是/否, Y/N, 1/0, √/× or true/false)</source>
        <translation>“{value}”不是“是/否”值（应为 是/否、Y/N、1/0、√/× 或 true/false）</translation>
    </message>
    <message>
        <source>'{value}' is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
    <message>
        <source>'{value}' is not a whole number</source>
        <translation>“{value}”不是整数</translation>
    </message>
    <message>
        <source>'{value}' is far too large for this field</source>
        <translation>“{value}”远超该字段的取值范围</translation>
    </message>
    <message>
        <source>'{value}' is negative; an amount cannot be below zero</source>
        <translation>“{value}”为负数；金额不能小于零</translation>
    </message>
</context>
</TS>
