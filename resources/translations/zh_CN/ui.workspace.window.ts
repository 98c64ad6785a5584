<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScoringWorkspace</name>
    <message>
        <source>Scoring — {name} {number}</source>
        <translation>案件评查 — {name} {number}</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题记录</translation>
    </message>
    <message>
        <source>Case {id} does not exist.</source>
        <translation>案件 {id} 不存在。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Mark as {severity}</source>
        <translation>认定为{severity}</translation>
    </message>
    <message>
        <source>Clear the finding</source>
        <translation>清除该项问题</translation>
    </message>
    <message>
        <source>Jump to the reason</source>
        <translation>跳到问题理由</translation>
    </message>
    <message>
        <source>Link the current page as evidence</source>
        <translation>将当前卷宗页关联为依据</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>下一评查项</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>上一评查项</translation>
    </message>
    <message>
        <source>Next item with a finding</source>
        <translation>下一个有问题的评查项</translation>
    </message>
    <message>
        <source>Previous item with a finding</source>
        <translation>上一个有问题的评查项</translation>
    </message>
    <message>
        <source>Back to the checklist</source>
        <translation>回到评查项列表</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>卷宗下一页</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>卷宗上一页</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Submit the review</source>
        <translation>提交评查</translation>
    </message>
    <message>
        <source>Reopen the review…</source>
        <translation>重新打开评查…</translation>
    </message>
    <message>
        <source>Review history…</source>
        <translation>评查历史…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Scoring</source>
        <translation>评查(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>跳转(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Down / Up</source>
        <translation>↓ / ↑</translation>
    </message>
    <message>
        <source>Next / previous item (in the checklist)</source>
        <translation>下一 / 上一评查项（在评查项列表中）</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <source>Save the reason and go back to the checklist</source>
        <translation>保存理由并回到评查项列表</translation>
    </message>
    <message>
        <source>No further item with a finding.</source>
        <translation>后面没有有问题的评查项了。</translation>
    </message>
    <message>
        <source>Open a dossier page first.</source>
        <translation>请先打开卷宗页。</translation>
    </message>
    <message>
        <source>Mark the item with a severity first.</source>
        <translation>请先认定该项的问题程度。</translation>
    </message>
    <message>
        <source>Linked page {page}.</source>
        <translation>已关联第 {page} 页。</translation>
    </message>
    <message>
        <source>Submitted.</source>
        <translation>已提交。</translation>
    </message>
    <message>
        <source>Submit this review with the grade {grade}? A submitted review changes only when reopened.</source>
        <translation>以“{grade}”等次提交本次评查？提交后只有重新打开才能修改。</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Reviewer: {name} · {status}</source>
        <translation>评查人：{name} · {status}</translation>
    </message>
    <message>
        <source>Undo {what}</source>
        <translation>撤销：{what}</translation>
    </message>
    <message>
        <source>Redo {what}</source>
        <translation>重做：{what}</translation>
    </message>
    <message>
        <source>Suggested findings ({n})</source>
        <translation>智能提示（{n}）</translation>
    </message>
    <message>
        <source>Self-check ({n})</source>
        <translation>自查核查（{n}）</translation>
    </message>
</context>
</TS>
