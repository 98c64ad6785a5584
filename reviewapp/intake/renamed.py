"""A column the reader did not know, named when it looks like a missing field renamed."""

from __future__ import annotations

from collections.abc import Sequence

from reviewapp.domain.case_card import FieldKind, FieldSpec
from reviewapp.i18n import translate
from reviewapp.intake import headers
from reviewapp.intake.table import SheetTable

# Two characters that many field names share say nothing about which field a column is.
_GENERIC_PAIRS = frozenset(
    {"日期", "时间", "名称", "情况", "信息", "人员", "单位", "部门", "次数", "类型", "结果", "是否", "案件"}
    | {"犯罪", "罪嫌", "嫌疑", "疑人", "检察", "察官", "承办", "办人"}
)

_DATE_WORDS = ("日期", "时间")  # a column named so holds dates: only a date field can be it renamed


def _pairs(name: str) -> set[str]:
    return {name[i : i + 2] for i in range(len(name) - 1)} - _GENERIC_PAIRS


def renamed_notes(table: SheetTable, specs: Sequence[FieldSpec]) -> None:
    """Name each unknown column that looks like a missing field renamed — its name holds the field's (受理日期
    in 受理日期(yyyy-mm-dd)), or it shares the most telling pairs of characters with it (办结 of 办结时间): its
    values are kept as extra text, but the field stays empty, and saying nothing would let a renamed 办结日期
    pass as "not closed"."""
    present = {c.spec.attr for c in table.columns if c.spec is not None}
    missing = [s for s in specs if s.attr not in present]
    known = headers.alias_table(specs)  # a name of a field that is present: kept beside it, not renamed
    named = [
        c.header
        for c in table.extras
        if c.header != headers.column_letter(c.index) and headers.normalize_header(c.header) not in known
    ]
    if not missing or not named:
        return
    reason = translate(
        "Intake",
        "Unknown column {header} was kept as extra text, and the field {column} is missing: if {header} is "
        "{column} renamed, rename it back and import again",
    )
    for header in named:
        norm = headers.normalize_header(header)
        pairs = _pairs(norm)
        best, score = None, 0
        dated = any(word in norm for word in _DATE_WORDS)
        for spec in missing:
            if dated and spec.kind is not FieldKind.DATE:
                continue  # 受案日期 is no renamed 统一受案号, whatever characters they share
            names = [headers.normalize_header(n) for n in (spec.column, *spec.aliases)]
            found = max(100 if n in norm else len(_pairs(n) & pairs) for n in names)
            if found > score:
                best, score = spec, found
        if best is not None:
            note = reason.format(header=header, column=best.column)
            table.problems.append((table.header_index + 1, header, None, note))
