<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Plans</name>
    <message>
        <source>{count} departments are called {name}; name the unit.</source>
        <translation>有 {count} 个部门名为{name}，请指明所属单位。</translation>
    </message>
    <message>
        <source>No department is called {name}.</source>
        <translation>没有名为{name}的部门。</translation>
    </message>
    <message>
        <source>{count} deputy chiefs are called {name}.</source>
        <translation>有 {count} 名副检察长名为{name}。</translation>
    </message>
    <message>
        <source>No account called {name} holds the deputy chief role.</source>
        <translation>没有名为{name}且具有副检察长角色的账户。</translation>
    </message>
</context>
<context>
    <name>Process</name>
    <message>
        <source>{department} is in the charge of {deputy}: the 合格 of its cases is determined by them (分管副检察长) or by the chief prosecutor.</source>
        <translation>{department}由{deputy}分管：该部门案件的合格等次应由其（分管副检察长）或检察长审定。</translation>
    </message>
</context>
</TS>
