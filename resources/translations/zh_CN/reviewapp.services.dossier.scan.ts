<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DossierScan</name>
    <message>
        <source>Dossier reading cancelled: {done} of {total} pages stored.</source>
        <translation>已停止读取卷宗：{total}页中已保存{done}页。</translation>
    </message>
    <message>
        <source>{pages} dossier pages read: {text} from the text layer, {ocr} by OCR, {unreadable} unreadable.</source>
        <translation>已读取卷宗{pages}页：文字层{text}页，文字识别{ocr}页，无法读取{unreadable}页。</translation>
    </message>
</context>
</TS>
