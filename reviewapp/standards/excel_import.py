"""Read an edited standard workbook back, validated with the same schema as the YAML files.

All or nothing: the workbook is read into the plain form in memory and validated as a whole, so the
caller gets either a complete :class:`Standard` or a :class:`StandardError` naming sheet, row, column
and problem — never a half-loaded standard.
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from reviewapp.i18n import translate
from reviewapp.standards.errors import StandardError
from reviewapp.standards.excel_layout import (
    BOOL_FIELDS,
    FALSE_TEXT,
    LIST_FIELDS,
    LIST_SEPARATOR,
    META_ROWS,
    META_SHEET,
    NUMBER_FIELDS,
    PAIR_SEPARATOR,
    PRACTICE_FIELDS,
    RULE_FIELDS,
    TABLES,
    TRUE_TEXT,
)
from reviewapp.standards.model import Standard
from reviewapp.standards.schema import parse_standard

# Where each plain-form entry came from: path prefix → (sheet, row, {field: header}).
_Origin = dict[tuple[str | int, ...], tuple[str, int, dict[str, str]]]


def import_standard_xlsx(path: str | Path, *, version: int) -> Standard:
    """The standard in the workbook, as version ``version`` (the meta sheet's version is ignored)."""
    source = str(path)
    try:
        with warnings.catch_warnings():
            # Workbooks saved by Excel or WPS often carry extensions openpyxl warns about and skips
            # (data validation, conditional formats); they do not affect the cells we read.
            warnings.simplefilter("ignore", UserWarning)
            wb = load_workbook(path, data_only=True)
    except (OSError, InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise StandardError(
            source, "", translate("Standards", "not a readable workbook: {error}").format(error=exc)
        ) from exc
    try:
        origin: _Origin = {}
        data = _read(wb, source, origin)
    finally:
        wb.close()
    data["version"] = version
    try:
        return parse_standard(data, source=source)
    except StandardError as err:
        raise _locate(err, origin) from None


def _read(wb: Workbook, source: str, origin: _Origin) -> dict[str, Any]:
    data: dict[str, Any] = {"practice": {}}
    meta_rows = _rows(wb, META_SHEET, source)
    labels = dict(META_ROWS)
    seen: set[str] = set()
    for row_no, row in meta_rows:
        field = str(row[2]).strip() if len(row) > 2 and row[2] is not None else ""
        if field not in labels:
            continue  # notes an administrator added; the code column decides what a row is
        seen.add(field)
        value = _convert(field, row[1] if len(row) > 1 else None, source, META_SHEET, row_no, labels[field])
        target = data["practice"] if field in PRACTICE_FIELDS else data
        if value is not None:
            target[field] = value
        origin[(field,) if field not in PRACTICE_FIELDS else ("practice", field)] = (
            META_SHEET,
            row_no,
            {field: labels[field]},
        )
    for field, label in META_ROWS:
        if field not in seen and field != "version":
            raise StandardError(
                source,
                "",
                translate("Standards", "the row {field} is missing").format(field=label),
                sheet=META_SHEET,
            )
    origin[("practice",)] = (META_SHEET, 0, {})
    for section, sheet, columns in TABLES:
        rows = _rows(wb, sheet, source)
        headers = _header_index(wb, sheet, columns, source)
        entries: list[dict[str, Any]] = []
        for row_no, row in rows:
            entry: dict[str, Any] = {}
            for field, header in columns:
                idx = headers[header]
                raw = row[idx] if idx < len(row) else None
                value = _convert(field, raw, source, sheet, row_no, header)
                if value is not None:
                    entry[field] = value
            if section == "rules":
                entry = {
                    **{k: entry[k] for k in RULE_FIELDS if k in entry},
                    "when": {k: v for k, v in entry.items() if k not in RULE_FIELDS},
                }
            origin[(section, len(entries))] = (sheet, row_no, dict(columns))
            entries.append(entry)
        data[section] = entries
        origin[(section,)] = (sheet, 0, {})
    return data


def _rows(wb: Workbook, sheet: str, source: str) -> list[tuple[int, tuple[Any, ...]]]:
    """(row number, values) of the non-blank rows below the header."""
    if sheet not in wb.sheetnames:
        raise StandardError(source, "", translate("Standards", "the sheet {sheet} is missing").format(sheet=sheet))
    out = []
    for row_no, row in enumerate(wb[sheet].iter_rows(min_row=2, values_only=True), start=2):
        if any(v is not None and str(v).strip() for v in row):
            out.append((row_no, tuple(row)))
    return out


def _header_index(wb: Workbook, sheet: str, columns: tuple[tuple[str, str], ...], source: str) -> dict[str, int]:
    first = next(wb[sheet].iter_rows(min_row=1, max_row=1, values_only=True), ())
    found = {str(v).strip(): i for i, v in enumerate(first) if v is not None}
    for _, header in columns:
        if header not in found:
            raise StandardError(
                source, "", translate("Standards", "the column is missing"), sheet=sheet, row=1, column=header
            )
    return {header: found[header] for _, header in columns}


def _convert(field: str, raw: Any, source: str, sheet: str, row: int, column: str) -> Any:
    """A cell as a plain-form value; None for an empty cell."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None

    def bad(problem: str) -> StandardError:
        return StandardError(source, "", problem, sheet=sheet, row=row, column=column)

    if field in BOOL_FIELDS:
        text = str(raw).strip()
        if raw is True or text == TRUE_TEXT:
            return True
        if raw is False or text == FALSE_TEXT:
            return False
        raise bad(translate("Standards", "write {yes} or {no}").format(yes=TRUE_TEXT, no=FALSE_TEXT))
    if field in NUMBER_FIELDS:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return raw
        try:
            return float(str(raw).strip())
        except ValueError:
            raise bad(translate("Standards", "{value} is not a number").format(value=raw)) from None
    if field in LIST_FIELDS:
        return _split(str(raw))
    if field == "mapping":
        pairs: dict[str, str] = {}
        for part in _split(str(raw)):
            left, sep, right = part.partition(PAIR_SEPARATOR)
            if not sep or not left.strip() or not right.strip():
                raise bad(translate("Standards", "write each pair as 瑕疵=基本合格"))
            pairs[left.strip()] = right.strip()
        return pairs
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip()


def _split(text: str) -> list[str]:
    # Accept the ASCII ';' too: administrators type both.
    parts = text.replace(";", LIST_SEPARATOR).split(LIST_SEPARATOR)
    return [p.strip() for p in parts if p.strip()]


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
    return StandardError(err.file, err.item, err.problem, path=err.path, sheet=sheet, row=row, column=column)
