<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RosterWindow</name>
    <message>
        <source>Roster: leaders and deputies in charge</source>
        <translation>名册：院领导与分管</translation>
    </message>
    <message>
        <source>&amp;Deputies in charge (分管)</source>
        <translation>分管副检察长(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Leaders</source>
        <translation>院领导与部门负责人(&amp;L)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Deputy chief in charge</source>
        <translation>分管副检察长</translation>
    </message>
    <message>
        <source>&amp;Put in charge</source>
        <translation>指定分管(&amp;P)</translation>
    </message>
    <message>
        <source>Deputy chief in charge:</source>
        <translation>分管副检察长：</translation>
    </message>
    <message>
        <source>A department's opinions proposed Satisfactory (合格) are determined by its deputy chief in charge (分管副检察长) or by the chief prosecutor. A department that names nobody leaves them to any deputy chief of its unit. Only people whose account holds the deputy chief role can be named.</source>
        <translation>部门案件拟定为合格的评查意见，由该部门的分管副检察长或检察长审定。未指定分管副检察长的部门，由本院任一副检察长审定。只能指定账户具有副检察长角色的人员。</translation>
    </message>
    <message>
        <source>Filter by name, unit or department</source>
        <translation>按姓名、单位或部门筛选</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导标记</translation>
    </message>
    <message>
        <source>Not a leader</source>
        <translation>非领导</translation>
    </message>
    <message>
        <source>&amp;Set</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Leader:</source>
        <translation>领导标记：</translation>
    </message>
    <message>
        <source>A sampling plan takes at least two cases of each leader, and the cases a procuratorate leader (院领导) handled are reviewed by the level above (提级评查).</source>
        <translation>抽查方案对每位领导至少抽取两件案件；院领导承办的案件由上一级院评查（提级评查）。</translation>
    </message>
    <message>
        <source>nobody named (any deputy chief of the unit)</source>
        <translation>未指定（本院任一副检察长）</translation>
    </message>
    <message>
        <source>Nobody (any deputy chief of the unit)</source>
        <translation>不指定（本院任一副检察长）</translation>
    </message>
    <message>
        <source>Select a department first.</source>
        <translation>请先选择一个部门。</translation>
    </message>
    <message>
        <source>{deputy} is now in charge of {department}.</source>
        <translation>{deputy}已分管{department}。</translation>
    </message>
    <message>
        <source>{department} names no deputy in charge.</source>
        <translation>{department}不再指定分管副检察长。</translation>
    </message>
    <message>
        <source>Select a person first.</source>
        <translation>请先选择一个人员。</translation>
    </message>
    <message>
        <source>{name} is marked {title}.</source>
        <translation>{name}已标记为{title}。</translation>
    </message>
    <message>
        <source>{name} is no longer marked a leader.</source>
        <translation>{name}已取消领导标记。</translation>
    </message>
</context>
</TS>
