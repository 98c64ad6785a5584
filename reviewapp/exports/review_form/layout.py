"""The offline review form's workbook layout (离线评查表): sheet names and column headers.

Like the case-system export columns they are a file format, fixed in Chinese, not UI text: a form
exported in one UI language imports in the other. The cover sheet's 代码 column (like the standard
workbook's meta sheet) keeps import independent of the label wording.
"""

from __future__ import annotations

COVER_SHEET = "封面"
FORM_SHEET = "评查表"
CRITERIA_SHEET = "优质标准"
PHRASES_SHEET = "常见问题"  # hidden: one row of common phrases per item, offered in the 理由 drop-down
DOCUMENTS_SHEET = "卷宗文书"  # hidden: the case's document titles, offered in the 卷宗文书 drop-down

COVER_HEADERS = ("字段", "值", "代码")
# (code, label); the rows marked editable are read back on import.
COVER_ROWS: tuple[tuple[str, str], ...] = (
    ("dept_case_no", "部门受案号"),
    ("case_name", "案件名称"),
    ("case_type", "案件类别"),
    ("unit", "承办单位"),
    ("department", "承办部门"),
    ("prosecutor", "承办检察官"),
    ("accepted_on", "受理日期"),
    ("closed_on", "办结日期"),
    ("standard_code", "评查标准代码"),
    ("standard_version", "评查标准版本"),
    ("standard_name", "评查标准名称"),
    ("scheme", "等次方案"),
    ("reviewer", "评查员"),
    ("excellence_justification", "优质案件理由（选填）"),
    ("exported_at", "导出时间"),
)

# Form sheet columns: (field, header). Headers are matched after normalisation (NFKC, no spaces).
FORM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("dimension", "维度"),
    ("code", "代码"),
    ("text", "评查项内容"),
    ("severity", "问题等级"),
    ("default_deduction", "默认扣分"),
    ("deduction", "扣分"),
    ("reason", "理由"),
    ("documents", "卷宗文书"),
    ("pages", "页码"),
)
FORM_REQUIRED = ("code", "severity", "reason")

CRITERIA_COLUMNS: tuple[tuple[str, str], ...] = (("code", "代码"), ("text", "内容"), ("met", "是否满足"))

# Several documents in one cell are '；'-separated, and their page lists follow the same order:
# 卷宗文书 "起诉书；审查报告", 页码 "3,5；2".
GROUP_SEPARATORS = ("；", ";")
PAGE_SEPARATORS = (",", "，", "、", " ")
YES, NO = "是", "否"
