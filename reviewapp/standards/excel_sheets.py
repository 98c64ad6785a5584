"""Where a table of a standard workbook is, as an office keeps it: the sheet found by its name written with stray
spaces or in other widths, the heading row found below a title or note row (and a heading of two rows, 评查内容
merged over 评查项目 | 评查标准), headings compared without the line breaks and spaces an office wraps them with —
every cell read as what Excel shows (a formula saved without its result is reported, never read as an empty cell)
and rows Excel hides said in the import result (hidden by hand: left out; hidden by a filter: read)."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.i18n import translate
from reviewapp.standards.errors import StandardError
from reviewapp.standards.excel_headings import heading_forms, heading_key

# A title and a note or two above the headings are usual; deeper than this the headings are not looked for.
HEADING_SEARCH_ROWS = 10
# A heading of two (or three) rows: 评查内容 merged over 评查项目 | 评查标准, 序号 merged down beside them.
HEADING_DEPTH = 3
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # an .xls (Excel 97–2003) file begins so
Row = tuple[tuple[Any, str], ...]  # (value, number format) per cell


@dataclass(frozen=True)
class Heading:
    """One column's heading: the text of its lowest heading cell, and in a heading of two rows the heading merged
    over it and its neighbours (``parent``, over the columns ``group``, 0-based)."""

    index: int  # 0-based
    text: str
    parent: str = ""
    group: tuple[int, int] = (0, -1)

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)

    def shown(self) -> str:
        """The heading as a message names the column: its text on one line (评查\n内容 wrapped in its cell is 评查内容),
        or its letter when it has none."""
        return re.sub(r"\s*\n\s*", "", self.text) or self.letter


@dataclass(frozen=True)
class Table:
    """Where a table is: its sheet's title in the workbook and its heading rows (first and last, 1-based)."""

    title: str
    first: int
    last: int
    headings: tuple[Heading, ...]
    hidden: frozenset[int] = frozenset()  # columns hidden in Excel (0-based)


