<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckRules</name>
    <message>
        <source>Card dates in a possible order</source>
        <translation>案卡日期先后顺序合理</translation>
    </message>
    <message>
        <source>Card fields required for the case type are filled</source>
        <translation>该案件类别的必填案卡项已填写</translation>
    </message>
    <message>
        <source>Number of returns matches the return dates</source>
        <translation>退查次数与退查日期一致</translation>
    </message>
    <message>
        <source>Non-prosecution for insufficient evidence only after a return</source>
        <translation>存疑不起诉须经退回补充侦查</translation>
    </message>
    <message>
        <source>Case of a suspect under 18 handled on the juvenile (未检) line</source>
        <translation>未成年犯罪嫌疑人案件由未检条线办理</translation>
    </message>
    <message>
        <source>No fast-track (速裁) for a suspect under 18</source>
        <translation>未成年人案件不适用速裁程序</translation>
    </message>
    <message>
        <source>Every suspect's age at the offence is on the card</source>
        <translation>每名犯罪嫌疑人的作案时年龄已填写</translation>
    </message>
    <message>
        <source>Amount involved recorded for a property crime</source>
        <translation>财产类犯罪已填写涉案金额</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>Dates out of order: {pairs}.</source>
        <translation>日期先后顺序错误：{pairs}。</translation>
    </message>
    <message>
        <source>The card's dates are in order.</source>
        <translation>案卡日期顺序正确。</translation>
    </message>
    <message>
        <source>Closed {case_type} case lacks: {fields}.</source>
        <translation>已办结的{case_type}案件缺少：{fields}。</translation>
    </message>
    <message>
        <source>All fields required for a {case_type} case are filled.</source>
        <translation>{case_type}案件的必填项均已填写。</translation>
    </message>
    <message>
        <source>{field} without {other}</source>
        <translation>有{field}但无{other}</translation>
    </message>
    <message>
        <source>{field} missing for {count} returns</source>
        <translation>退查{count}次但缺少{field}</translation>
    </message>
    <message>
        <source>{field} given but only {count} returns</source>
        <translation>填写了{field}但退查次数仅为{count}</translation>
    </message>
    <message>
        <source>return dates given but {field} is empty</source>
        <translation>填写了退查日期但{field}为空</translation>
    </message>
    <message>
        <source>Returns on the card do not match: {problems}.</source>
        <translation>案卡退查信息不一致：{problems}。</translation>
    </message>
    <message>
        <source>Returns and their dates match.</source>
        <translation>退查次数与退查日期一致。</translation>
    </message>
    <message>
        <source>Non-prosecution for insufficient evidence without any return for supplementary investigation.</source>
        <translation>存疑不起诉，但未经退回补充侦查。</translation>
    </message>
    <message>
        <source>Non-prosecution for insufficient evidence after {count} return(s).</source>
        <translation>经{count}次退回补充侦查后存疑不起诉。</translation>
    </message>
    <message>
        <source>Suspect(s) under 18 ({names}) but the case is on the {line} line, not 未检.</source>
        <translation>犯罪嫌疑人未满十八周岁（{names}），但案件由{line}条线办理，而非未检。</translation>
    </message>
    <message>
        <source>Suspect(s) under 18 ({names}); handled on the 未检 line.</source>
        <translation>犯罪嫌疑人未满十八周岁（{names}），由未检条线办理。</translation>
    </message>
    <message>
        <source>Fast-track (速裁) applied although {names} were under 18 at the offence.</source>
        <translation>{names}作案时未满十八周岁，却适用了速裁程序。</translation>
    </message>
    <message>
        <source>Fast-track (速裁): every suspect was 18 or older at the offence.</source>
        <translation>速裁程序：犯罪嫌疑人作案时均已满十八周岁。</translation>
    </message>
    <message>
        <source>Age at the offence missing for: {names}.</source>
        <translation>以下犯罪嫌疑人缺少作案时年龄：{names}。</translation>
    </message>
    <message>
        <source>Every suspect's age at the offence is recorded.</source>
        <translation>犯罪嫌疑人的作案时年龄均已填写。</translation>
    </message>
    <message>
        <source>Property crime ({charges}) without the amount involved (涉案金额).</source>
        <translation>财产类犯罪（{charges}）未填写涉案金额。</translation>
    </message>
    <message>
        <source>Property crime ({charges}); amount involved {amount} yuan.</source>
        <translation>财产类犯罪（{charges}），涉案金额{amount}元。</translation>
    </message>
</context>
</TS>
