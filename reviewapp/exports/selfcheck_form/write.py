"""Write a self-check form as a workbook: a cover block, then one row per item with a 是/否/不适用 drop-down."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.domain.selfcheck import AUTO_MARK, Answer, FormItem
from reviewapp.exports.cell_safety import save_workbook
from reviewapp.exports.selfcheck_form.layout import COVER_HEADERS, COVER_ROWS, COVER_SHEET, FORM_COLUMNS, FORM_SHEET

_WIDTHS = {"检查项内容": 50, "说明": 50, "值": 40, "字段": 16, "维度": 14, "是否规范（是/否/不适用）": 16}
_FILL = PatternFill("solid", fgColor="FFF2CC")  # the cells the filler fills in


def _header(ws: Worksheet, headers: tuple[str, ...]) -> None:
    ws.append(list(headers))
    for col, cell in enumerate(ws[1], start=1):
        cell.font = Font(bold=True)
        ws.column_dimensions[get_column_letter(col)].width = _WIDTHS.get(headers[col - 1], 12)
    ws.freeze_panes = "A2"


def write_selfcheck(cover: dict[str, str], items: tuple[FormItem, ...], path: str | Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new Workbook always has one sheet
    ws.title = COVER_SHEET
    _header(ws, COVER_HEADERS)
    for code, label in COVER_ROWS:
        ws.append([label, cover.get(code, ""), code])
    ws.column_dimensions["C"].hidden = True
    form = wb.create_sheet(FORM_SHEET)
    _header(form, tuple(h for _, h in FORM_COLUMNS))
    col = {f: i for i, (f, _) in enumerate(FORM_COLUMNS, start=1)}
    dv = DataValidation(
        type="list", formula1='"' + ",".join(a.value for a in Answer) + '"', allow_blank=True, showErrorMessage=True
    )
    dv.errorTitle = "是否规范"
    dv.error = "可选：" + "、".join(a.value for a in Answer)
    form.add_data_validation(dv)
    for row_no, item in enumerate(items, start=2):
        values = {
            "dimension": item.dimension,
            "code": item.code,
            "text": item.text,
            "source": AUTO_MARK if item.auto else "",
            "answer": item.answer or None,
            "note": item.note or None,
        }
        form.append([values[f] for f, _ in FORM_COLUMNS])
        for f in ("answer", "note"):
            form.cell(row=row_no, column=col[f]).fill = _FILL
        for f in ("text", "note"):
            form.cell(row=row_no, column=col[f]).alignment = Alignment(wrap_text=True, vertical="top")
        dv.add(form.cell(row=row_no, column=col["answer"]))
    wb.active = 1  # open on the form
    save_workbook(wb, Path(path))  # case texts neutralised against formula injection
