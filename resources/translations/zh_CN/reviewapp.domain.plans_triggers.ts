<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Plans</name>
    <message>
        <source>the card has no 审结处理结果</source>
        <translation>案卡没有审结处理结果</translation>
    </message>
    <message>
        <source>审结处理结果 is 不批准逮捕 without its ground (绝对/存疑/相对)</source>
        <translation>审结处理结果为不批准逮捕，未注明理由（绝对/存疑/相对）</translation>
    </message>
    <message>
        <source>no suspect's 强制措施 is on the card</source>
        <translation>案卡没有犯罪嫌疑人的强制措施</translation>
    </message>
    <message>
        <source>no 统一受案号 links the case to its arrest review</source>
        <translation>没有统一受案号，无法关联审查逮捕案件</translation>
    </message>
    <message>
        <source>no judgment (判决罪名/判决刑期) is on the card</source>
        <translation>案卡没有判决情况（判决罪名/判决刑期）</translation>
    </message>
    <message>
        <source>no 起诉罪名 with its 判决罪名 is on the card</source>
        <translation>案卡没有起诉罪名及对应的判决罪名</translation>
    </message>
    <message>
        <source>the card has no 复议/复核 result</source>
        <translation>案卡没有复议/复核结果</translation>
    </message>
    <message>
        <source>the card has no recommended sentence to compare the judgment with</source>
        <translation>案卡没有量刑建议刑期，无法与判决比对</translation>
    </message>
    <message>
        <source>the card has no 国家赔偿 field</source>
        <translation>案卡没有国家赔偿字段</translation>
    </message>
</context>
</TS>
