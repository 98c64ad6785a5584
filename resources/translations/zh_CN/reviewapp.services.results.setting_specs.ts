<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Settings</name>
    <message>
        <source>Issuing procuratorate (机关名称)</source>
        <translation>制发机关名称（机关名称）</translation>
    </message>
    <message>
        <source>Notice number code (机关代字)</source>
        <translation>通知书文号代字（机关代字）</translation>
    </message>
    <message>
        <source>Review number code (评查受案号代字)</source>
        <translation>评查受案号代字</translation>
    </message>
    <message>
        <source>Issuing department (案件管理部门)</source>
        <translation>制发部门（案件管理部门）</translation>
    </message>
    <message>
        <source>Copies to (抄送), one per line; {department} is the addressed department</source>
        <translation>抄送，每行一个；{department} 代表主送部门</translation>
    </message>
    <message>
        <source>Reply within this many days</source>
        <translation>整改回复期限（天）</translation>
    </message>
    <message>
        <source>Count the reply period in working days</source>
        <translation>回复期限按工作日计算</translation>
    </message>
    <message>
        <source>A problem is recurring (共性) from this many cases</source>
        <translation>同一问题出现在多少件案件中即为共性问题</translation>
    </message>
    <message>
        <source>Rectification requirements, one per line</source>
        <translation>整改要求，每行一条</translation>
    </message>
    <message>
        <source>Print the red letterhead (发文机关标志 and red separator line) on rectification notices</source>
        <translation>整改通知书套红印制版头（红色发文机关标志和红色分隔线）</translation>
    </message>
    <message>
        <source>How to reply</source>
        <translation>回复方式</translation>
    </message>
    <message>
        <source>How to object</source>
        <translation>异议方式</translation>
    </message>
    <message>
        <source>Reviews only on an assignment of an open review plan (off: any reviewer whose role reaches the case's unit may review a case that is in no open plan)</source>
        <translation>评查须经评查方案分配（关闭后：不在任何进行中方案内的案件，角色覆盖其单位的评查员均可评查）</translation>
    </message>
    <message>
        <source>Checklist items every self-check form asks besides those with an automatic check, one code per line</source>
        <translation>除可自动校验的检查项外，每张自查表还须包含的评查项代码，每行一个</translation>
    </message>
    <message>
        <source>Severity words of standard workbooks from other systems, one word=severity per line (e.g. 错误=一般司法错误)</source>
        <translation>其他系统评查标准工作簿中的问题等级用语，每行一条“用语=问题等级”（如 错误=一般司法错误）</translation>
    </message>
    <message>
        <source>Working days the handling prosecutor has to answer the review opinion (听取意见)</source>
        <translation>承办检察官答复评查意见的期限（工作日，听取意见）</translation>
    </message>
    <message>
        <source>Months within which a problem already noticed to the same prosecutor is flagged again (回头看)</source>
        <translation>同一承办检察官在多少个月内再次出现已通知整改的问题时予以提示（回头看）</translation>
    </message>
    <message>
        <source>Minutes an account stays locked after five wrong passwords</source>
        <translation>连续五次密码错误后账号锁定的分钟数</translation>
    </message>
    <message>
        <source>Appraisal points per determined grade, one grade=points per line; grade@review type=points overrides it for one review type (e.g. 优质@常规抽查=3)</source>
        <translation>结果运用考核中各评定等次的分值，每行一条“等次=分值”；“等次@评查类别=分值”只对该评查类别生效（例如 优质@常规抽查=3）</translation>
    </message>
    <message>
        <source>Appraisal: the case-quality component starts at this score</source>
        <translation>结果运用考核：案件质量分项的基础分</translation>
    </message>
    <message>
        <source>Appraisal: the case-quality component is worth at most this score</source>
        <translation>结果运用考核：案件质量分项的满分</translation>
    </message>
    <message>
        <source>Data-quality bulletin: a prosecutor flagged in this many consecutive periods is a repeat offender (屡错屡犯)</source>
        <translation>数据质量通报：承办人连续多少个统计期间被发现案卡问题即列为屡错屡犯</translation>
    </message>
    <message>
        <source>There is no setting {key}. Known settings: {known}</source>
        <translation>没有设置项 {key}。可用的设置项：{known}</translation>
    </message>
    <message>
        <source>{key} cannot be {value}: {why}</source>
        <translation>{key} 不能设为 {value}：{why}</translation>
    </message>
    <message>
        <source>write yes or no</source>
        <translation>请填写“是”或“否”</translation>
    </message>
    <message>
        <source>a whole number is needed</source>
        <translation>需要填写整数</translation>
    </message>
    <message>
        <source>it must lie between {low} and {high}</source>
        <translation>取值应在 {low} 至 {high} 之间</translation>
    </message>
    <message>
        <source>at least one line is needed</source>
        <translation>至少需要填写一行</translation>
    </message>
    <message>
        <source>it may not be empty</source>
        <translation>不能为空</translation>
    </message>
</context>
</TS>
