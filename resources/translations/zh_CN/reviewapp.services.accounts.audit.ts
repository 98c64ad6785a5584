<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Audit</name>
    <message>
        <source>There is no review {id}.</source>
        <translation>没有编号为 {id} 的评查。</translation>
    </message>
    <message>
        <source>There is no account {login}.</source>
        <translation>没有账号 {login}。</translation>
    </message>
    <message>
        <source>(no account)</source>
        <translation>（无账号）</translation>
    </message>
    <message>
        <source>entry {seq} ({at} UTC, {who}: {what}{case})</source>
        <translation>第 {seq} 条（{at} UTC，{who}：{what}{case}）</translation>
    </message>
    <message>
        <source>The audit trail was changed outside the app: entry {seq} was deleted (it is missing).</source>
        <translation>审计日志在本程序之外被改动：第 {seq} 条被删除（已缺失）。</translation>
    </message>
    <message>
        <source>entry {seq}</source>
        <translation>第 {seq} 条</translation>
    </message>
    <message>
        <source>The audit trail was changed outside the app: {entry} was inserted.</source>
        <translation>审计日志在本程序之外被改动：{entry}是插入的。</translation>
    </message>
    <message>
        <source>The audit trail was changed outside the app: {entry} was edited.</source>
        <translation>审计日志在本程序之外被改动：{entry}被修改过。</translation>
    </message>
</context>
</TS>
