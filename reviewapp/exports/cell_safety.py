"""Formula-injection neutralising and safe file placement for every workbook the application writes.

OWASP's CSV-injection rule: a cell whose text starts with ``=``, ``+``, ``-`` or ``@`` — or with a tab or
carriage return before one — may be run as a formula by the spreadsheet that opens the file (``=HYPERLINK``
to leak data, ``=cmd|…`` DDE on old Excel). Case names, charges and reasons come from imported exports and
from users, so any of them may start that way.

A workbook cell holding such text is written as a *string* cell (openpyxl would otherwise store any text
starting with ``=`` as a live formula) and gets Excel's "quote prefix" style, the stored form of typing a
leading apostrophe: Excel and LibreOffice show the text as written, never compute it, and keep it text when
the user edits the cell. Text that starts with a tab or carriage return keeps them (the value is not
changed), only its cell type and style are. Use :func:`save_workbook` for a normal workbook (it walks every
cell), :func:`safe_row` for the rows of a write-only one.

Files are placed with :func:`temp_beside` + :func:`place`: the temporary file is created with the normal
permissions (0666 less the umask, like any file the user saves; ``mkstemp`` would leave 0600), flushed to
disk, and renamed over the target, so an interrupted export leaves the old file or the new one, never half.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_CHARS = ("=", "+", "-", "@")
_LEADING = "\t\r\n "


def is_risky(text: str) -> bool:
    """True if a spreadsheet could read ``text`` as a formula (OWASP: = + - @, also after tab/CR)."""
    if not text:
        return False
    if text[0] in FORMULA_CHARS or text[0] in "\t\r":
        return True
    return text.lstrip(_LEADING)[:1] in FORMULA_CHARS and text[0] in _LEADING


def neutralise_cell(cell: Cell | WriteOnlyCell) -> None:
    """Make a risky text cell a plain, quote-prefixed string cell (value unchanged)."""
    value = cell.value
    if isinstance(value, str) and is_risky(value):
        cell.data_type = "s"
        cell.quotePrefix = True


def neutralise_workbook(book: Workbook) -> int:
    """Neutralise every risky text cell of a normal (not write-only) workbook; returns how many."""
    count = 0
    for sheet in book.worksheets:
        for cell in sheet._cells.values():  # the stored cells only: empty ones are not created
            value = cell.value
            if value.__class__ is str and is_risky(value):
                neutralise_cell(cell)
                count += 1
    return count


def safe_row(sheet: WriteOnlyWorksheet, values: Iterable[Any]) -> list[Any]:
    """A write-only sheet's row with each risky text wrapped in a neutralised cell."""
    out: list[Any] = []
    for value in values:
        if isinstance(value, str) and is_risky(value):
            cell = WriteOnlyCell(sheet, value=value)
            neutralise_cell(cell)
            out.append(cell)
        else:
            out.append(value)
    return out


def temp_beside(path: Path, suffix: str = ".tmp") -> Path:
    """A new, empty hidden file next to ``path`` with normal permissions (0666 less the umask)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}{suffix}")
    os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    return tmp


def place(tmp: Path, path: Path) -> None:
    """Flush ``tmp`` to disk and rename it over ``path`` (atomic on one file system), then flush the
    folder entry, so a power cut leaves the old file or the complete new one."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_workbook(book: Workbook, path: Path) -> Path:
    """Neutralise ``book`` (write-only books neutralise per row) and write it to ``path`` atomically."""
    if not book.write_only:
        neutralise_workbook(book)
    tmp = temp_beside(path, ".xlsx.tmp")
    try:
        book.save(tmp)
        place(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
