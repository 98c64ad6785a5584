<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English renderings of domain data stored in Chinese (severities, grades, dimensions, criteria, grade rules,
     checklist items of the shipped standards, case-card fields and values). Read by reviewapp.i18n.term();
     tests/ui/test_language_terms.py fails when a shipped standard has a text missing here. -->
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Severity</name>
    <message>
        <source>司法瑕疵</source>
        <translation>Judicial flaw</translation>
    </message>
    <message>
        <source>一般司法错误</source>
        <translation>Ordinary judicial error</translation>
    </message>
    <message>
        <source>严重司法错误</source>
        <translation>Serious judicial error</translation>
    </message>
    <message>
        <source>瑕</source>
        <translation>Flaw</translation>
    </message>
    <message>
        <source>错</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>严</source>
        <translation>Serious</translation>
    </message>
</context>
<context>
    <name>Standard</name>
    <message>
        <source>民事、行政、公益诉讼检察案件质量评查标准（通用）</source>
        <translation>Case-quality review standard for civil, administrative and public-interest procuratorial cases (general)</translation>
    </message>
    <message>
        <source>刑事检察（审查逮捕、审查起诉）案件质量评查标准</source>
        <translation>Case-quality review standard for criminal procuratorial cases (arrest review, prosecution review)</translation>
    </message>
</context>
<context>
    <name>Scheme</name>
    <message>
        <source>《人民检察院案件质量检查与评查工作规定》（2026）等次</source>
        <translation>Grades of the Provisions on Case-Quality Inspection and Review of the People's Procuratorates (2026)</translation>
    </message>
    <message>
        <source>《人民检察院案件质量评查工作规定（试行）》（2018）等次</source>
        <translation>Grades of the Provisions on Case-Quality Review of the People's Procuratorates (trial, 2018)</translation>
    </message>
</context>
<context>
    <name>Grade</name>
    <message>
        <source>优质</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Satisfactory</translation>
    </message>
    <message>
        <source>基本合格</source>
        <translation>Basically satisfactory</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>Unsatisfactory</translation>
    </message>
    <message>
        <source>瑕疵</source>
        <translation>Flawed</translation>
    </message>
</context>
<context>
    <name>Dimension</name>
    <message>
        <source>证据采信</source>
        <translation>Evidence adoption</translation>
    </message>
    <message>
        <source>事实认定</source>
        <translation>Fact finding</translation>
    </message>
    <message>
        <source>法律适用</source>
        <translation>Application of law</translation>
    </message>
    <message>
        <source>办案程序</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>文书制作和使用</source>
        <translation>Drafting and use of documents</translation>
    </message>
    <message>
        <source>释法说理</source>
        <translation>Reasoning and explanation</translation>
    </message>
    <message>
        <source>办案效果</source>
        <translation>Effect of the case handling</translation>
    </message>
    <message>
        <source>落实司法责任制</source>
        <translation>Judicial responsibility</translation>
    </message>
    <message>
        <source>统一业务系统规范使用</source>
        <translation>Proper use of the unified case system</translation>
    </message>
</context>
<context>
    <name>Criterion</name>
    <message>
        <source>调查核实全面，证据审查充分</source>
        <translation>Investigation and verification thorough, evidence fully examined</translation>
    </message>
    <message>
        <source>监督意见或公益损害事实认定准确</source>
        <translation>Facts of the supervision opinion or the public-interest harm found accurately</translation>
    </message>
    <message>
        <source>法律适用正确</source>
        <translation>Law applied correctly</translation>
    </message>
    <message>
        <source>办案程序规范，无超期</source>
        <translation>Procedure in order, no time limit exceeded</translation>
    </message>
    <message>
        <source>检察建议、抗诉书等文书说理充分</source>
        <translation>Procuratorial recommendations, protests and other documents fully reasoned</translation>
    </message>
    <message>
        <source>监督效果良好，问题得到整改或纠正</source>
        <translation>Good supervision effect: the problems were rectified or corrected</translation>
    </message>
    <message>
        <source>证据审查全面，关键证据均经审查核实</source>
        <translation>Evidence examined thoroughly, key evidence verified</translation>
    </message>
    <message>
        <source>事实认定清楚，定性准确</source>
        <translation>Facts clear, characterisation accurate</translation>
    </message>
    <message>
        <source>法律适用正确，量刑建议精准</source>
        <translation>Law applied correctly, precise sentencing recommendation</translation>
    </message>
    <message>
        <source>法律文书制作规范</source>
        <translation>Legal documents drafted properly</translation>
    </message>
    <message>
        <source>释法说理充分</source>
        <translation>Fully reasoned and explained</translation>
    </message>
    <message>
        <source>办案效果良好，政治效果、社会效果、法律效果相统一</source>
        <translation>Good effect of the case: political, social and legal effects in unity</translation>
    </message>
