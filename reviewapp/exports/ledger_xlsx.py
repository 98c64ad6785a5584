"""The review ledger (评查台账) and the problem list (问题清单) as one Excel workbook (openpyxl).

Three sheets: 分析 (analysis: one header row, no merged cells, no fill colours, real dates and numbers, an
auto-filter — for sorting and pivoting), 打印 (print: merged title, borders, widths, A4 landscape with the
header row repeated on every page) and 问题清单 (the problem list ranked by cases, 共性 / 个性).
The column names are those of the periodic-report appendix "评查发现问题案件列表" (review-rules §6): the
ledger is an official Chinese report whatever the UI language, so its wording is Chinese template text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.exports.cell_safety import save_workbook


@dataclass(frozen=True)
class LedgerRow:
    """One row of 评查台账: the periodic-report appendix columns plus grades, dates and the notice."""

    seq: int  # 序号
    dept_case_no: str
    unit: str  # 办案单位
    department: str
    case_name: str  # 案件名称
    case_type: str
    prosecutor: str  # 承办人
    reviewer: str  # 评查员
    review_unit: str  # 评查单位
    review_type: str
    conclusion: str  # 评查结论
    problems_text: str  # 评查发现问题
    problem_count: int
    proposed_grade: str
    grade: str
    started_on: date
    submitted_on: date
    determined_on: date | None
    notice_number: str
    reply_deadline: date | None


@dataclass(frozen=True)
class ProblemRank:
    """One checklist item in the problem list, ranked by the number of cases it was found in."""

    rank: int
    standard_code: str
    dimension: str
    item_code: str
    item_text: str
    cases: int
    findings: int
    kind: str  # 共性 / 个性
    severities: str  # "司法瑕疵×3；一般司法错误×1"
    dept_case_nos: tuple[str, ...]


ANALYSIS_SHEET = "分析"
PRINT_SHEET = "打印"
PROBLEM_SHEET = "问题清单"
DEFAULT_TITLE = "案件质量评查台账"
DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    width: float
    is_date: bool = False


LEDGER_COLUMNS: tuple[Column, ...] = (
    Column("序号", lambda r: r.seq, 6),
    Column("部门受案号", lambda r: r.dept_case_no, 26),
    Column("办案单位", lambda r: r.unit, 22),
    Column("承办部门", lambda r: r.department, 12),
    Column("案件名称", lambda r: r.case_name, 24),
    Column("案件类别", lambda r: r.case_type, 10),
    Column("承办人", lambda r: r.prosecutor, 10),
    Column("评查员", lambda r: r.reviewer, 10),
    Column("评查单位", lambda r: r.review_unit, 22),
    Column("评查类别", lambda r: r.review_type, 10),
    Column("评查结论", lambda r: r.conclusion, 12),
    Column("评查发现问题", lambda r: r.problems_text, 50),
    Column("问题数", lambda r: r.problem_count, 8),
    Column("建议等次", lambda r: r.proposed_grade, 10),
    Column("评定等次", lambda r: r.grade, 10),
    Column("评查开始日期", lambda r: r.started_on, 12, True),
    Column("评查提交日期", lambda r: r.submitted_on, 12, True),
    Column("审定日期", lambda r: r.determined_on, 12, True),
    Column("整改通知书文号", lambda r: r.notice_number, 26),
    Column("整改回复期限", lambda r: r.reply_deadline, 12, True),
)

# The appendix columns (序号 … 评查发现问题) plus grade and notice number fit an A4 landscape page.
PRINT_COLUMNS: tuple[Column, ...] = (
    Column("序号", lambda r: r.seq, 5),
    Column("办案单位", lambda r: r.unit, 16),
    Column("案件名称", lambda r: r.case_name, 18),
    Column("承办人", lambda r: r.prosecutor, 8),
    Column("评查员", lambda r: r.reviewer, 8),
    Column("评查单位", lambda r: r.review_unit, 16),
    Column("评查结论", lambda r: r.conclusion, 11),
    Column("评查发现问题", lambda r: r.problems_text, 40),
    Column("整改通知书文号", lambda r: r.notice_number, 18),
)

PROBLEM_COLUMNS: tuple[Column, ...] = (
    Column("排名", lambda p: p.rank, 6),
    Column("评查标准", lambda p: p.standard_code, 10),
    Column("评查维度", lambda p: p.dimension, 14),
    Column("评查项", lambda p: p.item_code, 8),
    Column("评查项内容", lambda p: p.item_text, 40),
    Column("涉及案件数", lambda p: p.cases, 10),
    Column("问题数", lambda p: p.findings, 8),
    Column("问题类型", lambda p: p.kind, 10),
    Column("严重程度", lambda p: p.severities, 24),
    Column("涉及案件", lambda p: "；".join(p.dept_case_nos), 50),
)

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _plain_table(ws: Worksheet, columns: Sequence[Column], records: Sequence[Any]) -> None:
    """One header row then one row per record; typed cells, auto-filter, frozen header."""
    ws.append([c.header for c in columns])
    for rec in records:
        ws.append([c.value(rec) for c in columns])
    for idx, col in enumerate(columns, start=1):
        letter = get_column_letter(idx)
        ws.column_dimensions[letter].width = col.width
        if col.is_date:
            for (cell,) in ws.iter_rows(min_row=2, min_col=idx, max_col=idx):
                cell.number_format = DATE_FORMAT
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(records) + 1)}"
    ws.freeze_panes = "A2"


def _print_sheet(ws: Worksheet, rows: Sequence[LedgerRow], title: str, subtitle: str) -> None:
    width = len(PRINT_COLUMNS)
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(1, 1).font = Font(size=16, bold=True)
    ws.cell(1, 1).alignment = _CENTRED
    ws.row_dimensions[1].height = 30
    header_row = 2
    if subtitle:
        ws.append([subtitle])
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
        ws.cell(2, 1).alignment = _CENTRED
        header_row = 3
    ws.append([c.header for c in PRINT_COLUMNS])
    for r in rows:
        ws.append([c.value(r) for c in PRINT_COLUMNS])
    for idx, col in enumerate(PRINT_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(idx)].width = col.width
    for row in ws.iter_rows(min_row=header_row, max_row=header_row + len(rows), max_col=width):
        for cell in row:
            cell.border = _BORDER
            cell.alignment = _CENTRED if cell.row == header_row or cell.column == 1 else _WRAP
            if cell.row == header_row:
                cell.font = Font(bold=True)
    ws.print_title_rows = f"{header_row}:{header_row}"  # the header row repeats on every printed page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages as needed, but never wider than one page
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def period_text(date_from: date | None, date_to: date | None) -> str:
    """The print sheet's subtitle, e.g. 评查提交日期：2026年1月1日至2026年3月31日 (empty when unbounded)."""

    def cn(d: date) -> str:
        return f"{d.year}年{d.month}月{d.day}日"  # GB/T 9704: no zero padding

    if date_from is not None and date_to is not None:
        return f"评查提交日期：{cn(date_from)}至{cn(date_to)}"
    if date_from is not None:
        return f"评查提交日期：{cn(date_from)}起"
    if date_to is not None:
        return f"评查提交日期：截至{cn(date_to)}"
    return ""


def write_ledger_xlsx(
    path: Path,
    rows: Sequence[LedgerRow],
    problems: Sequence[ProblemRank],
    *,
    title: str = DEFAULT_TITLE,
    subtitle: str = "",
) -> Path:
    """Write the workbook atomically (temp file + rename: an interrupted export leaves no broken file)."""
    book = Workbook()
    analysis = book.active
    assert analysis is not None
    analysis.title = ANALYSIS_SHEET
    _plain_table(analysis, LEDGER_COLUMNS, rows)
    _print_sheet(book.create_sheet(PRINT_SHEET), rows, title, subtitle)
    problem_sheet = book.create_sheet(PROBLEM_SHEET)
    _plain_table(problem_sheet, PROBLEM_COLUMNS, problems)
    problem_sheet.page_setup.orientation = "landscape"
    problem_sheet.page_setup.paperSize = problem_sheet.PAPERSIZE_A4
    problem_sheet.print_title_rows = "1:1"
    # Case names and reasons are imported or typed text: neutralised against formula injection.
    return save_workbook(book, path)
