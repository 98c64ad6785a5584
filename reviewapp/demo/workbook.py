"""The demo export workbook: sheets 案件 (with title rows), 嫌疑人 and 文书, as the case system writes them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from reviewapp.demo.rows import SheetSpec, renderer, row_values
from reviewapp.demo.xlsx_stream import StreamingWorkbook
from reviewapp.exports.cell_safety import save_workbook

# Up to this many case rows the workbook is written with openpyxl, fully styled; above it, streamed.
STYLED_LIMIT = 5000
_WIDE_COLUMNS = {"部门受案号": 34, "案件名称": 28, "承办单位": 24, "移送单位": 26, "案情摘要": 60, "电子卷宗": 60}


@dataclass
class SheetContent:
    spec: SheetSpec
    records: Iterable[object]  # cards, suspects or documents: one row each
    titles: Sequence[str] = field(default_factory=tuple)


def write_workbook(path: Path, sheets: Sequence[SheetContent], *, styled: bool) -> None:
    """Write ``sheets`` in order; rows are consumed lazily so the caller can report progress or cancel."""
    if styled:
        _write_styled(path, sheets)
        return
    book = StreamingWorkbook(path)
    try:
        for sheet in sheets:
            spec = sheet.spec
            book.add_sheet(spec.name, sheet.titles, spec.headers, sheet.records, renderer(spec))
    except BaseException:
        book.abort()
        raise
    book.close()


def _write_styled(path: Path, sheets: Sequence[SheetContent]) -> None:
    book = Workbook()
    book.remove(book.worksheets[0])
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(sheet.spec.name)
        width = len(sheet.spec.columns)
        for title in sheet.titles:
            ws.append([title])
        if sheet.titles:
            # A merged, centred title above the header, as the case system prints it.
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
            ws.cell(1, 1).font = Font(bold=True, size=14)
            ws.cell(1, 1).alignment = Alignment(horizontal="center")
        ws.append(sheet.spec.headers)
        header_row = len(sheet.titles) + 1
        for cell in ws[header_row]:
            cell.font = bold
        dates = sheet.spec.date_columns
        for record in sheet.records:
            values = row_values(sheet.spec, record)
            ws.append(values)
            row = ws.max_row
            for index in dates:
                if values[index] is not None:
                    ws.cell(row, index + 1).number_format = "yyyy-mm-dd"
        ws.freeze_panes = ws.cell(header_row + 1, 1)
        for i, column in enumerate(sheet.spec.columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = _WIDE_COLUMNS.get(column.header, 14)
    save_workbook(book, path)  # formula-like text neutralised (exports/cell_safety.py)
