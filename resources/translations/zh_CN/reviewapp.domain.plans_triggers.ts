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
        <source>the card has no 复议复核结果 for a decision that 复议/复核 can change</source>
        <translation>该决定可被复议/复核改变，但案卡没有复议复核结果</translation>
    </message>
    <message>
        <source>复议复核结果 '{text}' is not understood</source>
        <translation>无法识别复议复核结果“{text}”</translation>
    </message>
    <message>
        <source>the card has no 国家赔偿 value</source>
        <translation>案卡未填写是否国家赔偿</translation>
    </message>
    <message>
        <source>no suspect has both 量刑建议 and 判决刑期 on the card</source>
        <translation>案卡上没有同时填写量刑建议和判决刑期的犯罪嫌疑人</translation>
    </message>
    <message>
        <source>the sentence cannot be read as a term: {texts}</source>
        <translation>无法识别为刑期：{texts}</translation>
    </message>
</context>
</TS>
