<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewUndo</name>
    <message>
        <source>This step can no longer be undone: its finding is gone.</source>
        <translation>该步骤已无法撤销：相关问题已不存在。</translation>
    </message>
    <message>
        <source>This step can no longer be undone: item {item} was recorded again.</source>
        <translation>该步骤已无法撤销：评查项 {item} 已重新记录。</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>没有可重做的操作。</translation>
    </message>
</context>
</TS>
