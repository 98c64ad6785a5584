"""Where a table of a standard workbook is, as an office keeps it: the sheet found by its name written with stray
spaces or in other widths, the heading row found below a title or note row, headings compared without the line
breaks and spaces an office wraps them with — and every cell read as what Excel shows (a formula saved without
its result is reported, never read as an empty cell)."""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.i18n import translate
from reviewapp.standards.errors import StandardError

# A title and a note or two above the headings are usual; deeper than this the headings are not looked for.
HEADING_SEARCH_ROWS = 10
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # an .xls (Excel 97–2003) file begins so
Row = tuple[tuple[Any, str], ...]  # (value, number format) per cell


def heading_key(text: Any) -> str:
    """A heading or sheet name as compared: full-width forms folded (（ = (), spaces and line breaks dropped."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


class SheetAccess:
    """Finds the sheets and heading rows of a workbook and reads their cells, recording what it cannot find."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.formulas = Workbook()  # the workbook with its formulas, not their results (set by the caller)
        self.errors: list[StandardError] = []  # cell problems
        self.structural: list[StandardError] = []  # missing sheets, columns and rows
        # Layout sheet name → (title in the workbook, heading row), None when the workbook has no such sheet.
        self._found: dict[str, tuple[str, int] | None] = {}

    def bad(self, sheet: str, row: int, column: str, problem: str, allowed: Sequence[str] = ()) -> None:
        self.errors.append(
            StandardError(self.source, "", problem, sheet=sheet, row=row, column=column, allowed=allowed)
        )

    def open(self, path: str | Path) -> Workbook:
        """The workbook's values (its formulas kept in ``formulas``); raises StandardError saying what the file
        is when it is no .xlsx workbook. Read by content, so a workbook named .xls is read as the one it is."""
        try:
            content = Path(path).read_bytes()
        except OSError as exc:
            raise StandardError(
                self.source, "", translate("Standards", "not a readable workbook: {error}").format(error=exc)
            ) from exc
        if content.startswith(_OLE_MAGIC):
            raise StandardError(
                self.source,
                "",
                translate(
                    "Standards",
                    "an Excel 97–2003 workbook (.xls) cannot be read: open it in Excel or WPS and save it as an "
                    "Excel workbook (.xlsx)",
                ),
            )
        try:
            with warnings.catch_warnings():
                # Workbooks saved by Excel or WPS often carry extensions openpyxl warns about and skips
                # (data validation, conditional formats); they do not affect the cells we read.
                warnings.simplefilter("ignore", UserWarning)
                values = load_workbook(io.BytesIO(content), data_only=True)
                # The formulas themselves, to tell a formula saved without its result from an empty cell.
                formulas = load_workbook(io.BytesIO(content), data_only=False)
        except zipfile.BadZipFile as exc:
            raise StandardError(
                self.source,
                "",
                translate(
                    "Standards",
                    "not an Excel workbook (.xlsx) — a CSV or other file renamed .xlsx is not one: save it from "
                    "Excel or WPS as an Excel workbook (.xlsx)",
                ),
            ) from exc
        except (OSError, InvalidFileException, KeyError, ValueError) as exc:
            raise StandardError(
                self.source, "", translate("Standards", "not a readable workbook: {error}").format(error=exc)
            ) from exc
        self.formulas = formulas
        return values

    def locate(self, wb: Workbook, sheet: str, headings: Sequence[str]) -> tuple[str, int] | None:
        """The sheet's title in the workbook and its heading row; None (recorded once) when there is no such sheet."""
        if sheet in self._found:
            return self._found[sheet]
        title = sheet if sheet in wb.sheetnames else None
        if title is None:
            title = next((t for t in wb.sheetnames if heading_key(t) == heading_key(sheet)), None)
        if title is None:
            problem = translate("Standards", "the sheet {sheet} is missing (the workbook has {sheets})").format(
                sheet=sheet, sheets="、".join(wb.sheetnames)
            )
            if any(heading_key(t).startswith(heading_key(sheet)) for t in wb.sheetnames):
                # 评查项（审查起诉）, 评查项（审查逮捕）: one sheet per case type.
                problem += translate(
                    "Standards",
                    "; one sheet per case type is not read: put all rows on the sheet {sheet} and give each row its "
                    "case types in the column 适用案件类别",
                ).format(sheet=sheet)
            self.structural.append(StandardError(self.source, "", problem))
            self._found[sheet] = None
            return None
        wanted = {heading_key(h) for h in headings}
        best, most = 1, 0
        top = wb[title].iter_rows(min_row=1, max_row=HEADING_SEARCH_ROWS, values_only=True)
        for row_no, values in enumerate(top, start=1):
            count = len({heading_key(v) for v in values if v is not None} & wanted)
            if count > most:
                best, most = row_no, count
        self._found[sheet] = (title, best)
        return self._found[sheet]

    def rows(self, wb: Workbook, sheet: str, headings: Sequence[str]) -> list[tuple[int, Row]]:
        """(row number, cells) of the non-blank rows below the heading row."""
        found = self.locate(wb, sheet, headings)
        if found is None:
            return []
        title, heading_row = found
        out = []
        written = self.formulas[title]
        merged = _merged_down(wb[title])
        for row_no, cells in enumerate(wb[title].iter_rows(min_row=heading_row + 1), start=heading_row + 1):
            row = tuple(
                merged.get((row_no, c.column), (c.value, getattr(c, "number_format", "General")))
                if isinstance(c, MergedCell)
                else (c.value, getattr(c, "number_format", "General"))
                for c in cells
            )
            for col, (value, _) in enumerate(row, start=1):
                formula = written.cell(row=row_no, column=col).value if value is None else None
                if isinstance(formula, str) and formula.startswith("="):
                    # Saved by a program, not by Excel: the result a reader would see is not in the file.
                    self.bad(
                        sheet,
                        row_no,
                        self.heading(wb, sheet, col),
                        translate(
                            "Standards",
                            "the cell holds the formula {formula} but not its result (the file was written by a "
                            "program): open the workbook in Excel or WPS and save it, or type the value",
                        ).format(formula=formula),
                    )
            if any(v is not None and str(v).strip() for v, _ in row):
                out.append((row_no, row))
        return out

    def heading(self, wb: Workbook, sheet: str, col: int) -> str:
        """A column's heading for a message, or its letter when it has none."""
        found = self._found.get(sheet)
        if found is None:
            return get_column_letter(col)
        title, heading_row = found
        value = wb[title].cell(row=heading_row, column=col).value
        return str(value).strip() if value is not None else get_column_letter(col)

    def column_index(self, wb: Workbook, sheet: str, headings: Sequence[str]) -> dict[str, int]:
        """Each layout heading's column (0-based); a missing or doubled heading is recorded."""
        found_sheet = self.locate(wb, sheet, headings)
        if found_sheet is None:
            return {}
        title, heading_row = found_sheet
        values = next(wb[title].iter_rows(min_row=heading_row, max_row=heading_row, values_only=True), ())
        by_key = {heading_key(h): h for h in headings}
        found: dict[str, int] = {}
        for i, v in enumerate(values):
            header = by_key.get(heading_key(v)) if v is not None else None
            if header is None:
                continue
            if header in found:
                # Two columns of one name (often an old copy, hidden): either could be the one meant.
                self.structural.append(
                    StandardError(
                        self.source,
                        "",
                        translate(
                            "Standards",
                            "the column heading is in columns {first} and {second} (hidden columns count too): "
                            "delete or rename the one that is not meant",
                        ).format(first=get_column_letter(found[header] + 1), second=get_column_letter(i + 1)),
                        sheet=sheet,
                        row=heading_row,
                        column=header,
                    )
                )
                continue
            found[header] = i
        for header in headings:
            if header not in found:
                self.structural.append(
                    StandardError(
                        self.source,
                        "",
                        translate("Standards", "the column is missing"),
                        sheet=sheet,
                        row=heading_row,
                        column=header,
                    )
                )
        return found


def _merged_down(ws: Worksheet) -> dict[tuple[int, int], tuple[Any, str]]:
    """(row, column) → (value, number format) for the cells under the first row of a cell merged over several
    rows — a dimension, severity or points cell an office merged over its items holds for every one of them.
    Only the merge's first column is filled: a cell merged across columns is one value, not one per column."""
    out: dict[tuple[int, int], tuple[Any, str]] = {}
    for merge in ws.merged_cells.ranges:
        if merge.max_row == merge.min_row:
            continue
        top = ws.cell(row=merge.min_row, column=merge.min_col)
        for row in range(merge.min_row + 1, merge.max_row + 1):
            out[(row, merge.min_col)] = (top.value, getattr(top, "number_format", "General"))
    return out
