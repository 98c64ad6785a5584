<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SelfCheck</name>
    <message>
        <source>Log in first: only a logged-in user may fill in a self-check.</source>
        <translation>请先登录：只有已登录的用户才能填写检查表。</translation>
    </message>
    <message>
        <source>{user} may not fill in the 个人自查表 of case {case}: only its handling prosecutor may.</source>
        <translation>{user} 不能填写案件 {case} 的个人自查表：只有该案承办检察官可以填写。</translation>
    </message>
    <message>
        <source>{user} may not fill in the 部门核查表 of case {case}: only a 部门负责人 of the department that handled it may.</source>
        <translation>{user} 不能填写案件 {case} 的部门核查表：只有承办部门的部门负责人可以填写。</translation>
    </message>
    <message>
        <source>{user} may not read the self-check forms of case {case}.</source>
        <translation>{user} 无权查看案件 {case} 的自查表和核查表。</translation>
    </message>
</context>
</TS>
