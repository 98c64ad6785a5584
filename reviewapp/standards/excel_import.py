"""Read an edited standard workbook back, validated with the same schema as the YAML files.

All or nothing: the workbook is read into the plain form in memory and validated as a whole, so the
caller gets either a complete :class:`Standard` or a :class:`StandardError` naming sheet, row, column
and problem — never a half-loaded standard. Every problem of the workbook is reported in one run
(:class:`StandardErrors`), each with the values that would have been accepted, so one round of edits fixes
a checklist from another system. Cells are read in that system's vocabulary too (vocabulary.py), and codes
stay text whatever type Excel stored them as. The items sheet is read as offices lay out their checklists: columns
headed in their own words (excel_headings.py, excel_columns.py), the dimension from a heading row above its items
(一、证据采信), total rows and the notes under the table left out and said in the import result.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.workbook.workbook import Workbook

from reviewapp.i18n import translate
from reviewapp.standards.errors import StandardError, raise_all
from reviewapp.standards.excel_cells import Origin
from reviewapp.standards.excel_criteria import (
    GRADES_HEADING,
    criteria_of_the_highest_grade,
    criterion_columns,
    criterion_words,
)
from reviewapp.standards.excel_items import ItemSheets
from reviewapp.standards.excel_layout import META_HEADERS, META_ROWS, META_SHEET, PRACTICE_FIELDS, RULE_FIELDS, TABLES
from reviewapp.standards.known import standard_warnings
from reviewapp.standards.model import Standard
from reviewapp.standards.schema import parse_standard
from reviewapp.standards.vocabulary import ImportVocabulary

# The fields of which a row must hold one to be an entry of its sheet at all (the items sheet: excel_item_rows.py).
_SUBSTANCE = {"criteria": ("text", "grades"), "rules": ("name", "grade")}
SHEET_ORDER = [META_SHEET, *(sheet for _, sheet, _ in TABLES)]


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
        raise_all(_sorted(reader.structural + reader.errors, reader))
    data["version"] = version
    vocabulary = reader.vocabulary
    try:
        standard = parse_standard(
            data,
            source=source,
            severity_aliases=vocabulary.severity_words(),
            severity_advice=vocabulary.severity_problem,
        )
    except StandardError as err:
        taken = {(e.sheet, e.row, e.column) for e in reader.errors}
        located = [_locate(e, reader.origin) for e in err.problems]
        raise_all(_sorted(reader.errors + [e for e in located if (e.sheet, e.row, e.column) not in taken], reader))
        raise  # pragma: no cover - raise_all raised
    raise_all(_sorted(reader.errors, reader))
    return StandardImport(standard, (*reader.warnings, *standard_warnings(standard)))


def _sorted(errors: list[StandardError], reader: _Reader) -> list[StandardError]:
    """In the order of the sheets and rows, each naming its sheet as the workbook does (评查表, not the layout's
    评查项)."""

    def key(e: StandardError) -> tuple[int, int]:
        sheet = SHEET_ORDER.index(e.sheet) if e.sheet in SHEET_ORDER else -1
        return sheet, e.row or 0

    return [
        e.located(sheet=reader.title_of(e.sheet), row=e.row, column=e.column) if e.sheet else e
        for e in sorted(errors, key=key)
    ]


class _Reader(ItemSheets):
    def read(self, wb: Workbook) -> dict[str, Any]:
        data: dict[str, Any] = {"practice": {}}
        self._read_meta(wb, data)
        for section, sheet, columns in TABLES:
            if section == "items":
                data[section] = self.read_items(wb, data, sheet, columns)
            else:
                data[section] = self._read_table(wb, section, sheet, columns, data)
        _dimensions_by_name(data)
        return data

    def _read_meta(self, wb: Workbook, data: dict[str, Any]) -> None:
        labels = dict(META_ROWS)
        seen: set[str] = set()
        for row_no, row in self.rows(wb, META_SHEET, META_HEADERS, skip_hidden=False):
            field = str(row[2][0]).strip() if len(row) > 2 and row[2][0] is not None else ""
            if field not in labels:
                continue  # notes an administrator added; the code column decides what a row is
            seen.add(field)
            raw, fmt = row[1] if len(row) > 1 else (None, "General")
            value = self.convert(field, raw, fmt, META_SHEET, row_no, labels[field])
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
        self, wb: Workbook, section: str, sheet: str, columns: tuple[tuple[str, str], ...], data: dict[str, Any]
    ) -> list[dict[str, Any]]:
        headings = [header for _, header in columns]
        if section == "criteria":  # headed in an office's own words too (excel_criteria.py)
            rows = self.rows(wb, sheet, criterion_words(headings))
            found = criterion_columns(self, wb, sheet, headings)
            if found is None:
                return []
            headers = found
        else:
            rows = self.rows(wb, sheet, headings)
            headers = self.column_index(wb, sheet, headings)
            if len(headers) < len(headings):
                return []  # its columns are refused (column_index): the rows cannot be read
        entries: list[dict[str, Any]] = []
        numeric: dict[str, list[int]] = {}  # code → rows where Excel stored it as a number
        codes: dict[str, list[int]] = {}
        for row_no, row in rows:
            entry: dict[str, Any] = {}
            code_cell: tuple[str, bool] | None = None  # the row's code, and whether Excel stored a number
            for field, header in columns:
                idx = headers.get(header)
                raw, fmt = row[idx] if idx is not None and idx < len(row) else (None, "General")
                value = self.convert(field, raw, fmt, sheet, row_no, header)
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
        missing_grades = section == "criteria" and GRADES_HEADING not in headers
        if missing_grades and not criteria_of_the_highest_grade(self, wb, sheet, data, entries):
            return []
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


def _locate(err: StandardError, origin: Origin) -> StandardError:
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
