"""The appraisal score sheet (结果运用 / 案件质量考核) as an Excel workbook for the personnel department.

Three sheets: 考核得分 (one row per prosecutor: cases per determined grade, points and the component score),
案件明细 (every counted case with its grade and points, so each score can be checked) and 计分规则 (the points
per grade in force). Like the ledger, the sheet is an official Chinese report whatever the UI language.
Every header is one row, no merged cells in the data, so the sheet sorts and filters.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.exports.cell_safety import save_workbook

if TYPE_CHECKING:
    from reviewapp.services.analysis.appraisal import AppraisalSheet

SCORE_HEADERS = (
    "序号",
    "办案单位",
    "承办部门",
    "承办人",
    "评定案件数",
    "优质",
    "合格",
    "基本合格（瑕疵）",
    "不合格",
    "加减分",
    "案件质量得分",
)
CASE_HEADERS = ("序号", "承办人", "部门受案号", "案件名称", "评查受案号", "评查类别", "评定等次", "审定日期", "加减分")
BOLD = Font(bold=True)


def _table(ws: Worksheet, title: str, headers: tuple[str, ...], rows: list[list[object]], widths: list[int]) -> None:
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(list(headers))
    for cell in ws[2]:
        cell.font = BOLD
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        ws.append(row)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A3"
    if rows:
        ws.auto_filter.ref = f"A2:{get_column_letter(len(headers))}{len(rows) + 2}"


def write_appraisal_xlsx(path: Path, sheet: AppraisalSheet, procuratorate: str) -> Path:
    period = sheet.period.code()
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "考核得分"
    t = sheet.table
    _table(
        ws,
        f"{procuratorate}案件质量评查结果运用考核表（{period}，基础分{t.base}分，满分{t.maximum}分）",
        SCORE_HEADERS,
        [
            [i, r.unit, r.department, r.prosecutor, r.cases, *r.by_grade, r.points, r.score]
            for i, r in enumerate(sheet.rows, start=1)
        ],
        [6, 26, 14, 12, 10, 8, 8, 12, 8, 8, 12],
    )
    names = {r.prosecutor_id: r.prosecutor for r in sheet.rows}
    _table(
        book.create_sheet("案件明细"),
        f"评定案件明细（{period}）",
        CASE_HEADERS,
        [
            [
                i,
                names.get(c.prosecutor_id, ""),
                c.dept_case_no,
                c.case_name,
                c.review_no,
                c.review_type,
                c.grade,
                c.determined_on,
                c.points,
            ]
            for i, c in enumerate(sheet.cases, start=1)
        ],
        [6, 12, 30, 30, 24, 12, 10, 12, 8],
    )
    rules = [[grade, "（各类评查）", points] for grade, points in t.points.items()]
    rules += [[grade, review_type, points] for (grade, review_type), points in t.by_type.items()]
    rules += [["基础分", "", t.base], ["满分", "", t.maximum]]
    _table(book.create_sheet("计分规则"), "计分规则", ("评定等次", "评查类别", "分值"), rules, [14, 16, 8])
    for row in book["案件明细"].iter_rows(min_row=3, min_col=8, max_col=8):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    return save_workbook(book, path)
