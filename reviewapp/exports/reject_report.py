"""Writing an import's rejected rows to a workbook the user can fix the export with."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from reviewapp.exports.cell_safety import save_workbook
from reviewapp.i18n import translate
from reviewapp.services.cases.intake import Difference, ImportSummary, RejectRow

Note = tuple[str, str, int | None, str]  # (file, sheet, row, what was left out and why)


def skipped_notes(summary: ImportSummary) -> list[Note]:
    """What an import left out besides rejected rows: sheets not read, unmapped extra columns, duplicates."""
    notes: list[Note] = [(summary.file, sheet, None, reason) for sheet, reason in summary.skipped_sheets]
    for sheet, names in summary.extra_columns.items():
        what = translate("RejectReport", "Columns kept as unmapped extras: {columns}").format(columns="、".join(names))
        notes.append((summary.file, sheet, None, what))
    duplicate = translate("RejectReport", "Exact copy of an earlier row: skipped")
    notes.extend((summary.file, sheet, row, duplicate) for sheet, row in summary.duplicates)
    return notes


def write_reject_report(
    path: Path, rejects: Sequence[RejectRow], differences: Sequence[Difference] = (), notes: Sequence[Note] = ()
) -> None:
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
    if notes:
        left = book.create_sheet(translate("RejectReport", "Not read or skipped"))
        left.append(
            [
                translate("RejectReport", "File"),
                translate("RejectReport", "Sheet"),
                translate("RejectReport", "Row"),
                translate("RejectReport", "What and why"),
            ]
        )
        for note in notes:
            left.append(list(note))
    # The values are cells of a hostile file, by definition: neutralised against formula injection.
    save_workbook(book, path)
