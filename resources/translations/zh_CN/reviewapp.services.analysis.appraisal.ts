<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Analysis</name>
    <message>
        <source>The appraisal points line “{line}” is not grade=points (e.g. 优质=5 or 不合格=-8).</source>
        <translation>考核分值设置中的“{line}”不是“等次=分值”的格式（例如 优质=5 或 不合格=-8）。</translation>
    </message>
</context>
</TS>
