<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DossierRules</name>
    <message>
        <source>Card dates match the documents</source>
        <translation>案卡日期与文书一致</translation>
    </message>
    <message>
        <source>Card charges match the documents</source>
        <translation>案卡罪名与文书一致</translation>
    </message>
    <message>
        <source>Card suspects match the persons in the documents</source>
        <translation>案卡犯罪嫌疑人与文书人员一致</translation>
    </message>
    <message>
        <source>Card amount matches the documents</source>
        <translation>案卡涉案金额与文书一致</translation>
    </message>
    <message>
        <source>no document states a date the card holds</source>
        <translation>文书中没有案卡所填日期的记载</translation>
    </message>
    <message>
        <source>The card and the documents disagree: {pairs}.</source>
        <translation>案卡与文书不一致：{pairs}。</translation>
    </message>
    <message>
        <source>{document} names {names}, not on the card</source>
        <translation>{document}载明{names}，案卡中没有</translation>
    </message>
    <message>
        <source>the card's {names} is not in {document}</source>
        <translation>案卡中的{names}未见于{document}</translation>
    </message>
    <message>
        <source>no document states an amount</source>
        <translation>文书中没有金额记载</translation>
    </message>
    <message>
        <source>The card says {card} yuan; the documents say {documents}.</source>
        <translation>案卡填写{card}元，文书记载{documents}。</translation>
    </message>
</context>
</TS>
