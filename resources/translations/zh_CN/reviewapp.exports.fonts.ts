<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Fonts</name>
    <message>
        <source>body text (仿宋)</source>
        <translation>正文（仿宋）</translation>
    </message>
    <message>
        <source>title (小标宋)</source>
        <translation>标题（小标宋）</translation>
    </message>
    <message>
        <source>level-1 heading (黑体)</source>
        <translation>一级标题（黑体）</translation>
    </message>
    <message>
        <source>level-2 heading (楷体)</source>
        <translation>二级标题（楷体）</translation>
    </message>
    <message>
        <source>page number (宋体)</source>
        <translation>页码（宋体）</translation>
    </message>
    <message>
        <source>No Chinese TrueType font found for the {role} of official documents. Searched: {searched}. Install 仿宋/宋体/黑体/楷体 (simfang.ttf, simsun.ttc, simhei.ttf, simkai.ttf) or another Chinese TrueType font, choose a font file in the settings, or reinstall the app so that the bundled fonts are back in {shipped}.</source>
        <translation>未找到可用于公文{role}的中文 TrueType 字体。已查找：{searched}。请安装仿宋/宋体/黑体/楷体（simfang.ttf、simsun.ttc、simhei.ttf、simkai.ttf）或其他中文 TrueType 字体，或在设置中指定字体文件，或重新安装本软件以恢复 {shipped} 中随附的字体。</translation>
    </message>
</context>
</TS>
