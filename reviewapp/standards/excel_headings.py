"""The words offices head the columns of a checklist (评查项) with, and which field each can mean.

A provincial checklist names its columns in its own words: the item text 评查内容 / 评查要点 / 评查事项, the
points 分值 / 扣分 / 每处扣分, the category 类别 / 一级指标, the severity 问题性质 / 瑕疵等级, the basis 法律依据. They
are a file format like the layout's own headings (excel_layout.py), so Chinese whatever the UI language. Three kinds:

- a heading that can mean one field only (``ITEM_HEADINGS``) is that field;
- a *weaker* heading (``WEAK_HEADINGS``) is that field unless a column with a heading of the first kind says it
  more precisely: 序号 (a running number) gives way to 编号 / 代码, 分值 (an item's full points) to 扣分 (what one
  finding takes) — the weaker column is then not read, and the import says so;
- a heading that can mean two fields (``AMBIGUOUS_HEADINGS``: 评查项目 is the item in one office and the category in
  another, 扣分标准 a number in one and a sentence in another) is decided by the column's cells and by which fields
  other columns already give (excel_columns.py) — or refused, naming the column and what to rename it to.

Headings of the columns a reviewer fills in on paper (得分, 评查情况, 备注 …) are known as such (``FILL_IN_HEADINGS``)
and left out. Any other heading is left out as well, unless its words suggest a field no column gives
(``HINTS``): then the import refuses rather than drop, say, the veto marks of a column headed 否决情况.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from reviewapp.i18n import translate

if TYPE_CHECKING:  # excel_sheets reads headings with this module's words
    from reviewapp.standards.excel_sheets import SheetAccess, Table

# The layout's own headings come first (excel_layout.ITEM_COLUMNS); these are the other words for the same field.
ITEM_HEADINGS: dict[str, tuple[str, ...]] = {
    "code": ("代码", "编号", "项目编号", "评查项编号", "评查项代码", "项目代码", "条目编号", "指标编号", "代码编号"),
    "dimension": (
        "维度",
        "评查维度",
        "维度名称",
        "类别",
        "评查类别",
        "项目类别",
        "类别名称",
        "一级指标",
        "评查大类",
        "大类",
        "评查分类",
        "分类",
    ),
    "text": (
        "评查项内容",
        "评查内容",
        "评查要点",
        "评查事项",
        "评查重点",
        "评查项",
        "检查内容",
        "内容",
        "具体内容",
        "评查具体内容",
        "评查细则",
        "评查内容及要点",
    ),
    "case_types": ("适用案件类别", "案件类别", "适用案件类型", "适用案件", "案件类型"),
    "severities": ("问题等级", "问题性质", "瑕疵等级", "严重程度", "问题程度", "问题严重程度", "问题级别", "瑕疵程度"),
    "deduction": (
        "默认扣分",
        "扣分",
        "扣分分值",
        "每处扣分",
        "扣分值",
        "扣分数",
        "单项扣分",
        "扣分数值",
        "扣分（每处）",
    ),
    "veto": ("一票否决", "否决项", "一票否决项", "是否一票否决", "是否否决项", "是否为一票否决项"),
    "phrases": ("常见问题", "常见问题表述", "典型问题", "常见问题描述"),
    "check": ("自动检查",),
    "basis": (
        "依据",
        "法律依据",
        "评查依据",
        "规定依据",
        "依据条款",
        "法律法规依据",
        "政策法律依据",
        "法律政策依据",
        "法规依据",
        "相关依据",
        "参考依据",
        "依据规定",
    ),
}
# Fields a column says less precisely: used when no column of ITEM_HEADINGS gives the field.
WEAK_HEADINGS: dict[str, tuple[str, ...]] = {
    "code": ("序号",),
    "deduction": ("分值", "标准分", "分数", "标准分值", "满分", "分值（分）"),
}
# Headings that can mean two fields: decided by the column's cells (excel_columns.py), else refused.
AMBIGUOUS_HEADINGS: dict[str, tuple[str, ...]] = {
    "评查项目": ("text", "dimension"),
    "项目": ("text", "dimension"),
    "项目名称": ("text", "dimension"),
    "指标": ("dimension", "text"),
    "二级指标": ("dimension", "text"),
    "三级指标": ("text", "dimension"),
    "评查标准": ("text", "deduction"),
    "扣分标准": ("deduction", "text"),
    "评分标准": ("deduction", "text"),
    "扣分办法": ("deduction", "text"),
    "扣分说明": ("deduction", "text"),
    "问题类别": ("severities", "dimension"),
    "问题类型": ("severities", "dimension"),
    "等级": ("severities",),
    "级别": ("severities",),
}
# Columns a reviewer fills in on the paper form, or remarks: no part of an item.
FILL_IN_HEADINGS = (
    "备注",
    "说明",
    "附注",
    "得分",
    "实得分",
    "实际得分",
    "实际扣分",
    "扣分情况",
    "扣分理由",
    "扣分原因",
    "评查情况",
    "评查结果",
    "评查意见",
    "评查结论",
    "评查记录",
    "评查人",
    "评查人员",
    "存在问题",
    "发现问题",
    "问题描述",
    "具体问题",
    "自查情况",
    "自查结果",
    "检查情况",
    "检查结果",
    "评分",
    "是否存在",
    "是否符合",
    "符合情况",
    "情况说明",
    "页码",
    "卷宗页码",
    "所在页码",
    "审核意见",
)
# Words in an unknown heading that suggest a field: refused (with what to rename) when no column gives that field.
HINTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("veto", re.compile("否决")),
    ("deduction", re.compile("扣|分值|分数|标准分")),
    ("severities", re.compile("等级|性质|程度|级别")),
    ("basis", re.compile("依据")),
    ("case_types", re.compile("案件类|案件类型|适用")),
    ("dimension", re.compile("类别|维度|指标|大类|分类")),
    ("code", re.compile("序号|编号|代码")),
    ("text", re.compile("内容|要点|事项|项目|标准|重点")),
)
# A required-field mark or a unit in parentheses after a heading: 分值（分）, *评查内容, 一票否决(是/否).
_DECORATION = re.compile(r"^[*★☆※●▲△]+|[*★☆※]+$")
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")


def heading_key(text: object) -> str:
    """A heading or sheet name as compared: full-width forms folded (（ = (), spaces and line breaks dropped."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


def heading_forms(text: object) -> tuple[str, ...]:
    """The forms a heading is looked up by, most exact first: as written, without a required-field mark, without
    a note in parentheses after it (分值（分） → 分值)."""
    key = heading_key(text)
    plain = _DECORATION.sub("", key)
    bare = _TRAILING_NOTE.sub("", plain)
    return tuple(dict.fromkeys(f for f in (key, plain, bare) if f))


def keyed(words: Iterable[str]) -> set[str]:
    return {heading_key(w) for w in words}


# A row that sums the points (合计, 总分：100分, 小计（20分）, 证据采信小计), whatever the cell it is written in.
_TOTAL = re.compile(
    r"^(?:\D{0,12}?(?:小计|合计)|总计|总分|合计分|合计分值|总分值|满分|合计扣分|总扣分)"
    r"(?:[:：]?\d+(?:\.\d+)?分?|\((?:满分|共|计|总分)?\d+(?:\.\d+)?分?\))?$"
)
# A note under a table: 说明：… / 注：… / 备注：… / 填表说明 (with 1. or a colon after the word, or nothing).
NOTE = re.compile(r"^(?:填表说明|使用说明|说明|附注|备注|注意|注)\d*(?:[:：.、]|$)")


def is_total(value: object) -> bool:
    return value is not None and bool(_TOTAL.match(_DECORATION.sub("", heading_key(value)).rstrip(":：")))


def is_note(value: object) -> bool:
    return value is not None and bool(NOTE.match(heading_key(value)))


# A line of the form an office prints under its table, to be filled in by hand: 评查人（签名）：, 评查日期：  年
# 月  日, 评查结论：□优质 □合格 — a label and a colon, then nothing but blanks, underscores, a date or boxes to tick.
_FORM_LINE = re.compile(r"^[^\d:：]{2,12}[:：](?:[_＿.]*(?:年[_＿.]*月[_＿.]*日)?[_＿.]*|.*[□☐].*)$")


def is_form_line(value: object) -> bool:
    return value is not None and bool(_FORM_LINE.match(heading_key(value)))


def is_form_row(values: Iterable[object]) -> bool:
    """Every filled cell of the row is a line of the form to be filled in (评查人：, 评查日期：  年 月 日)."""
    shown = [v for v in values if v is not None and str(v).strip()]
    return bool(shown) and all(is_form_line(v) for v in shown)


# 一、证据采信 / （一）证据采信 / 1. 证据采信 / 第一部分 证据采信（20分）: the dimension's name inside its numbering.
_ENUMERATION = re.compile(
    r"^(?:第[一二三四五六七八九十百\d]+(?:部分|章|节|项|类)?[、.:]*|[一二三四五六七八九十百]+[、.:]+|"
    r"\([一二三四五六七八九十\d]+\)[、.:]*|\d+(?:\.\d+)*[、.:]*|[A-Za-z][、.:]+)"
)
# The points or weight after a dimension's name: 20分, （20分）, （本项20分）, (满分20分), （权重20%）.
_WEIGHT = re.compile(r"(?:\((?:本项|本部分|满分|共|计|分值|权重|占)?[:：]?\d+(?:\.\d+)?(?:分|%)?\)|\d+(?:\.\d+)?分)$")


def dimension_label(value: Any) -> str:
    """A dimension as compared: its name without the numbering (一、) or the points (（20分）) around it."""
    text = heading_key(value).rstrip(":：")
    bare = _ENUMERATION.sub("", text, count=1) or text
    return _WEIGHT.sub("", bare) or bare


def dimension_names(data: dict[str, Any]) -> dict[str, str]:
    """Every dimension's code and name (as compared) → its code; a name two dimensions share is no name of one."""
    out: dict[str, str] = {}
    shared: set[str] = set()
    for d in data.get("dimensions") or ():
        code = d.get("code")
        if not code:
            continue
        out[heading_key(code)] = code
        name = d.get("name")
        if name:
            key = dimension_label(name)
            if key in out and out[key] != code:
                shared.add(key)
            out.setdefault(key, code)
    for key in shared:
        out.pop(key, None)
    return out


def missing(access: SheetAccess, sheet: str, table: Table, field: str, header: str) -> None:
    """Record that no column gives ``field``, with the sheet's headings and the other words it may be headed by."""
    others = "、".join(
        dict.fromkeys(w for w in (*ITEM_HEADINGS.get(field, ()), *WEAK_HEADINGS.get(field, ())) if w != header)
    )
    headings = "、".join(h.shown() for h in table.headings if h.text) or "-"
    problem = translate(
        "Standards",
        "the column is missing (the sheet's headings are {headings}): add it, or rename the column that holds it to "
        "{field}",
    ).format(headings=headings, field=header)
    if others:
        problem += translate("Standards", " (it may also be headed {words})").format(words=others)
    access.refuse(sheet, table.last, header, problem)
