"""Writing an import's rejected rows to a workbook the user can fix the export with."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from reviewapp.exports.cell_safety import save_workbook
from reviewapp.i18n import translate
from reviewapp.services.cases.intake import Difference, RejectRow


def write_reject_report(path: Path, rejects: Sequence[RejectRow], differences: Sequence[Difference] = ()) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = translate("RejectReport", "Rejected rows")
    headers = [
        translate("RejectReport", "File"),
        translate("RejectReport", "Sheet"),
        translate("RejectReport", "Row"),
        translate("RejectReport", "Column"),
        translate("RejectReport", "Value"),
        translate("RejectReport", "Reason"),
    ]
    sheet.append(headers)
    for r in rejects:
        sheet.append([r.file, r.sheet, r.row, r.column, r.value, r.reason])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for col, width in zip("ABCDEF", (24, 12, 8, 18, 24, 60), strict=True):
        sheet.column_dimensions[col].width = width
    if differences:
        diff = book.create_sheet(translate("RejectReport", "Not applied (under review)"))
        diff.append(
            [
                translate("RejectReport", "Case number"),
                translate("RejectReport", "Field"),
                translate("RejectReport", "Stored value"),
                translate("RejectReport", "New value"),
            ]
        )
        for d in differences:
            diff.append([d.dept_case_no, d.field, d.old, d.new])
    # The values are cells of a hostile file, by definition: neutralised against formula injection.
    save_workbook(book, path)
