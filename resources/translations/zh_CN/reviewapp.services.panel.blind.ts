<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PanelBlind</name>
    <message>
        <source>Case {case} is reviewed blind by a panel of {size}: a member's review is read only by its own reviewer until every member has submitted ({submitted} of {size} have).</source>
        <translation>案件{case}由{size}名评查员背对背评查：在全体成员提交之前，每份评查意见只有其评查员本人可以查看（已提交{submitted}人，共{size}人）。</translation>
    </message>
</context>
</TS>