</context>
<context>
    <name>GradeRule</name>
    <message>
        <source>一票否决项</source>
        <translation>Veto item</translation>
    </message>
    <message>
        <source>存在一般或严重司法错误</source>
        <translation>A general or serious judicial error</translation>
    </message>
    <message>
        <source>百分制扣分后低于60分（默认停用）</source>
        <translation>Score below 60 after deductions (off by default)</translation>
    </message>
    <message>
        <source>仅存在司法瑕疵</source>
        <translation>Judicial flaws only</translation>
    </message>
    <message>
        <source>无问题且优质标准全部满足并记录理由</source>
        <translation>No problem, every criterion for Excellent met and justified</translation>
    </message>
    <message>
        <source>未发现问题</source>
        <translation>No problem found</translation>
    </message>
</context>
<context>
    <name>CardField</name>
    <message>
        <source>部门受案号</source>
        <translation>Department case number</translation>
    </message>
    <message>
        <source>统一受案号</source>
        <translation>Unified case number</translation>
    </message>
    <message>
        <source>案件名称</source>
        <translation>Case name</translation>
    </message>
    <message>
        <source>案件类别</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>业务条线</source>
        <translation>Business line</translation>
    </message>
    <message>
        <source>承办单位</source>
        <translation>Handling procuratorate</translation>
    </message>
    <message>
        <source>承办部门</source>
        <translation>Handling department</translation>
    </message>
    <message>
        <source>承办检察官</source>
        <translation>Handling prosecutor</translation>
    </message>
    <message>
        <source>承办人工号</source>
        <translation>Prosecutor's staff number</translation>
    </message>
    <message>
        <source>移送单位</source>
        <translation>Transferring agency</translation>
    </message>
    <message>
        <source>移送案由</source>
        <translation>Charge as transferred</translation>
    </message>
    <message>
        <source>认定罪名</source>
        <translation>Charge as found</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>审结处理结果</source>
        <translation>Outcome at closing</translation>
    </message>
    <message>
        <source>复议复核结果</source>
        <translation>Outcome of reconsideration or review</translation>
    </message>
    <message>
        <source>国家赔偿</source>
        <translation>State compensation</translation>
    </message>
    <message>
        <source>是否羁押</source>
        <translation>Detained</translation>
    </message>
    <message>
        <source>认罪认罚</source>
        <translation>Admission of guilt and acceptance of punishment</translation>
    </message>
    <message>
        <source>具结书签署日期</source>
        <translation>Plea agreement signed on</translation>
    </message>
    <message>
        <source>具结在场人员</source>
        <translation>Present at the plea signing</translation>
    </message>
    <message>
        <source>量刑建议类型</source>
        <translation>Type of sentencing recommendation</translation>
    </message>
    <message>
        <source>适用程序</source>
        <translation>Procedure applied</translation>
    </message>
    <message>
        <source>延长审查期限</source>
        <translation>Review period extended</translation>
    </message>
    <message>
        <source>退回补充侦查次数</source>
        <translation>Returns for supplementary investigation</translation>
    </message>
    <message>
        <source>第一次退查日期</source>
        <translation>First return on</translation>
    </message>
    <message>
        <source>第一次重新移送日期</source>
        <translation>First resubmission on</translation>
    </message>
    <message>
        <source>第二次退查日期</source>
        <translation>Second return on</translation>
    </message>
    <message>
        <source>第二次重新移送日期</source>
        <translation>Second resubmission on</translation>
    </message>
    <message>
        <source>告知犯罪嫌疑人权利日期</source>
        <translation>Suspect informed of rights on</translation>
    </message>
    <message>
        <source>告知被害人权利日期</source>
        <translation>Victim informed of rights on</translation>
    </message>
    <message>
        <source>涉案金额</source>
        <translation>Amount involved</translation>
    </message>
    <message>
        <source>案情摘要</source>
        <translation>Case summary</translation>
    </message>
    <message>
        <source>电子卷宗</source>
        <translation>Electronic dossier</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>作案时年龄</source>
        <translation>Age at the offence</translation>
    </message>
    <message>
        <source>强制措施</source>
        <translation>Coercive measure</translation>
    </message>
    <message>
        <source>强制措施开始日期</source>
        <translation>Coercive measure since</translation>
    </message>
    <message>
        <source>移送罪名</source>
        <translation>Charge transferred</translation>
    </message>
    <message>
        <source>起诉罪名</source>
        <translation>Charge prosecuted</translation>
    </message>
    <message>
        <source>判决罪名</source>
        <translation>Charge in the judgment</translation>
    </message>
    <message>
        <source>判决刑期</source>
        <translation>Sentence</translation>
    </message>
    <message>
        <source>量刑建议</source>
        <translation>Sentencing recommendation</translation>
    </message>
    <message>
        <source>文书名称</source>
        <translation>Document title</translation>
    </message>
    <message>
        <source>文件路径</source>
        <translation>File path</translation>
    </message>