class SheetAccess:
    """Finds the sheets and heading rows of a workbook and reads their cells, recording what it cannot find."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.formulas = Workbook()  # the workbook with its formulas, not their results (set by the caller)
        self.errors: list[StandardError] = []  # cell problems
        self.structural: list[StandardError] = []  # missing sheets, columns and rows
        self.warnings: list[str] = []  # what was read otherwise than a reader of the sheet might think
        # Layout sheet name → its table, None when the workbook has no such sheet.
        self._found: dict[str, Table | None] = {}

    def bad(self, sheet: str, row: int, column: str | None, problem: str, allowed: Sequence[str] = ()) -> None:
        self.errors.append(
            StandardError(self.source, "", problem, sheet=sheet, row=row, column=column, allowed=allowed)
        )

    def title_of(self, sheet: str) -> str:
        """The sheet's title in the workbook (评查表 for the layout's 评查项), for a message naming it."""
        found = self._found.get(sheet)
        return found.title if found is not None else sheet

    def refuse(self, sheet: str, row: int | None, column: str | None, problem: str) -> None:
        """A problem of the sheet's layout (a column missing, doubled or unclear)."""
        self.structural.append(StandardError(self.source, "", problem, sheet=sheet, row=row, column=column))

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

    def locate(
        self, wb: Workbook, sheet: str, headings: Iterable[str], *, other_names: Sequence[str] = ()
    ) -> Table | None:
        """The sheet's table: its title in the workbook and heading rows; None (recorded once) when there is no
        such sheet. ``headings`` are every word a heading of the table may be written with; ``other_names`` other
        names the sheet goes by in offices (评查标准 for 评查项), read when the layout's own name is not there."""
        if sheet in self._found:
            return self._found[sheet]
        wanted = {heading_key(h) for h in headings}
        title = self._title(wb, sheet, other_names, wanted)
        if title is None:
            self._found[sheet] = None
            return None
        ws = wb[title]
        best, most = 1, 0
        top = ws.iter_rows(min_row=1, max_row=HEADING_SEARCH_ROWS, values_only=True)
        for row_no, values in enumerate(top, start=1):
            count = len({form for v in values if v is not None for form in heading_forms(v)} & wanted)
            if count > most:
                best, most = row_no, count
        first, last = _heading_rows(ws, best, wanted)
        hidden = frozenset(
            c - 1
            for dim in ws.column_dimensions.values()
            if dim.hidden and dim.min is not None
            for c in range(dim.min, (dim.max or dim.min) + 1)
        )
        table = Table(title, first, last, _headings(ws, first, last), hidden)
        self._found[sheet] = table
        return table

    def _title(self, wb: Workbook, sheet: str, other_names: Sequence[str], wanted: set[str]) -> str | None:
        title = sheet if sheet in wb.sheetnames else None
        if title is None:
            title = next((t for t in wb.sheetnames if heading_key(t) == heading_key(sheet)), None)
        # A sheet of another name counts when it is headed like the table (not a blank form or a cover sheet).
        names = {heading_key(n) for n in other_names}
        others = [t for t in wb.sheetnames if heading_key(t) in names and headed_like(wb[t], wanted)]
        if title is not None and others:
            # Two sheets either of which could hold the table: reading one would drop the other's rows.
            self.refuse(
                sheet,
                None,
                None,
                translate(
                    "Standards",
                    "the workbook has the sheet {sheet} and the sheet {other}, and either could hold this table: "
                    "delete or rename the one that is not meant",
                ).format(sheet=title, other="、".join(others)),
            )
            return None
        if title is None and len(others) == 1:
            title = others[0]
        if title is not None:
            return title
        problem = translate("Standards", "the sheet {sheet} is missing (the workbook has {sheets})").format(
            sheet=sheet, sheets="、".join(wb.sheetnames)
        )
        if len(others) > 1:
            problem += translate("Standards", "; the sheets {sheets} could each be it: keep one").format(
                sheets="、".join(others)
            )
        elif any(heading_key(t).startswith(heading_key(sheet)) for t in wb.sheetnames):
            # 评查项（审查起诉）, 评查项（审查逮捕）: one sheet per case type.
            problem += translate(
                "Standards",
                "; a sheet per case type is read when its name is the case type (评查项（审查起诉）, 审查逮捕): name "
                "each so, or put all rows on the sheet {sheet} with their case types in the column 适用案件类别",
            ).format(sheet=sheet)
        self.structural.append(StandardError(self.source, "", problem))
        return None

    def rows(
        self, wb: Workbook, sheet: str, headings: Iterable[str], *, skip_hidden: bool = True
    ) -> list[tuple[int, Row]]:
        """(row number, cells) of the non-blank rows below the heading rows. A row hidden in Excel is left out and
        a row a filter hides is read, both said in ``warnings`` (see _hidden); ``skip_hidden`` False reads every
        row (the meta sheet's rows are fields, none of which can be withdrawn)."""
        found = self.locate(wb, sheet, headings)
        if found is None:
            return []
        out = []
        ws = wb[found.title]
        written = self.formulas[found.title]
        merged = _merged_down(ws)
        hidden, filtered = [], []
        is_filtered = _filter_rows(ws)
        for row_no, cells in enumerate(ws.iter_rows(min_row=found.last + 1), start=found.last + 1):
            row = tuple(
                merged.get((row_no, c.column), (c.value, getattr(c, "number_format", "General")))
                if isinstance(c, MergedCell)
                else (c.value, getattr(c, "number_format", "General"))
                for c in cells
            )
            if not any(v is not None and str(v).strip() for v, _ in row):
                continue
            if skip_hidden and _row_hidden(ws, row_no):
                if is_filtered(row_no):
                    filtered.append(row_no)
                else:
                    hidden.append(row_no)
                    continue
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
            out.append((row_no, row))
        self._hidden(found.title, hidden, filtered)
        return out

    def _hidden(self, title: str, hidden: list[int], filtered: list[int]) -> None:
        """Say which rows Excel does not show. A row hidden by hand in an official checklist is an item withdrawn
        or kept for the record — what the office sees and prints is the checklist — so it is not imported; a row a
        filter hides is only out of view for the moment (who filtered for 审查起诉 still keeps the other items), so
        it is imported. Either way the import result names the rows, so nothing is dropped or added unseen."""
        if hidden:
            self.warnings.append(
                translate(
                    "Standards",
                    "Sheet {sheet}: hidden rows not imported: {rows} (a row hidden in a checklist is taken for a "
                    "withdrawn item); if any is current, unhide it and import again.",
                ).format(sheet=title, rows=spans(hidden))
            )
        if filtered:
            self.warnings.append(
                translate(
                    "Standards",
                    "Sheet {sheet}: rows hidden by the sheet's filter, imported all the same: {rows} (a filter only "
                    "hides rows from view); delete any that is not meant in the workbook.",
                ).format(sheet=title, rows=spans(filtered))
            )

    def heading(self, wb: Workbook, sheet: str, col: int) -> str:
        """A column's heading for a message (1-based column), or its letter when it has none."""
        found = self._found.get(sheet)
        if found is None or col > len(found.headings):
            return get_column_letter(col)
        return found.headings[col - 1].shown()

    def column_index(self, wb: Workbook, sheet: str, headings: Sequence[str]) -> dict[str, int]:
        """Each layout heading's column (0-based); a missing or doubled heading is recorded."""
        found_sheet = self.locate(wb, sheet, headings)
        if found_sheet is None:
            return {}
        heading_row = found_sheet.last
        by_key = {heading_key(h): h for h in headings}
        found: dict[str, int] = {}
        for h in found_sheet.headings:
            header = next((by_key[f] for f in heading_forms(h.text) if f in by_key), None) if h.text else None
            if header is None:
                continue
            if header in found:
                self.refuse(sheet, heading_row, header, doubled(found[header], h.index))
                continue
            found[header] = h.index
        shown = "、".join(h.shown() for h in found_sheet.headings if h.text) or "-"
        for header in headings:
            if header not in found:
                self.refuse(sheet, heading_row, header, column_missing(heading_row, shown, header))
        return found


