<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>The case type {case_type} matches no case type the app knows ({known}): no case will be reviewed with this standard under it.</source>
        <translation>案件类别 {case_type} 与本软件已知的案件类别（{known}）均不对应：不会有案件按此类别适用本标准评查。</translation>
    </message>
    <message>
        <source>The grade {grade} matches no grade the app knows ({known}); statistics list it on its own.</source>
        <translation>等次 {grade} 与本软件已知的等次（{known}）均不对应；统计时单独列出。</translation>
    </message>
</context>
</TS>