</context>
<context>
    <name>CaseType</name>
    <message>
        <source>审查逮捕</source>
        <translation>Arrest review</translation>
    </message>
    <message>
        <source>审查起诉</source>
        <translation>Prosecution review</translation>
    </message>
    <message>
        <source>民事诉讼监督</source>
        <translation>Civil litigation supervision</translation>
    </message>
    <message>
        <source>行政诉讼监督</source>
        <translation>Administrative litigation supervision</translation>
    </message>
    <message>
        <source>公益诉讼</source>
        <translation>Public-interest litigation</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>CardValue</name>
    <message>
        <source>侦监</source>
        <translation>Investigation supervision</translation>
    </message>
    <message>
        <source>公诉</source>
        <translation>Public prosecution</translation>
    </message>
    <message>
        <source>未检</source>
        <translation>Juvenile procuratorial work</translation>
    </message>
    <message>
        <source>民事</source>
        <translation>Civil</translation>
    </message>
    <message>
        <source>行政</source>
        <translation>Administrative</translation>
    </message>
    <message>
        <source>控申</source>
        <translation>Complaints and appeals</translation>
    </message>
    <message>
        <source>审监</source>
        <translation>Trial supervision</translation>
    </message>
    <message>
        <source>执检</source>
        <translation>Enforcement supervision</translation>
    </message>
    <message>
        <source>辩护人</source>
        <translation>Defence counsel</translation>
    </message>
    <message>
        <source>值班律师</source>
        <translation>Duty lawyer</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>确定刑</source>
        <translation>Fixed sentence</translation>
    </message>
    <message>
        <source>幅度刑</source>
        <translation>Sentence range</translation>
    </message>
    <message>
        <source>速裁</source>
        <translation>Expedited</translation>
    </message>
    <message>
        <source>简易</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>普通</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <source>拘留</source>
        <translation>Detention</translation>
    </message>
    <message>
        <source>逮捕</source>
        <translation>Arrest</translation>
    </message>
    <message>
        <source>取保候审</source>
        <translation>Bail pending trial</translation>
    </message>
    <message>
        <source>监视居住</source>
        <translation>Residential surveillance</translation>
    </message>
