"""Guess which card field an unknown export column fills, for the mapping dialog to propose.

Three kinds of evidence, strongest first (import-format.md; review-rules.md §5 names the older system's
fields): a header known as a column or alias; a header an older system used (OLDER_NAMES); the header's
likeness to a field's names; and the column's values — dates, case numbers shaped like 部门受案号, names of
units already in the database, yes/no words. The user confirms, changes or ignores every guess.
"""

from __future__ import annotations

import contextlib
import difflib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from reviewapp.domain.case_card import FieldKind, FieldSpec
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate
from reviewapp.intake import headers, values

# Column names of older case systems (统一业务应用系统 1.0 and provincial exports) → card attribute.
OLDER_NAMES: dict[str, str] = {
    "案件编码": "dept_case_no",
    "部门受案号码": "dept_case_no",
    "受案编号": "dept_case_no",
    "统一受案号码": "unified_case_no",
    "统一编号": "unified_case_no",
    "案件类别名称": "case_type",
    "案件类型名称": "case_type",
    "案件性质": "case_type",
    "业务类别": "business_line",
    "所属条线": "business_line",
    "承办检察院": "unit",
    "承办院名称": "unit",
    "承办单位名称": "unit",
    "所属院": "unit",
    "所属检察院": "unit",
    "所属部门": "department",
    "承办部门名称": "department",
    "主办检察官": "prosecutor",
    "承办检察官姓名": "prosecutor",
    "承办人姓名": "prosecutor",
    "移送机关": "transferring_agency",
    "移送单位名称": "transferring_agency",
    "移送审查起诉罪名": "transferred_charge",
    "收案时间": "accepted_on",
    "收案日期": "accepted_on",
    "受理时间": "accepted_on",
    "受案日期": "accepted_on",
    "受案时间": "accepted_on",
    "审结时间": "closed_on",
    "办结时间": "closed_on",
    "完成日期": "closed_on",
    "审查结论": "disposition",
    "处理决定": "disposition",
    "羁押情况": "detained",
    "是否适用认罪认罚": "plea",
    "认罪认罚具结日期": "plea_signed_on",
    "退回补充侦查日期1": "return1_on",
    "重新移送日期1": "resubmit1_on",
    "退回补充侦查日期2": "return2_on",
    "重新移送日期2": "resubmit2_on",
    "涉案总金额": "amount",
    "犯罪嫌疑人": "name",
    "当事人姓名": "name",
    "现强制措施": "measure",
    "强制措施类型": "measure",
    "审查认定罪名": "found_charge",
    "法院判决罪名": "judged_charge",
    "判处刑罚": "sentence",
}
CASE_NUMBER = re.compile(r".{1,12}[检].{0,8}[\[〔(（【]\s*\d{4}\s*[\]〕)）】].{0,20}号")
SIMILAR_ENOUGH = 0.6

# Why a field was proposed (translated where shown).
KNOWN = QT_TRANSLATE_NOOP("Guessing", "known column name")
OLDER = QT_TRANSLATE_NOOP("Guessing", "name used by an older case system")
SIMILAR = QT_TRANSLATE_NOOP("Guessing", "similar column name")
DATES = QT_TRANSLATE_NOOP("Guessing", "the values are dates")
CASE_NUMBERS = QT_TRANSLATE_NOOP("Guessing", "the values look like case numbers")
UNITS = QT_TRANSLATE_NOOP("Guessing", "the values are units in the database")
NOTHING = QT_TRANSLATE_NOOP("Guessing", "no match: kept as an unmapped extra column")


@dataclass(frozen=True)
class Guess:
    header: str
    attr: str | None  # None: leave unmapped (extra)
    why: str  # untranslated source text (translate("Guessing", why))
    score: float
    samples: tuple[str, ...] = ()

    @property
    def reason(self) -> str:
        return translate("Guessing", self.why)


