"""The 优质标准 sheet headed in an office's own words (序号 | 优质案件评定标准), perhaps under a title row, and without
a column 适用等次: the sheet's own name says its criteria are those of the highest grade (优质 in the 2026 scheme,
review-rules.md §2), so each applies to the default scheme's highest grade, and the import result says so. Without
a default scheme to take that grade from, the missing column is refused as before."""

from __future__ import annotations

from typing import Any

from openpyxl.workbook.workbook import Workbook

from reviewapp.i18n import translate
from reviewapp.standards.excel_headings import heading_forms, heading_key
from reviewapp.standards.excel_sheets import SheetAccess, column_missing, doubled

# Layout heading → the words offices head that column with.
CRITERION_HEADINGS: dict[str, tuple[str, ...]] = {
    "代码": ("序号", "编号", "标准代码", "条目编号"),
    "内容": (
        "评定标准",
        "优质标准",
        "优质案件标准",
        "优质案件评定标准",
        "优质案件评查标准",
        "标准内容",
        "具体标准",
        "评定条件",
        "评定内容",
        "标准",
        "条件",
    ),
    "适用等次": ("等次", "适用等级", "适用于"),
}
GRADES_HEADING = "适用等次"


def criterion_words(headings: list[str]) -> list[str]:
    return [*headings, *(w for words in CRITERION_HEADINGS.values() for w in words)]


def criterion_columns(reader: SheetAccess, wb: Workbook, sheet: str, headings: list[str]) -> dict[str, int] | None:
    """Each layout heading's column (0-based), read in the office's words too; None when a needed one is missing
    or doubled (recorded on ``reader``). 适用等次 may be missing (see the module's docstring)."""
    table = reader.locate(wb, sheet, criterion_words(headings))
    if table is None:
        return None
    own = {heading_key(h): h for h in headings}
    office = {heading_key(w): h for h, words in CRITERION_HEADINGS.items() for w in words}
    found: dict[str, int] = {}
    refused = False
    # The layout's own headings first: an office's 序号 beside a 代码 column is its row number, not a second code.
    for by_key in (own, office):
        this_pass: dict[str, int] = {}
        for h in table.headings:
            header = next((by_key[f] for f in heading_forms(h.text) if f in by_key), None) if h.text else None
            if header is None or header in found:
                continue
            if header in this_pass:
                reader.refuse(sheet, table.last, header, doubled(this_pass[header], h.index))
                refused = True
                continue
            this_pass[header] = h.index
        found.update(this_pass)
    shown = "、".join(h.shown() for h in table.headings if h.text) or "-"
    for header in headings:
        if header not in found and header != GRADES_HEADING:
            reader.refuse(sheet, table.last, header, column_missing(table.last, shown, header))
            refused = True
    return None if refused else found


def highest_grade(data: dict[str, Any]) -> tuple[str, str] | None:
    """(scheme id, its highest grade) of the standard's default scheme, when the workbook names one."""
    default = data.get("scheme")
    for scheme in data.get("schemes") or ():
        grades = scheme.get("grades") or []
        if scheme.get("id") == default and grades:
            return str(default), str(grades[0])
    return None


def criteria_of_the_highest_grade(
    reader: SheetAccess, wb: Workbook, sheet: str, data: dict[str, Any], entries: list[dict[str, Any]]
) -> bool:
    """Give criteria read without a column 适用等次 the default scheme's highest grade; False (the column refused as
    missing) when there is none to give."""
    top = highest_grade(data)
    table = reader.locate(wb, sheet, ())  # found already: the one the criteria were read from
    if top is None:
        if table is not None:
            problem = translate(
                "Standards",
                "the column is missing, and the workbook names no default grade scheme whose highest grade the "
                "criteria could be of: add the column, or name the scheme on the sheet 基本信息",
            )
            reader.refuse(sheet, table.last, GRADES_HEADING, problem)
        return False
    for entry in entries:
        entry.setdefault("grades", [top[1]])
    reader.warnings.append(
        translate(
            "Standards",
            "Sheet {sheet}: no column 适用等次 — each criterion is one of {grade}, the highest grade of the scheme "
            "{scheme}.",
        ).format(sheet=table.title if table is not None else sheet, grade=top[1], scheme=top[0])
    )
    return True
