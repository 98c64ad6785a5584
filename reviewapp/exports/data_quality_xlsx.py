"""The data-quality view (数据校验) as an Excel workbook for analysis: one header row per sheet, no merged
cells, real dates, numbers as numbers, an auto-filter and frozen header — ready for sorting and pivoting.

Sheets: the results (one row per stored result), counts per rule, and counts per unit / department /
prosecutor. Written with openpyxl in write-only mode (100 000 rows in seconds) to a temporary file that
replaces the target only when complete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reviewapp.exports.cell_safety import safe_row, save_workbook
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate
from reviewapp.legal.citations import cite
from reviewapp.legal.local_time import local_datetime

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
_CTX = "DataQualityExport"


# Read-only protocols: the services hand frozen dataclasses (ResultRow, RuleCount, GroupCount).
class ResultLike(Protocol):
    @property
    def dept_case_no(self) -> str: ...
    @property
    def case_name(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def department(self) -> str: ...
    @property
    def prosecutor(self) -> str: ...
    @property
    def rule_id(self) -> str: ...
    @property
    def rule_title(self) -> str: ...
    @property
    def item_code(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def explanation(self) -> str: ...
    @property
    def accepted_on(self) -> dt.date: ...
    @property
    def closed_on(self) -> dt.date | None: ...
    @property
    def computed_at(self) -> dt.datetime: ...


class RuleCountLike(Protocol):
    @property
    def rule_id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def item_code(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def basis(self) -> str: ...
    @property
    def violations(self) -> int: ...
    @property
    def warnings(self) -> int: ...
    @property
    def not_checkable(self) -> int: ...
    @property
    def cases(self) -> int: ...


class GroupCountLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def violations(self) -> int: ...
    @property
    def warnings(self) -> int: ...
    @property
    def not_checkable(self) -> int: ...
    @property
    def cases(self) -> int: ...


STATUS_LABELS = {
    "violation": QT_TRANSLATE_NOOP("DataQualityExport", "violation"),
    "warning": QT_TRANSLATE_NOOP("DataQualityExport", "warning"),
    "not_checkable": QT_TRANSLATE_NOOP("DataQualityExport", "not checkable"),
}


def status_label(status: str) -> str:
    text = STATUS_LABELS.get(status)
    return translate(_CTX, text) if text else status


Column = tuple[str, Callable[[Any], Any], float, str | None]  # header, value, width, number format

RESULT_COLUMNS: tuple[Column, ...] = (
    (QT_TRANSLATE_NOOP("DataQualityExport", "Case number"), lambda r: r.dept_case_no, 28, None),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Case name"), lambda r: r.case_name, 24, None),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Unit"), lambda r: r.unit, 24, None),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Department"), lambda r: r.department, 14, None),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Prosecutor"), lambda r: r.prosecutor, 10, None),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Accepted"), lambda r: r.accepted_on, 12, DATE_FORMAT),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Closed"), lambda r: r.closed_on, 12, DATE_FORMAT),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Rule title"), lambda r: r.rule_title, 30, None),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Item"), lambda r: r.item_code, 8, None),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Severity"), lambda r: r.severity, 14, None),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Status"), lambda r: status_label(r.status), 10, None),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Explanation"), lambda r: r.explanation, 80, None),
    (
        QT_TRANSLATE_NOOP("DataQualityExport", "Checked at"),
        lambda r: local_datetime(r.computed_at),
        17,
        DATETIME_FORMAT,
    ),
)

RULE_COLUMNS: tuple[Column, ...] = (
    (QT_TRANSLATE_NOOP("DataQualityExport", "Rule title"), lambda c: c.title, 40, None),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Item"), lambda c: c.item_code, 8, None),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Severity"), lambda c: c.severity, 14, None),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Legal basis"), lambda c: cite(c.basis), 60, None),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Violations"), lambda c: c.violations, 10, "0"),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Warnings"), lambda c: c.warnings, 10, "0"),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Not checkable"), lambda c: c.not_checkable, 12, "0"),
    (QT_TRANSLATE_NOOP("DataQualityExport", "Cases"), lambda c: c.cases, 10, "0"),
)


def _group_columns(kind_header: str) -> tuple[Column, ...]:
    return (
        (kind_header, lambda g: g.name, 30, None),
        (QT_TRANSLATE_NOOP("DataQualityExport", "Violations"), lambda g: g.violations, 10, "0"),
        (QT_TRANSLATE_NOOP("DataQualityExport", "Warnings"), lambda g: g.warnings, 10, "0"),
        (QT_TRANSLATE_NOOP("DataQualityExport", "Not checkable"), lambda g: g.not_checkable, 12, "0"),
        (QT_TRANSLATE_NOOP("DataQualityExport", "Cases"), lambda g: g.cases, 10, "0"),
    )


def _sheet(book: Workbook, title: str, columns: Sequence[Column], records: Iterable[Any]) -> int:
    ws: WriteOnlyWorksheet = book.create_sheet(title)
    for i, (_h, _v, width, _f) in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for h, _v, _w, _f in columns:
        cell = WriteOnlyCell(ws, value=translate(_CTX, h))
        cell.font = bold
        header.append(cell)
    ws.append(header)
    formats = [(i, f) for i, (_h, _v, _w, f) in enumerate(columns) if f]
    count = 0
    for record in records:
        values: list[Any] = [v(record) for _h, v, _w, _f in columns]
        for i, fmt in formats:
            if values[i] is not None:
                cell = WriteOnlyCell(ws, value=values[i])
                cell.number_format = fmt
                values[i] = cell
        ws.append(safe_row(ws, values))  # imported texts neutralised against formula injection
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    return count


def write_data_quality_xlsx(
    path: Path,
    results: Iterable[ResultLike],
    rule_counts: Sequence[RuleCountLike],
    groups: Mapping[str, Sequence[GroupCountLike]],
) -> int:
    """Write the workbook; ``groups`` maps "unit" / "department" / "prosecutor" to their counts.
    Returns the number of result rows written."""
    book = Workbook(write_only=True)
    count = _sheet(book, translate("DataQualityExport", "Results"), RESULT_COLUMNS, results)
    _sheet(book, translate("DataQualityExport", "By rule"), RULE_COLUMNS, rule_counts)
    titles = {
        "unit": (QT_TRANSLATE_NOOP("DataQualityExport", "By unit"), QT_TRANSLATE_NOOP("DataQualityExport", "Unit")),
        "department": (
            QT_TRANSLATE_NOOP("DataQualityExport", "By department"),
            QT_TRANSLATE_NOOP("DataQualityExport", "Department"),
        ),
        "prosecutor": (
            QT_TRANSLATE_NOOP("DataQualityExport", "By prosecutor"),
            QT_TRANSLATE_NOOP("DataQualityExport", "Prosecutor"),
        ),
    }
    for kind, (sheet_title, header) in titles.items():
        if kind in groups:
            _sheet(book, translate(_CTX, sheet_title), _group_columns(header), groups[kind])
    save_workbook(book, path)
    return count