def _similarity(header: str, spec: FieldSpec) -> float:
    norm = headers.normalize_header(header)
    best = 0.0
    for name in (spec.column, *spec.aliases):
        other = headers.normalize_header(name)
        ratio = difflib.SequenceMatcher(None, norm, other).ratio()
        if len(other) >= 2 and len(norm) >= 2 and (other in norm or norm in other):
            ratio = max(ratio, 0.75)
        best = max(best, ratio)
    return best


def _share(cells: Sequence[Any], test: Any) -> float:
    filled = [c for c in cells if not values.is_blank(c)]
    if not filled:
        return 0.0
    hits = 0
    for cell in filled:
        with contextlib.suppress(values.BadValue):
            hits += bool(test(cell))
    return hits / len(filled)


def _is_date(cell: Any) -> bool:
    if isinstance(cell, int | float) and not isinstance(cell, bool) and cell < 19000101:
        return False  # a plain count is not an Excel serial date here
    values.parse_date(cell)
    return True


def _guess_one(
    header: str, cells: Sequence[Any], specs: Sequence[FieldSpec], units: Collection[str]
) -> list[tuple[float, str, str]]:
    """Candidates (score, attr, why) for one column, best first."""
    norm = headers.normalize_header(header)
    by_attr = {s.attr: s for s in specs}
    table = headers.alias_table(specs)
    known = table.get(norm) or headers.wan_field(norm, table)
    if known is not None:
        return [(1.0, known.attr, KNOWN)]
    older = {headers.normalize_header(k): v for k, v in OLDER_NAMES.items()}.get(norm)
    out: list[tuple[float, str, str]] = []
    if older in by_attr:
        out.append((0.95, older, OLDER))
    dates = _share(cells, _is_date) >= 0.8
    if _share(cells, lambda c: CASE_NUMBER.fullmatch(values.parse_text(c).strip())) >= 0.8:
        out.append((0.9, headers.KEY_ATTR, CASE_NUMBERS))
    if units and "unit" in by_attr and _share(cells, lambda c: values.parse_text(c).strip() in units) >= 0.8:
        out.append((0.9, "unit", UNITS))
    for spec in specs:
        score = _similarity(header, spec)
        if dates and spec.kind is FieldKind.DATE:
            # The values' shape narrows the choice to date fields; the label picks among them.
            out.append((0.5 + score / 2, spec.attr, DATES if score < SIMILAR_ENOUGH else SIMILAR))
        elif score >= SIMILAR_ENOUGH and not (dates is False and spec.kind is FieldKind.DATE and cells and score < 0.8):
            out.append((score * 0.85, spec.attr, SIMILAR))
    out.sort(key=lambda t: -t[0])
    return out


def guess_columns(
    header_row: Sequence[Any],
    sample_rows: Sequence[Sequence[Any]],
    specs: Sequence[FieldSpec],
    units: Collection[str] = (),
) -> list[Guess]:
    """One guess per column of ``header_row``; no field is proposed twice (the stronger evidence wins)."""
    columns = [(i, str(h).strip() if h != "" else headers.column_letter(i)) for i, h in enumerate(header_row)]
    cells = {i: [r[i] for r in sample_rows if i < len(r)] for i, _ in columns}
    candidates = {i: _guess_one(h, cells[i], specs, units) for i, h in columns}
    ranked = sorted(
        ((score, i, attr, why) for i, cands in candidates.items() for score, attr, why in cands),
        key=lambda t: (-t[0], t[1]),
    )
    chosen: dict[int, tuple[str | None, str, float]] = {}
    taken: set[str | None] = set()
    for score, i, attr, why in ranked:
        if i in chosen or attr in taken:
            continue
        chosen[i] = (attr, why, score)
        taken.add(attr)
    out: list[Guess] = []
    for i, header in columns:
        samples = tuple(values.parse_text(c) for c in cells[i] if not values.is_blank(c))[:3]
        picked, reason, strength = chosen.get(i, (None, NOTHING, 0.0))
        out.append(Guess(header, picked, reason, strength, samples))
    return out
