<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Intake</name>
    <message>
        <source>Cannot open {file}: {detail}</source>
        <translation>无法打开 {file}：{detail}</translation>
    </message>
    <message>
        <source>{file} is not a spreadsheet (.xlsx, .xls, .ods or .csv) and cannot be imported.</source>
        <translation>{file} 不是电子表格（.xlsx、.xls、.ods 或 .csv），无法导入。</translation>
    </message>
    <message>
        <source>{file} is password-protected. Remove the password (or export it again without one) and import it again.</source>
        <translation>{file} 设有密码保护（已加密）。请取消密码（或重新导出不加密的文件）后再导入。</translation>
    </message>
    <message>
        <source>{file} is truncated or damaged and cannot be read. Export it again from the case system.</source>
        <translation>{file} 不完整或已损坏，无法读取。请从业务应用系统重新导出。</translation>
    </message>
    <message>
        <source>{file} is empty: it holds no case data.</source>
        <translation>{file} 是空文件，没有任何案件数据。</translation>
    </message>
    <message>
        <source>{file} cannot be read: the reader stopped on it. The file is probably damaged; export it again from the case system. Details were kept in the log.</source>
        <translation>无法读取{file}：读取程序在该文件上中止。文件可能已损坏，请从案件系统重新导出。详细情况已记入日志。</translation>
    </message>
    <message>
        <source>{file} cannot be read: reading it needs more memory than an export of its size may use. The file is probably damaged; export it again, or split it into smaller exports.</source>
        <translation>无法读取{file}：读取所需内存超出同等大小导出文件的上限。文件可能已损坏，请重新导出，或拆分为较小的导出文件。</translation>
    </message>
    <message>
        <source>{file} cannot be read: reading it took far longer than an export of its size should. The file is probably damaged; export it again from the case system.</source>
        <translation>无法读取{file}：读取用时远超同等大小导出文件应有的时间。文件可能已损坏，请从案件系统重新导出。</translation>
    </message>
    <message>
        <source>{file} has no sheet with the key column {column}; no cases can be read.</source>
        <translation>{file} 中没有含关键列“{column}”的工作表，无法读取任何案件。</translation>
    </message>
    <message>
        <source>{file} has no sheet with the case columns, only a suspects or documents sheet; no cases can be read. Sheets found: {detail}.</source>
        <translation>{file} 中没有含案件各列的工作表，只有嫌疑人或文书工作表，无法读取任何案件。文件中的工作表：{detail}。</translation>
    </message>
    <message>
        <source>{file} is not in a supported text encoding (UTF-8, GB18030, or UTF-16 with its byte-order mark as Excel saves Unicode text). Save it as UTF-8 CSV.</source>
        <translation>{file} 的文本编码不受支持（支持 UTF-8、GB18030，以及 Excel“Unicode 文本”所用的带字节顺序标记的 UTF-16）。请另存为 UTF-8 编码的 CSV。</translation>
    </message>
</context>
</TS>
