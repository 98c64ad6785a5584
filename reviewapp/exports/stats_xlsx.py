"""The statistics' figures as an xlsx workbook: one sheet per table (overview with its changes, grades by a
dimension, problems, dimensions, rankings, key cases). Cells that could run as formulas are neutralised and the
file is placed atomically (cell_safety). A grade table that counts 2018 grades says so under the table."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.exports.cell_safety import save_workbook
from reviewapp.i18n import term, translate

if TYPE_CHECKING:
    from reviewapp.services.analysis.stats import Change, RankRow
    from reviewapp.services.analysis.stats_json import StatsReport

PERCENT = "0.0%"


def _sheet(book: Workbook, title: str, header: Sequence[str], first: bool = False) -> Worksheet:
    ws = book.active if first else book.create_sheet()
    assert isinstance(ws, Worksheet)
    ws.title = title[:31]
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for i, h in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(10, min(40, len(h) * 2 + 4))
    return ws


def _change(c: Change) -> list[Any]:
    return [c.delta, None if c.relative is None else c.relative / 100]


def mapping_note(mapped: Sequence[Any]) -> str:
    """ "瑕疵 (2018 scheme) counted as 基本合格: 3" — said under every grade table that maps."""
    return translate("StatsXlsx", "; ").join(
        translate("StatsXlsx", "{old} (2018 scheme) counted as {new}: {n}").format(
            old=term(m.source), new=term(m.target), n=m.count
        )
        for m in mapped
    )


def _overview(book: Workbook, r: StatsReport) -> None:
    comp = r.comparison
    cur, prev, yb = comp.current, comp.previous, comp.year_before
    ws = _sheet(
        book,
        translate("StatsXlsx", "Overview"),
        [
            translate("StatsXlsx", "Figure"),
            cur.period.label(),
            prev.period.label(),
            yb.period.label(),
            translate("StatsXlsx", "Change on previous period"),
            translate("StatsXlsx", "Relative change on previous period"),
            translate("StatsXlsx", "Change on a year before"),
            translate("StatsXlsx", "Relative change on a year before"),
        ],
        first=True,
    )
    rows = [
        ("reviewed", translate("StatsXlsx", "Reviewed cases")),
        ("closed", translate("StatsXlsx", "Closed cases")),
        ("ratio", translate("StatsXlsx", "Review ratio")),
        ("with_problems", translate("StatsXlsx", "Cases with problems")),
        ("problem_share", translate("StatsXlsx", "Share of cases with problems")),
        ("findings", translate("StatsXlsx", "Problems found")),
        ("problems_per_case", translate("StatsXlsx", "Problems per case")),
        *((f"grade:{g}", g) for g in cur.grades),
    ]
    for name, label in rows:
        ws.append(
            [
                label,
                cur.value(name),
                prev.value(name),
                yb.value(name),
                *_change(comp.pop(name)),
                *_change(comp.yoy(name)),
            ]
        )
        row = ws.max_row
        if name in ("ratio", "problem_share"):
            for col in "BCD":
                ws[f"{col}{row}"].number_format = PERCENT
        for col in "FH":
            ws[f"{col}{row}"].number_format = PERCENT
    ws.append([])
    ws.append([translate("StatsXlsx", "Changes of ratios and shares are in percentage points.")])
    note = mapping_note([*cur.mapped, *prev.mapped, *yb.mapped])
    if note:
        ws.append([note])


def _ranking(book: Workbook, title: str, who: str, rows: Sequence[RankRow], grades: Sequence[str]) -> None:
    ws = _sheet(
        book,
        title,
        [
            translate("StatsXlsx", "Rank"),
            who,
            translate("StatsXlsx", "Reviewed"),
            translate("StatsXlsx", "With problems"),
            translate("StatsXlsx", "Problems"),
            translate("StatsXlsx", "Problems per case"),
            *grades,
        ],
    )
    for r in rows:
        ws.append(
            [
                r.rank,
                r.label,
                r.reviewed,
                r.with_problems,
                r.findings,
                round(r.problems_per_case, 4),
                *(r.grades.get(g, 0) for g in grades),
            ]
        )


def write_stats_xlsx(r: StatsReport, path: Path) -> Path:
    book = Workbook()
    _overview(book, r)
    t = r.table
    ws = _sheet(
        book,
        translate("StatsXlsx", "Grades"),
        [r.by_label, *t.grades, translate("StatsXlsx", "Total"), translate("StatsXlsx", "Problems")],
    )
    for row in t.rows:
        ws.append([row.label, *(row.grades[g] for g in t.grades), row.total, row.findings])
    ws.append([translate("StatsXlsx", "Total"), *(t.totals[g] for g in t.grades), sum(t.totals.values())])
    if t.mapped:
        ws.append([])
        ws.append([mapping_note(t.mapped)])
    p = r.problems
    ws = _sheet(
        book,
        translate("StatsXlsx", "Problem ranking"),
        [
            translate("StatsXlsx", "Dimension"),
            translate("StatsXlsx", "Item"),
            translate("StatsXlsx", "Text"),
            translate("StatsXlsx", "Cases"),
            translate("StatsXlsx", "Findings"),
            translate("StatsXlsx", "Common or individual"),
        ],
    )
    for item in p.items:
        kind = translate("StatsXlsx", "common") if item.common else translate("StatsXlsx", "individual")
        ws.append([item.dimension, item.item, item.text, item.cases, item.findings, kind])
    ws.append([])
    ws.append([translate("StatsXlsx", "Common: found in at least {n} cases.").format(n=p.threshold)])
    ws = _sheet(
        book,
        translate("StatsXlsx", "Dimensions"),
        [
            translate("StatsXlsx", "Dimension"),
            translate("StatsXlsx", "Cases"),
            translate("StatsXlsx", "Findings"),
            translate("StatsXlsx", "Share of reviewed cases"),
        ],
    )
    for d in p.dimensions:
        ws.append([d.name or d.code, d.cases, d.findings, d.cases / p.reviewed if p.reviewed else None])
        ws[f"D{ws.max_row}"].number_format = PERCENT
    grades = list(t.grades)
    _ranking(book, translate("StatsXlsx", "Prosecutors"), translate("StatsXlsx", "Prosecutor"), r.prosecutors, grades)
    _ranking(book, translate("StatsXlsx", "Departments"), translate("StatsXlsx", "Department"), r.departments, grades)
    ws = _sheet(
        book,
        translate("StatsXlsx", "Key cases"),
        [
            translate("StatsXlsx", "Trigger"),
            translate("StatsXlsx", "Cases"),
            translate("StatsXlsx", "With problems"),
            translate("StatsXlsx", "Problems"),
            *grades,
        ],
    )
    for k in r.triggers:
        ws.append([k.trigger, k.cases, k.with_problems, k.findings, *(k.grades.get(g, 0) for g in grades)])
    return save_workbook(book, path)
