"""The self-check workbook's layout: sheet names and headers. A file format, fixed in Chinese like the offline
review form (exports/review_form/layout.py): a form exported in one UI language imports in the other. The cover
sheet's 代码 column keeps the import independent of the label wording; the form's 表单编号 (its uid) names the
stored form the file belongs to."""

from __future__ import annotations

COVER_SHEET = "封面"
FORM_SHEET = "检查表"

COVER_HEADERS = ("字段", "值", "代码")
COVER_ROWS: tuple[tuple[str, str], ...] = (
    ("title", "表单"),
    ("form_uid", "表单编号"),
    ("kind", "检查类型"),
    ("dept_case_no", "部门受案号"),
    ("case_name", "案件名称"),
    ("plan", "评查方案"),
    ("standard", "评查标准"),
    ("status", "状态"),
    ("filled_by", "填写人"),
    ("exported_at", "导出时间"),
)

FORM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("dimension", "维度"),
    ("code", "代码"),
    ("text", "检查项内容"),
    ("source", "来源"),
    ("answer", "是否规范（是/否/不适用）"),
    ("note", "说明"),
)
FORM_REQUIRED = ("code", "answer", "note")
