"""What differs between two rows of the cases sheet with the same case number.

Exact copies are skipped (table.py); a second row with the same number and other content is rejected, and
the reason names the first column whose cells differ and both cells as written — often only a space or a
full-width bracket, which the user cannot find by eye. The cases sheet is streamed, so the earlier row may
be gone when its number comes again: it is taken from the rows still at hand (the last two chunks, the
sheet's first rows) and otherwise read again from the file once the sheet is done. All of this runs only
for such a row; the common path pays nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from reviewapp.i18n import translate
from reviewapp.intake import values
from reviewapp.intake.headers import Column
from reviewapp.intake.readers import Cell, MergedFill, Row
from reviewapp.intake.table import CHUNK_ROWS, SheetTable


def _plain(key: str, row: int) -> str:
    return translate("Intake", "Case number {number} already appears in row {row} with different content").format(
        number=key, row=row
    )


def _shown(cell: Cell) -> str:
    return cell if isinstance(cell, str) else values.parse_text(cell)


def first_difference(columns: Sequence[Column], first: Row, later: Row) -> tuple[str, str, str] | None:
    """(header, first cell, later cell) of the leftmost column whose cells differ, as written."""
    for column in columns:
        a = first[column.index] if column.index < len(first) else ""
        b = later[column.index] if column.index < len(later) else ""
        if a != b:
            return column.header, _shown(a), _shown(b)
    return None


def reason(columns: Sequence[Column], key: str, row: int, first: Row | None, later: Row | None) -> str:
    """Why a second row with case number ``key`` (the first in Excel row ``row``) was refused."""
    found = first_difference(columns, first, later) if first is not None and later is not None else None
    if found is None:
        return _plain(key, row)
    header, was, now = found
    return translate(
        "Intake",
        "Case number {number} already appears in row {row} with different content: {column} is “{first}” there "
        "and “{second}” here",
    ).format(number=key, row=row, column=header, first=was, second=now)


def conflict(table: SheetTable, key: str, first_row: int, row_no: int) -> str:
    """The reason for row ``row_no`` repeating case number ``key`` of ``first_row``; when the first row is no
    longer at hand, the plain reason for now and the row noted for :func:`resolve`."""
    first, later = table.row_at(first_row), table.row_at(row_no)
    if first is None and later is not None:
        table.conflicts.append((row_no, key, first_row, later))
    return reason(table.columns, key, first_row, first, later)


def _trimmed(cell: Cell) -> Cell:
    """A cell as the import reads it, for comparing two rows: text trimmed, a date cell as the ISO date it is
    (one row typed as a date, its copy as the text 2025-03-01), a number as its digits."""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, datetime) and cell.time() == time():
        return cell.date().isoformat()
    if isinstance(cell, date) and not isinstance(cell, datetime):
        return cell.isoformat()
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return values.parse_text(cell)
    return cell


def trimmed_copy(table: SheetTable, first_row: int, row_no: int) -> bool:
    """Whether row ``row_no`` is row ``first_row`` again but for spaces around a value (which the import trims
    anyway) or a date or number typed in one and written as text in the other: both rows give the same case.
    Such a row is skipped with a note naming the earlier row and counted as a duplicate; only an exact copy is
    listed as one. False when either row is no longer at hand (the row is then refused as a conflict, which
    names the difference)."""
    first, later = table.row_at(first_row), table.row_at(row_no)
    if first is None or later is None:
        return False
    width = max(len(first), len(later))
    padded = [list(r) + [""] * (width - len(r)) for r in (first, later)]
    if any(_trimmed(a) != _trimmed(b) for a, b in zip(*padded, strict=True)):
        return False
    reason = translate(
        "Intake",
        "The same as row {row} but for spaces around a value or a date or number typed as text: the same case, "
        "imported once from row {row}",
    ).format(row=first_row)
    table.duplicate_rows += 1
    table.problems.append((row_no, table.key_header, None, reason))
    return True


def resolve(book: Any, table: SheetTable) -> None:
    """Name the differing column of each conflict noted by :func:`conflict`, reading the earlier rows again
    (one pass over the sheet, stopped once they are all found)."""
    wanted = {first for _, _, first, _ in table.conflicts}
    found: dict[int, Row] = {}
    sheet = book.sheet(table.sheet.name)
    fill = MergedFill(sheet.merged, table.header_index) if sheet.merged else None
    start = table.header_index + 1
    for chunk in sheet.chunks_from(start, CHUNK_ROWS):
        if fill is not None:
            fill(start, chunk)
        found.update((start + i + 1, row) for i, row in enumerate(chunk) if start + i + 1 in wanted)
        start += len(chunk)
        if len(found) == len(wanted):
            break
    fixed = {}
    for row_no, key, first_row, later in table.conflicts:
        fixed[row_no, _plain(key, first_row)] = reason(table.columns, key, first_row, found.get(first_row), later)
    table.problems = [(p[0], p[1], p[2], fixed.get((p[0], p[3]), p[3])) for p in table.problems]
    table.conflicts = []