def column_missing(row: int, shown: str, field: str) -> str:
    """Why a table's column is refused as missing: the headings the row has, and the one to add or rename to."""
    return translate(
        "Standards",
        "the column is missing (the headings on row {row} are {headings}): add it, or rename the column that holds "
        "it to {field}",
    ).format(row=row, headings=shown, field=field)


def headed_like(ws: Worksheet, wanted: set[str], least: int = 2) -> bool:
    """A row near the top holds ``least`` of the headings ``wanted`` (as compared: heading_forms)."""
    top = ws.iter_rows(min_row=1, max_row=HEADING_SEARCH_ROWS, values_only=True)
    return any(len({f for v in row if v is not None for f in heading_forms(v)} & wanted) >= least for row in top)


def doubled(first: int, second: int) -> str:
    """Two columns of one heading (often an old copy, hidden): either could be the one meant."""
    return translate(
        "Standards",
        "the column heading is in columns {first} and {second} (hidden columns count too): delete or rename the one "
        "that is not meant",
    ).format(first=get_column_letter(first + 1), second=get_column_letter(second + 1))


def spans(rows: Sequence[int]) -> str:
    """Row numbers as 3、5–7."""
    out: list[str] = []
    start = prev = rows[0]
    for r in [*rows[1:], None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}")
        if r is not None:
            start = prev = r
    return "、".join(out)


def _row_hidden(ws: Worksheet, row: int) -> bool:
    """Hidden (by hand, by a filter or in a collapsed outline), or made zero high."""
    dim = ws.row_dimensions.get(row)
    if dim is None:
        return False
    return bool(dim.hidden) or (bool(dim.customHeight) and dim.ht is not None and float(dim.ht) == 0)


