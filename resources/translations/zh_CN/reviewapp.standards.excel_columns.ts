<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Standards</name>
    <message>
        <source>{letter} (no heading)</source>
        <translation>{letter} 列（无列标题）</translation>
    </message>
    <message>
        <source>{column} ({letter}), as {other} gives the {field}</source>
        <translation>{column}（{letter} 列，因“{other}”已给出{field}）</translation>
    </message>
    <message>
        <source>{column} ({letter}), checked against {other}</source>
        <translation>{column}（{letter} 列，已逐行核对与“{other}”一致）</translation>
    </message>
    <message>
        <source>{columns} together as {field}</source>
        <translation>{columns} 合并读作“{field}”</translation>
    </message>
    <message>
        <source>{columns} as {field}, the ticked ones</source>
        <translation>{columns} 读作“{field}”（取打勾的列）</translation>
    </message>
    <message>
        <source>the column {column} ({letter}) may be the column {field}, which the sheet has not: rename it to {field} if it is, or to 备注 to leave it out</source>
        <translation>“{column}”列（{letter} 列）可能就是本表缺少的“{field}”列：如是，请将列标题改为“{field}”；如不是，请改为“备注”（该列不导入）</translation>
    </message>
    <message>
        <source>{column} ({letter}) as {field}</source>
        <translation>“{column}”（{letter} 列）读作“{field}”</translation>
    </message>
    <message>
        <source>, the one deduction each sentence names</source>
        <translation>（取每句文字中写明的唯一扣分）</translation>
    </message>
    <message>
        <source>the columns {first} ({first_letter}) and {second} ({second_letter}) could both be the column {field}: rename the one that is meant to {field} and the other to 备注 (a column of that name is left out), or delete it</source>
        <translation>“{first}”（{first_letter} 列）和“{second}”（{second_letter} 列）都可能是“{field}”列：请将真正的那一列改名为“{field}”，另一列改名为“备注”（名为“备注”的列不导入）或删除</translation>
    </message>
    <message>
        <source>; to keep both as the item's text, head them together with one cell 评查内容 merged above</source>
        <translation>；如两列都属于评查项内容，请在两列上方加一个合并单元格“评查内容”作为共同列标题</translation>
    </message>
    <message>
        <source> (column {columns} is hidden in Excel)</source>
        <translation>（{columns} 列在 Excel 中是隐藏的）</translation>
    </message>
    <message>
        <source>the column {column} ({letter}) could be the column {fields} and its cells do not tell which: rename it to the one meant, or to 备注 to leave it out</source>
        <translation>“{column}”列（{letter} 列）可能是“{fields}”列，从单元格内容无法判断：请将列标题改为实际所指的那一个，或改为“备注”（该列不导入）</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>the column {column} ({letter}) groups the items like a dimension, but {value} is no dimension of the sheet 评查维度: add the dimensions there and rename the column to {field}, or rename it to 备注 to leave it out</source>
        <translation>“{column}”列（{letter} 列）像维度一样为评查项分组，但“{value}”不是“评查维度”工作表中的维度：请在该表中补充这些维度并将列标题改为“{field}”，或改为“备注”（该列不导入）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Sheet {sheet}: read {columns}.</source>
        <translation>工作表“{sheet}”：{columns}。</translation>
    </message>
    <message>
        <source>Sheet {sheet}: not read: {columns}.</source>
        <translation>工作表“{sheet}”：以下列未导入：{columns}。</translation>
    </message>
    <message>
        <source>{column} ({letter})</source>
        <translation>{column}（{letter} 列）</translation>
    </message>
</context>
</TS>
