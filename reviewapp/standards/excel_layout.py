"""The workbook layout an administrator edits: sheet names and column headers, fixed in Chinese like the
case-system export columns (they are a file format, not UI text, so they do not change with the UI
language). Each column names the plain-form field it holds, so errors can point back to a cell."""

from __future__ import annotations

TRUE_TEXT = "是"
FALSE_TEXT = "否"
LIST_SEPARATOR = "；"  # phrases and lists are '；'-separated in one cell
PAIR_SEPARATOR = "="  # 瑕疵=基本合格

META_SHEET = "基本信息"
SCHEMES_SHEET = "等次方案"
DIMENSIONS_SHEET = "评查维度"
ITEMS_SHEET = "评查项"
CRITERIA_SHEET = "优质标准"
RULES_SHEET = "等次规则"

# Meta sheet: one row per field, columns 字段 | 值 | 代码 (the code column keeps import independent of
# the label wording).
META_HEADERS = ("字段", "值", "代码")
META_ROWS: tuple[tuple[str, str], ...] = (
    ("code", "标准代码"),
    ("name", "标准名称"),
    ("version", "版本（导入时另行指定）"),
    ("case_types", "适用案件类别"),
    ("scheme", "默认等次方案"),
    ("score_base", "百分制基准分（空 = 不计分）"),
    ("require_record", "至少记录一项问题或优质标准"),
    ("require_finding_reason", "每个问题须写明理由"),
    ("require_override_reason", "改变建议等次须写明理由"),
    ("justification_required_for", "须书面说明理由的等次"),
)
PRACTICE_FIELDS = (
    "require_record",
    "require_finding_reason",
    "require_override_reason",
    "justification_required_for",
)

# Table sheets: (field, header) in column order.
SCHEME_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "方案代码"),
    ("name", "方案名称"),
    ("grades", "等次（由高到低）"),
    ("maps_to", "对应方案"),
    ("mapping", "等次对应关系"),
)
DIMENSION_COLUMNS: tuple[tuple[str, str], ...] = (("code", "代码"), ("name", "名称"))
ITEM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "代码"),
    ("dimension", "维度"),
    ("text", "评查项内容"),
    ("case_types", "适用案件类别"),
    ("severities", "问题等级"),
    ("deduction", "默认扣分"),
    ("veto", "一票否决"),
    ("phrases", "常见问题"),
    ("check", "自动检查"),
    ("basis", "依据"),
)
CRITERION_COLUMNS: tuple[tuple[str, str], ...] = (("code", "代码"), ("text", "内容"), ("grades", "适用等次"))
RULE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "规则代码"),
    ("name", "规则名称"),
    ("enabled", "启用"),
    ("veto", "一票否决项"),
    ("severity_any", "存在以下等级问题"),
    ("severity_only", "仅有以下等级问题"),
    ("no_findings", "未发现问题"),
    ("score_below", "得分低于"),
    ("score_at_least", "得分不低于"),
    ("criteria_all_ticked", "优质标准全部满足"),
    ("justification", "已书面说明理由"),
    ("grade", "建议等次"),
)
RULE_FIELDS = ("id", "name", "enabled", "grade")  # the rest are condition clauses

# Field kinds for cell conversion.
LIST_FIELDS = {"case_types", "grades", "severities", "phrases", "severity_any", "severity_only"}
LIST_FIELDS |= {"justification_required_for"}
BOOL_FIELDS = {"veto", "enabled", "no_findings", "criteria_all_ticked", "justification"}
BOOL_FIELDS |= {"require_record", "require_finding_reason", "require_override_reason"}
NUMBER_FIELDS = {"deduction", "score_below", "score_at_least", "score_base"}

TABLES: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("schemes", SCHEMES_SHEET, SCHEME_COLUMNS),
    ("dimensions", DIMENSIONS_SHEET, DIMENSION_COLUMNS),
    ("items", ITEMS_SHEET, ITEM_COLUMNS),
    ("criteria", CRITERIA_SHEET, CRITERION_COLUMNS),
    ("rules", RULES_SHEET, RULE_COLUMNS),
)