</context>
<context>
    <name>ChecklistItem</name>
    <message>
        <source>调查核实措施不规范</source>
        <translation>Investigation and verification measures not in order</translation>
    </message>
    <message>
        <source>公益损害证据固定不充分（现场勘验、检测鉴定、取样）</source>
        <translation>Evidence of the public-interest harm not adequately secured (site inspection, testing, sampling)</translation>
    </message>
    <message>
        <source>关键证据审查不充分或矛盾未排除</source>
        <translation>Key evidence not fully examined or contradictions not resolved</translation>
    </message>
    <message>
        <source>案件事实或监督事项表述不准确</source>
        <translation>Facts of the case or supervised matters stated inaccurately</translation>
    </message>
    <message>
        <source>主要事实认定错误</source>
        <translation>Main facts found wrongly</translation>
    </message>
    <message>
        <source>事实认定严重错误并造成严重后果</source>
        <translation>Facts found seriously wrongly, with serious consequences</translation>
    </message>
    <message>
        <source>引用法律条文遗漏、不完整或不规范</source>
        <translation>Legal provisions cited incompletely, with omissions or improperly</translation>
    </message>
    <message>
        <source>监督理由或起诉依据适用法律错误</source>
        <translation>Wrong law applied to the grounds of supervision or of the suit</translation>
    </message>
    <message>
        <source>适用法律严重错误并造成严重后果</source>
        <translation>Law applied seriously wrongly, with serious consequences</translation>
    </message>
    <message>
        <source>违反受理、管辖规定</source>
        <translation>Rules on acceptance and jurisdiction breached</translation>
    </message>
    <message>
        <source>违反回避规定</source>
        <translation>Rules on recusal breached</translation>
    </message>
    <message>
        <source>审查、办理期限超期</source>
        <translation>Time limit for review or handling exceeded</translation>
    </message>
    <message>
        <source>法律文书未依法送达或通知当事人</source>
        <translation>Legal documents not served on or notified to the parties as required by law</translation>
    </message>
    <message>
        <source>诉前检察建议发出后，未跟进行政机关两个月（紧急情况十五日）内书面回复及整改情况</source>
        <translation>No follow-up of the administrative organ's written reply and rectification within two months (fifteen days when urgent) of the pre-litigation recommendation</translation>
    </message>
    <message>
        <source>诉前程序缺失（未发出检察建议或未履行公告程序即起诉）</source>
        <translation>Pre-litigation procedure missing (suit filed without a procuratorial recommendation or public notice)</translation>
    </message>
    <message>
        <source>听证、听取意见程序不规范</source>
        <translation>Hearing or hearing of opinions not in order</translation>
    </message>
    <message>
        <source>应报上级院备案或审批的未报</source>
        <translation>Filing with or approval by the higher procuratorate required but not sought</translation>
    </message>
    <message>
        <source>文书名称、文号、格式要素错误</source>
        <translation>Errors in a document's title, number or format elements</translation>
    </message>
    <message>
        <source>签名、盖章、日期缺失</source>
        <translation>Signature, seal or date missing</translation>
    </message>
    <message>
        <source>检察建议未载明事实、理由和法律依据</source>
        <translation>Procuratorial recommendation does not state the facts, reasons and legal basis</translation>
    </message>
    <message>
        <source>文书重要内容错误（如当事人名称、案号）</source>
        <translation>Errors in important content of a document (e.g. a party's name, the case number)</translation>
    </message>
    <message>
        <source>不支持监督申请说理不充分</source>
        <translation>Rejection of a supervision application insufficiently reasoned</translation>
    </message>
    <message>
        <source>抗诉书、再审检察建议说理不充分</source>
        <translation>Protest or retrial recommendation insufficiently reasoned</translation>
    </message>
    <message>
        <source>诉前检察建议、起诉书说理不充分</source>
        <translation>Pre-litigation recommendation or complaint insufficiently reasoned</translation>
    </message>
    <message>
        <source>抗诉或再审检察建议未被采纳</source>
        <translation>Protest or retrial recommendation not adopted</translation>
    </message>
    <message>
        <source>公益损害未得到实质整改</source>
        <translation>Public-interest harm not substantively rectified</translation>
    </message>
    <message>
        <source>引发涉检信访或舆情事件</source>
        <translation>Petitions or public-opinion incidents about the procuratorate caused</translation>
    </message>
    <message>
        <source>审批、决定权行使不规范</source>
        <translation>Approval or decision powers exercised improperly</translation>
    </message>
    <message>
        <source>过问或干预案件情况（三个规定）未记录报告</source>
        <translation>Inquiries into or interference with the case (the three provisions) not recorded and reported</translation>
    </message>
    <message>
        <source>案卡填录不全或与文书不一致</source>
        <translation>Case card incomplete or inconsistent with the documents</translation>
    </message>
    <message>
        <source>文书、材料未上传系统或未使用电子签章</source>
        <translation>Documents or materials not uploaded to the system, or no electronic seal used</translation>
    </message>
    <message>
        <source>未当日填录或线索来源填录不一致</source>
        <translation>Not entered the same day, or source of the lead entered inconsistently</translation>
    </message>
    <message>
        <source>证据收集、调取不规范</source>
        <translation>Evidence collected or obtained improperly</translation>
    </message>
    <message>
        <source>证据保管不规范</source>
        <translation>Evidence kept improperly</translation>
    </message>
    <message>
        <source>证据移送不规范（如未随案移送物品无清单、照片）</source>
        <translation>Evidence transferred improperly (e.g. items not transferred with the case lack a list or photos)</translation>
    </message>
    <message>
        <source>证据使用不规范</source>
        <translation>Evidence used improperly</translation>
    </message>
    <message>
        <source>物证、书证等形式瑕疵未补正或作出合理解释</source>
        <translation>Formal defects of physical or documentary evidence neither corrected nor reasonably explained</translation>
    </message>
    <message>
        <source>第一次讯问笔录未记载告知诉讼权利</source>
        <translation>First interrogation record does not note that procedural rights were explained</translation>
    </message>
    <message>
        <source>瑕疵证据未予补正</source>
        <translation>Defective evidence not corrected</translation>
    </message>
    <message>
        <source>非法证据未予排除</source>
        <translation>Illegally obtained evidence not excluded</translation>
    </message>
    <message>
        <source>关键证据存在矛盾，合理怀疑未排除</source>
        <translation>Contradictions in key evidence, reasonable doubt not excluded</translation>
    </message>
    <message>
        <source>刑讯逼供或暴力取证</source>
        <translation>Confession by torture or evidence obtained by violence</translation>
    </message>
    <message>
        <source>关键证据审查不充分</source>
        <translation>Key evidence not fully examined</translation>
    </message>
    <message>
        <source>搜查、扣押、辨认等见证人缺失或签名非本人所签</source>
        <translation>Witness missing at a search, seizure or identification, or a signature not the witness's own</translation>
    </message>
    <message>
        <source>依法应当调取的讯问同步录音录像未调取</source>
        <translation>Synchronous audio-video recording of interrogation not obtained where the law requires it</translation>
    </message>
    <message>
        <source>对存疑鉴定意见未提出质疑或要求补充鉴定</source>
        <translation>Doubtful expert opinion neither challenged nor supplemented</translation>
    </message>
    <message>
        <source>未审查认罪认罚的自愿性、真实性</source>
        <translation>Voluntariness and truthfulness of the guilty plea not examined</translation>
    </message>
    <message>
        <source>遗漏犯罪事实</source>
        <translation>Criminal facts omitted</translation>
    </message>
    <message>
        <source>遗漏案件情节</source>
        <translation>Circumstances of the case omitted</translation>
    </message>
    <message>
        <source>事实表述不准确</source>
        <translation>Facts stated inaccurately</translation>
    </message>
    <message>
        <source>情节认定不准确</source>
        <translation>Circumstances found inaccurately</translation>
    </message>
    <message>
        <source>前科、自首、坦白、立功等情节遗漏或认定错误</source>
        <translation>Prior record, surrender, confession or meritorious service omitted or found wrongly</translation>
    </message>
    <message>
        <source>犯罪时间、地点、手段、后果等要素缺失</source>
        <translation>Elements of the crime missing (time, place, means, consequences)</translation>
    </message>
    <message>
        <source>主要犯罪事实认定错误</source>
        <translation>Main criminal facts found wrongly</translation>
    </message>
    <message>
        <source>遗漏罪行或遗漏同案犯罪嫌疑人</source>
        <translation>A crime or a co-suspect omitted</translation>
    </message>
    <message>
        <source>法定量刑情节认定错误</source>
        <translation>Statutory sentencing circumstances found wrongly</translation>
    </message>
    <message>
        <source>作案时未满十四、十六、十八周岁的年龄节点未查明</source>
        <translation>Age thresholds at the offence (14, 16, 18) not established</translation>
    </message>
    <message>
        <source>涉案金额认定错误或缺失</source>
        <translation>Amount involved found wrongly or missing</translation>
    </message>
    <message>
        <source>遗漏引用法律条文</source>
        <translation>Legal provision not cited</translation>
    </message>
    <message>
        <source>引用法律条文错误，未造成严重后果</source>
        <translation>Legal provision cited wrongly, without serious consequences</translation>
    </message>
    <message>
        <source>引用法律条文不完整</source>
        <translation>Legal provision cited incompletely</translation>
    </message>
    <message>
        <source>引用法律条文不规范</source>
        <translation>Legal provision cited improperly</translation>
    </message>
    <message>
        <source>选择性罪名未根据案件事实确定具体罪名</source>
        <translation>For an alternative charge, the specific charge not determined from the facts</translation>
    </message>
    <message>
        <source>罪名认定错误</source>
        <translation>Wrong charge</translation>
    </message>
    <message>
        <source>量刑建议或认定刑罚不在同一量刑幅度</source>
        <translation>Sentencing recommendation or sentence outside the same sentencing range</translation>
    </message>
    <message>
        <source>遗漏法定情节，影响定罪或量刑</source>
        <translation>Statutory circumstance omitted, affecting conviction or sentence</translation>
    </message>
    <message>
        <source>适用法律严重错误，导致判决无罪、撤回起诉或国家赔偿</source>
        <translation>Law applied seriously wrongly, leading to acquittal, withdrawal of prosecution or state compensation</translation>
    </message>
    <message>
        <source>应当适用不追究刑事责任的规定而未适用，导致错误逮捕或起诉</source>
        <translation>Rules of no criminal liability not applied where required, leading to wrongful arrest or prosecution</translation>
    </message>
    <message>
        <source>未适用新的司法解释</source>
        <translation>New judicial interpretation not applied</translation>
    </message>
    <message>
        <source>认罪认罚案件未提出量刑建议、无正当理由未提出确定刑量刑建议或量刑建议不完整</source>
        <translation>Plea case without a sentencing recommendation, without a fixed-sentence recommendation for no good reason, or with an incomplete one</translation>
    </message>
    <message>
        <source>不起诉法律依据适用错误（法定、酌定、存疑不起诉）</source>
        <translation>Wrong legal basis for non-prosecution (statutory, discretionary, insufficient evidence)</translation>
    </message>
    <message>
        <source>违反管辖规定</source>
        <translation>Rules on jurisdiction breached</translation>
    </message>
    <message>
        <source>未在三日内告知委托辩护人、申请法律援助、委托诉讼代理人等诉讼权利</source>
        <translation>Rights to appoint defence counsel, apply for legal aid or appoint an agent not explained within three days</translation>
    </message>
    <message>
        <source>法律文书未按时送达</source>
        <translation>Legal documents not served on time</translation>
    </message>
    <message>
        <source>讯问不规范（审查起诉阶段未讯问、讯问未成年人无合适成年人在场、一人讯问）</source>
        <translation>Interrogation not in order (none at prosecution review, a minor without an appropriate adult, a single interrogator)</translation>
    </message>
    <message>
        <source>应当宣告的未依法宣告</source>
        <translation>Decision not announced where announcement is required</translation>
    </message>
    <message>
        <source>应当报上级院备案的未备案</source>
        <translation>Not filed with the higher procuratorate where filing is required</translation>
    </message>
    <message>
        <source>申请、答复、送达等时限规定未遵守</source>
        <translation>Time limits for applications, replies or service not observed</translation>
    </message>
    <message>
        <source>判决审查表填写不规范</source>
        <translation>Judgment review form filled in improperly</translation>
    </message>
    <message>
        <source>非羁押案件超过法定办案期限</source>
        <translation>Non-custodial case beyond the statutory time limit</translation>
    </message>
    <message>
        <source>错误羁押</source>
        <translation>Wrongful detention</translation>
    </message>
    <message>
        <source>超期羁押</source>
        <translation>Detention beyond the time limit</translation>
    </message>
    <message>
        <source>超期办案严重影响当事人合法权益</source>
        <translation>Time limit exceeded, seriously harming the parties' lawful rights</translation>
    </message>
    <message>
        <source>涉案财物处理错误</source>
        <translation>Property involved in the case handled wrongly</translation>
    </message>
    <message>
        <source>通知程序存在缺陷</source>
        <translation>Defects in the notification procedure</translation>
    </message>
    <message>
        <source>审查逮捕依法应当讯问而未讯问</source>
        <translation>Suspect not interrogated at arrest review where the law requires it</translation>
    </message>
    <message>
        <source>退回补充侦查超过两次或单次超过一个月</source>
        <translation>More than two returns for supplementary investigation, or a return longer than a month</translation>
    </message>
    <message>
        <source>签署认罪认罚具结书时辩护人或值班律师未在场</source>
        <translation>Defence counsel or duty lawyer not present when the plea agreement was signed</translation>
    </message>
    <message>
        <source>未审查羁押必要性</source>
        <translation>Necessity of detention not reviewed</translation>
    </message>
    <message>
        <source>未听取并记录被害人、辩护人意见</source>
        <translation>Opinions of the victim or the defence counsel not heard and recorded</translation>
    </message>
    <message>
        <source>应附的法律手续缺失（如羁押回执）</source>
        <translation>Required legal formalities missing (e.g. the detention receipt)</translation>
    </message>
    <message>
        <source>文书名称、类型、文号错误</source>
        <translation>Wrong document title, type or number</translation>
    </message>
    <message>
        <source>文书格式要素不全</source>
        <translation>Format elements of a document incomplete</translation>
    </message>
    <message>
        <source>身份、前科、时间、金额、案由等与证据不一致</source>
        <translation>Identity, prior record, time, amount or charge inconsistent with the evidence</translation>
    </message>
    <message>
        <source>对外文书存在三处以上文字、语法、标点错误</source>
        <translation>Three or more wording, grammar or punctuation errors in an external document</translation>
    </message>
    <message>
        <source>文书重要内容错误（如当事人姓名、罪名）</source>
        <translation>Errors in important content of a document (e.g. a party's name, the charge)</translation>
    </message>
    <message>
        <source>错误使用文书种类</source>
        <translation>Wrong type of document used</translation>
    </message>
    <message>
        <source>文书存在严重问题并造成严重后果</source>
        <translation>Serious problems in a document, with serious consequences</translation>
    </message>
    <message>
        <source>起诉书缺少必备内容</source>
        <translation>Indictment lacks required content</translation>
    </message>
    <message>
        <source>不起诉决定书缺少必备内容</source>
        <translation>Non-prosecution decision lacks required content</translation>
    </message>
    <message>
        <source>法律用语不规范</source>
        <translation>Legal terms used improperly</translation>
    </message>
    <message>
        <source>案由填录不规范</source>
        <translation>Charge entered improperly</translation>
    </message>
    <message>
        <source>审批表、流转单填写错误</source>
        <translation>Approval form or routing sheet filled in wrongly</translation>
    </message>
    <message>
        <source>文书未在系统内制作、用印错误或未公开</source>
        <translation>Document not drafted in the system, sealed wrongly or not published</translation>
    </message>
    <message>
        <source>不捕理由说明不清</source>
        <translation>Reasons for not arresting unclear</translation>
    </message>
    <message>
        <source>社会危险性说理不充分</source>
        <translation>Social danger insufficiently reasoned</translation>
    </message>
    <message>
        <source>不起诉说理不充分</source>
        <translation>Non-prosecution insufficiently reasoned</translation>
    </message>
    <message>
        <source>未采纳辩护意见未说明理由</source>
        <translation>Defence opinion not adopted without stating reasons</translation>
    </message>
    <message>
        <source>复议、复核维持原决定未说明理由</source>
        <translation>Original decision upheld on reconsideration or review without stating reasons</translation>
    </message>
    <message>
        <source>检察建议说理不充分</source>
        <translation>Procuratorial recommendation insufficiently reasoned</translation>
    </message>
    <message>
        <source>未释明认罪认罚的法律后果</source>
        <translation>Legal consequences of the guilty plea not explained</translation>
    </message>
    <message>
        <source>捕后不诉、撤回起诉或判决无罪</source>
        <translation>Non-prosecution after arrest, withdrawal of prosecution or acquittal</translation>
    </message>
    <message>
        <source>撤回起诉、判决无罪或免予刑事处罚</source>
        <translation>Withdrawal of prosecution, acquittal or exemption from criminal punishment</translation>
    </message>
    <message>
        <source>诉判不一</source>
        <translation>Judgment differs from the charge</translation>
    </message>
    <message>
        <source>二审意见未被采纳；抗诉被撤回或被驳回</source>
        <translation>Second-instance opinion not adopted; protest withdrawn or rejected</translation>
    </message>
    <message>
        <source>引发国家赔偿</source>
        <translation>State compensation caused</translation>
    </message>
    <message>
        <source>不必要的退回补充侦查、延长期限（影响案件比）；量刑建议未被采纳</source>
        <translation>Unnecessary return for supplementary investigation or extension (affects the case ratio); sentencing recommendation not adopted</translation>
    </message>
    <message>
        <source>审批表填写、审批不规范</source>
        <translation>Approval form filled in or approved improperly</translation>
    </message>
    <message>
        <source>决定权行使错误（如应由检察长决定的事项由检察官决定）</source>
        <translation>Decision power exercised wrongly (e.g. a prosecutor decided what the chief prosecutor must decide)</translation>
    </message>
    <message>
        <source>案卡填录不全</source>
        <translation>Case card incomplete</translation>
    </message>
    <message>
        <source>未使用电子签章</source>
        <translation>No electronic seal used</translation>
    </message>
    <message>
        <source>笔录、通知等未上传系统</source>
        <translation>Records or notices not uploaded to the system</translation>
    </message>
    <message>
        <source>案卡与文书内容不一致</source>
        <translation>Case card inconsistent with the documents</translation>
    </message>
    <message>
        <source>未当日填录（迟填）</source>
        <translation>Not entered the same day (late entry)</translation>
    </message>
    <message>
        <source>人员卡片罪名缺失</source>
        <translation>Charge missing on the person card</translation>
    </message>
    <message>
        <source>线索来源填录不一致</source>
        <translation>Source of the lead entered inconsistently</translation>
    </message>
    <message>
        <source>案件未经案管部门流转</source>
        <translation>Case not routed through the case-management department</translation>
    </message>
</context>
<context>
    <name>PlanType</name>
    <message>
        <source>常规抽查</source>
        <translation>Routine sample</translation>
    </message>
    <message>
        <source>重点评查</source>
        <translation>Key-case review</translation>
    </message>
    <message>
        <source>专项评查</source>
        <translation>Thematic review</translation>
    </message>
</context>
<context>
    <name>PlanMode</name>
    <message>
        <source>本院</source>
        <translation>Own procuratorate</translation>
    </message>
    <message>
        <source>交叉评查</source>
        <translation>Cross review</translation>
    </message>
    <message>
        <source>提级评查</source>
        <translation>Review by the higher procuratorate</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <source>个人自查表</source>
        <translation>Personal self-check form</translation>
    </message>
    <message>
        <source>部门核查表</source>
        <translation>Department check form</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
</context>
<context>
    <name>CardField</name>
    <message>
        <source>判决日期</source>
        <translation>Judgment date</translation>
    </message>
    <message>
        <source>取保候审日期</source>
        <translation>Bail since</translation>
    </message>
    <message>
        <source>拘留日期</source>
        <translation>Detained on</translation>
    </message>
    <message>
        <source>逮捕日期</source>
        <translation>Arrested on</translation>
    </message>
    <message>
        <source>监视居住日期</source>
        <translation>Residential surveillance since</translation>
    </message>
    <message>
        <source>强制措施解除日期</source>
        <translation>Coercive measure lifted on</translation>
    </message>
    <message>
        <source>延长审查期限批准日期</source>
        <translation>Extension approved on</translation>
    </message>
    <message>
        <source>归档日期</source>
        <translation>Archived on</translation>
    </message>
    <message>
        <source>有无被害人</source>
        <translation>Victim involved</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
</context>
<context>
    <name>LeaderTitle</name>
    <message>
        <source>院领导</source>
        <translation>Procuratorate leader (院领导)</translation>
    </message>
    <message>
        <source>部门负责人</source>
        <translation>Department head (部门负责人)</translation>
    </message>
</context>
</TS>