def _filter_rows(ws: Worksheet) -> Callable[[int], bool]:
    """Whether a row lies in the range of a filter that is set (a filter with criteria hides the rows it does
    not match; Excel marks them hidden like rows hidden by hand)."""
    auto = ws.auto_filter
    if not auto or not auto.ref or not auto.filterColumn:
        return lambda _row: False
    try:
        _, low, _, high = range_boundaries(auto.ref)
    except (TypeError, ValueError):
        return lambda _row: False
    return lambda row: (low or 0) < row <= (high or row)


def _heading_rows(ws: Worksheet, best: int, wanted: set[str]) -> tuple[int, int]:
    """The rows of a heading that takes several: the best-matching row, widened over the cells merged down from or
    into it (序号 merged over two rows) and a row of sub-headings under a heading merged across columns (评查内容
    over 评查项目 | 评查标准)."""
    first = last = best
    ranges = list(ws.merged_cells.ranges)
    changed = True
    while changed:
        changed = False
        for m in ranges:
            if m.max_row == m.min_row or m.max_row < first or m.min_row > last:
                continue
            if best - HEADING_DEPTH < m.min_row < first:
                first, changed = m.min_row, True
            if last < m.max_row < best + HEADING_DEPTH:
                last, changed = m.max_row, True
    used = [i for i, v in enumerate(next(ws.iter_rows(min_row=last, max_row=last, values_only=True), ()), 1) if v]
    for m in ranges:
        if m.min_row != m.max_row or m.max_col == m.min_col:
            continue
        if m.min_row == first - 1 and used and (m.min_col > min(used) or m.max_col < max(used)):
            # A heading merged over some of the columns above the best row (not a title across the table).
            value = ws.cell(row=m.min_row, column=m.min_col).value
            if value is not None and any(form in wanted for form in heading_forms(value)):
                first -= 1
                break
    for m in ranges:
        if m.min_row != m.max_row or m.min_row != last or m.max_col == m.min_col or last + 1 >= best + HEADING_DEPTH:
            continue
        below = [ws.cell(row=last + 1, column=c).value for c in range(m.min_col, m.max_col + 1)]
        texts = [v for v in below if v is not None and str(v).strip()]
        if len(texts) >= 2 and any(form in wanted for v in texts for form in heading_forms(v)):
            return first, last + 1
    return first, last


def _headings(ws: Worksheet, first: int, last: int) -> tuple[Heading, ...]:
    """Each column's heading in the heading rows: its own (the lowest cell that heads this column alone, a cell
    merged down included) and the one merged across it and its neighbours above."""
    cover: dict[tuple[int, int], tuple[Any, int, int]] = {}  # (row, col) → (value, first col, last col)
    for m in ws.merged_cells.ranges:
        if m.max_row < first or m.min_row > last:
            continue
        value = ws.cell(row=m.min_row, column=m.min_col).value
        for r in range(max(m.min_row, first), min(m.max_row, last) + 1):
            for c in range(m.min_col, m.max_col + 1):
                cover[(r, c)] = (value, m.min_col, m.max_col)
    width = max([ws.max_column, *(c for _, c in cover)]) if ws.max_column else 0
    out: list[Heading] = []
    for col in range(1, width + 1):
        own, parent, group = "", "", (0, -1)
        for r in range(first, last + 1):
            value, low, high = cover.get((r, col), (ws.cell(row=r, column=col).value, col, col))
            text = str(value).strip() if value is not None and str(value).strip() else ""
            if not text:
                continue
            if low == high:
                own = text
            elif r < last or col == low:
                parent, group = text, (low - 1, high - 1)
        if not own and parent and group[0] == col - 1:
            own, parent, group = parent, "", (0, -1)  # a heading merged across columns with none under it
        if own == parent:
            parent, group = "", (0, -1)
        out.append(Heading(col - 1, own, parent, group))
    return tuple(out)


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
