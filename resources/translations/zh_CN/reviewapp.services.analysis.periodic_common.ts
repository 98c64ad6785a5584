<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Analysis</name>
    <message>
        <source>Cannot write {file}: the file name must end in {suffixes}.</source>
        <translation>无法写入{file}：文件名须以 {suffixes} 结尾。</translation>
    </message>
</context>
</TS>
