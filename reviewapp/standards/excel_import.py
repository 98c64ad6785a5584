"""Read an edited standard workbook back, validated with the same schema as the YAML files.

All or nothing: the workbook is read into the plain form in memory and validated as a whole, so the
caller gets either a complete :class:`Standard` or a :class:`StandardError` naming sheet, row, column
and problem — never a half-loaded standard. Every problem of the workbook is reported in one run
(:class:`StandardErrors`), each with the values that would have been accepted, so one round of edits fixes
a checklist from another system. Cells are read in that system's vocabulary too (vocabulary.py), and codes
stay text whatever type Excel stored them as.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.workbook.workbook import Workbook

from reviewapp.domain.case_card import CASE_TYPES
from reviewapp.i18n import translate
from reviewapp.standards.errors import StandardError, raise_all
from reviewapp.standards.excel_layout import (
    BOOL_FIELDS,
    LIST_FIELDS,
    LIST_SEPARATOR,
    META_HEADERS,
    META_ROWS,
    META_SHEET,
    NUMBER_FIELDS,
    PAIR_SEPARATOR,
    PRACTICE_FIELDS,
    RULE_FIELDS,
    TABLES,
)
from reviewapp.standards.excel_sheets import SheetAccess
from reviewapp.standards.known import standard_warnings
from reviewapp.standards.model import Standard
from reviewapp.standards.schema import parse_standard
from reviewapp.standards.vocabulary import ImportVocabulary

# Where each plain-form entry came from: path prefix → (sheet, row, {field: header}).
_Origin = dict[tuple[str | int, ...], tuple[str, int, dict[str, str]]]
# Fields holding codes: kept as the text the user sees even when Excel stored a number.
CODE_FIELDS = {"code", "id", "dimension", "maps_to", "scheme"}
GRADE_FIELDS = {"grades", "grade", "justification_required_for"}
# The fields of which a row must hold one to be an entry of its sheet at all.
_SUBSTANCE = {"items": ("dimension", "text", "severities"), "criteria": ("text", "grades"), "rules": ("name", "grade")}
SHEET_ORDER = [META_SHEET, *(sheet for _, sheet, _ in TABLES)]
_PHRASE_SEPARATORS = re.compile(f"[{LIST_SEPARATOR};\r\n]")
_NAME_SEPARATORS = re.compile(f"[{LIST_SEPARATOR};\r\n、,，]")
_ZEROS = re.compile(r"^(0+)(?:\.(0+))?$")  # 0, 0.00, 000: the digits Excel shows


@dataclass(frozen=True)
class StandardImport:
    standard: Standard
    warnings: tuple[str, ...]  # translated; the standard loads, but something will not apply (known.py)


def import_standard_xlsx(path: str | Path, *, version: int, vocabulary: ImportVocabulary | None = None) -> Standard:
    """The standard in the workbook, as version ``version`` (the meta sheet's version is ignored)."""
    return read_standard_xlsx(path, version=version, vocabulary=vocabulary).standard


def read_standard_xlsx(path: str | Path, *, version: int, vocabulary: ImportVocabulary | None = None) -> StandardImport:
    """The standard with the warnings about it; raises StandardError listing every problem."""
    source = str(path)
    reader = _Reader(source, vocabulary or ImportVocabulary())
    wb = reader.open(path)
    try:
        data = reader.read(wb)
    finally:
        wb.close()
        reader.formulas.close()
    if reader.structural:  # cells cannot be placed without their sheets and columns: report what was found
        raise_all(_sorted(reader.structural + reader.errors))
    data["version"] = version
    try:
        standard = parse_standard(data, source=source, severity_aliases=dict(reader.vocabulary.severity_synonyms))
    except StandardError as err:
        taken = {(e.sheet, e.row, e.column) for e in reader.errors}
        located = [_locate(e, reader.origin) for e in err.problems]
        raise_all(_sorted(reader.errors + [e for e in located if (e.sheet, e.row, e.column) not in taken]))
        raise  # pragma: no cover - raise_all raised
    raise_all(_sorted(reader.errors))
    return StandardImport(standard, standard_warnings(standard))


def _sorted(errors: list[StandardError]) -> list[StandardError]:
    def key(e: StandardError) -> tuple[int, int]:
        sheet = SHEET_ORDER.index(e.sheet) if e.sheet in SHEET_ORDER else -1
        return sheet, e.row or 0

    return sorted(errors, key=key)


class _Reader(SheetAccess):
    def __init__(self, source: str, vocabulary: ImportVocabulary) -> None:
        super().__init__(source)
        self.vocabulary = vocabulary
        self.origin: _Origin = {}

    def read(self, wb: Workbook) -> dict[str, Any]:
        data: dict[str, Any] = {"practice": {}}
        self._read_meta(wb, data)
        for section, sheet, columns in TABLES:
            data[section] = self._read_table(wb, section, sheet, columns)
        _dimensions_by_name(data)
        return data

    def _read_meta(self, wb: Workbook, data: dict[str, Any]) -> None:
        labels = dict(META_ROWS)
        seen: set[str] = set()
        for row_no, row in self.rows(wb, META_SHEET, META_HEADERS):
            field = str(row[2][0]).strip() if len(row) > 2 and row[2][0] is not None else ""
            if field not in labels:
                continue  # notes an administrator added; the code column decides what a row is
            seen.add(field)
            raw, fmt = row[1] if len(row) > 1 else (None, "General")
            value = self._convert(field, raw, fmt, META_SHEET, row_no, labels[field])
            target = data["practice"] if field in PRACTICE_FIELDS else data
            if value is not None:
                target[field] = value
            key = ("practice", field) if field in PRACTICE_FIELDS else (field,)
            self.origin[key] = (META_SHEET, row_no, {field: labels[field]})
        if self.locate(wb, META_SHEET, META_HEADERS) is not None:
            for field, label in META_ROWS:
                if field not in seen and field != "version":
                    self.structural.append(
                        StandardError(
                            self.source,
                            "",
                            translate("Standards", "the row {field} is missing").format(field=label),
                            sheet=META_SHEET,
                        )
                    )
        self.origin[("practice",)] = (META_SHEET, 0, {})

    def _read_table(
        self, wb: Workbook, section: str, sheet: str, columns: tuple[tuple[str, str], ...]
    ) -> list[dict[str, Any]]:
        headings = [header for _, header in columns]
        rows = self.rows(wb, sheet, headings)
        headers = self.column_index(wb, sheet, headings)
        entries: list[dict[str, Any]] = []
        numeric: dict[str, list[int]] = {}  # code → rows where Excel stored it as a number
        codes: dict[str, list[int]] = {}
        for row_no, row in rows:
            entry: dict[str, Any] = {}
            code_cell: tuple[str, bool] | None = None  # the row's code, and whether Excel stored a number
            for field, header in columns:
                idx = headers.get(header)
                raw, fmt = row[idx] if idx is not None and idx < len(row) else (None, "General")
                value = self._convert(field, raw, fmt, sheet, row_no, header)
                if value is not None:
                    entry[field] = value
                if field in ("code", "id") and value is not None:
                    code_cell = (value, isinstance(raw, int | float) and not isinstance(raw, bool))
            if section in _SUBSTANCE and not any(field in entry for field in _SUBSTANCE[section]):
                # 合计, 注：…, 一、证据采信 across the table: a row with none of what makes an entry.
                shown = next(str(v).strip() for v, _ in row if v is not None and str(v).strip())
                self.bad(
                    sheet,
                    row_no,
                    columns[0][1],
                    translate(
                        "Standards",
                        "the row holds only {value}, which is no entry of this sheet — a heading, total or note row "
                        "is not read: delete the row, or fill it in as an entry",
                    ).format(value=shown),
                )
                continue
            if code_cell is not None:
                codes.setdefault(code_cell[0], []).append(row_no)
                if code_cell[1]:
                    numeric.setdefault(code_cell[0], []).append(row_no)
            if section == "rules":
                entry = {
                    **{k: entry[k] for k in RULE_FIELDS if k in entry},
                    "when": {k: v for k, v in entry.items() if k not in RULE_FIELDS},
                }
            self.origin[(section, len(entries))] = (sheet, row_no, dict(columns))
            entries.append(entry)
        self.origin[(section,)] = (sheet, 0, {})
        header = columns[0][1]
        for code, at in codes.items():
            if len(at) > 1 and code in numeric:
                for row_no in at[1:]:
                    self.bad(
                        sheet,
                        row_no,
                        header,
                        translate(
                            "Standards",
                            "code {code} is also on row {row}: Excel stored these codes as numbers, so 1.10 reads "
                            "as 1.1 — set the column's format to text and type the codes again",
                        ).format(code=code, row=at[0]),
                    )
        return entries

    def _convert(self, field: str, raw: Any, fmt: str, sheet: str, row: int, column: str) -> Any:
        """A cell as a plain-form value; None for an empty cell or one that could not be read (recorded)."""
        vocab = self.vocabulary
        if raw is None or (isinstance(raw, str) and not raw.strip()) or vocab.is_empty_mark(raw):
            return None
        if field in BOOL_FIELDS:
            flag = vocab.flag(raw, veto=field == "veto")
            if flag is None:
                self.bad(
                    sheet,
                    row,
                    column,
                    translate("Standards", "{value} is neither yes nor no").format(value=raw),
                    vocab.flag_words(veto=field == "veto"),
                )
            return flag
        if field in NUMBER_FIELDS:
            number = vocab.number(raw, deduction=field == "deduction")
            if number is None and field == "deduction" and vocab.is_range(raw):
                self.bad(
                    sheet,
                    row,
                    column,
                    translate(
                        "Standards",
                        "{value} is a range: write the one deduction a finding takes by default — the reviewer "
                        "can change it for each finding",
                    ).format(value=raw),
                    ("2", "2分", "扣2分", "每处扣2分"),
                )
            elif number is None:
                examples = ("2", "2.5", *(f"2{u}" for u in vocab.units))
                if field == "deduction":
                    examples += ("扣2分", "每处扣2分")
                self.bad(
                    sheet, row, column, translate("Standards", "{value} is not a number").format(value=raw), examples
                )
            return number
        if field in LIST_FIELDS:
            parts = _split(_code_text(raw, fmt), enumeration=field != "phrases")
            if field in GRADE_FIELDS:
                return [vocab.grade(p) for p in parts]
            if field == "case_types":
                return [vocab.case_type(p, CASE_TYPES) for p in parts]
            return parts
        if field == "mapping":
            pairs: dict[str, str] = {}
            for part in _split(str(raw)):
                left, sep, right = part.partition(PAIR_SEPARATOR)
                if not sep or not left.strip() or not right.strip():
                    self.bad(sheet, row, column, translate("Standards", "write each pair as 瑕疵=基本合格"))
                    return None
                pairs[vocab.grade(left.strip())] = vocab.grade(right.strip())
            return pairs
        text = _code_text(raw, fmt) if field in CODE_FIELDS else _plain_text(raw)
        return vocab.grade(text) if field in GRADE_FIELDS else text


def _dimensions_by_name(data: dict[str, Any]) -> None:
    """An item's dimension written by its name (证据采信) as in most offices' tables, for its code (E)."""
    codes = {d.get("code") for d in data["dimensions"]}
    names: dict[str, list[Any]] = {}
    for d in data["dimensions"]:
        names.setdefault(d.get("name"), []).append(d.get("code"))
    for item in data["items"]:
        found = names.get(item.get("dimension"), [])
        if item.get("dimension") not in codes and len(found) == 1 and found[0]:
            item["dimension"] = found[0]


def _plain_text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip()


def _code_text(raw: Any, fmt: str) -> str:
    """A code as the user sees it in Excel: a number formatted ``0.00`` shows (and stays) 1.10, one formatted
    ``000`` shows (and stays) 001."""
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return str(raw).strip()
    found = _ZEROS.match(fmt or "")
    if found:
        places = len(found.group(2) or "")
        width = len(found.group(1)) + (places + 1 if places else 0)
        return f"{raw:0{width}.{places}f}"
    return _plain_text(raw)


def _split(text: str, *, enumeration: bool = False) -> list[str]:
    """A list cell's entries: split at ；, the ASCII ; and line breaks (an office puts each entry on its own
    line); an enumeration of names (case types, grades, severities) at 、 and commas too — no name holds one,
    while a phrase may (询问人、记录人)."""
    separators = _NAME_SEPARATORS if enumeration else _PHRASE_SEPARATORS
    return [p.strip() for p in separators.split(text) if p.strip()]


def _locate(err: StandardError, origin: _Origin) -> StandardError:
    """Point a schema error at the cell it came from."""
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    for cut in range(len(err.path), 0, -1):
        found = origin.get(err.path[:cut])
        if found is None:
            continue
        sheet, row_no, headers = found
        row = row_no or None
        # The field is the last text element of the path (e.g. ("rules", 2, "when", "score_below")).
        for part in reversed(err.path):
            if isinstance(part, str) and part in headers:
                column = headers[part]
                break
        break
    return err.located(sheet=sheet, row=row, column=column)
