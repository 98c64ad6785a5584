"""Open an export file and hand out its sheets as plain rows of cells.

The real kind of file is taken from its first bytes, never from its extension: exports get renamed, and
an encrypted ``.xlsx`` is not a zip at all but an OLE (CFB) container holding an ``EncryptionInfo``
stream. Workbooks (.xlsx/.xlsm/.xlsb, .xls, .ods) are read with python-calamine; CSV with the standard
library, and so are the "Excel" exports of web systems that are text named .xls: an HTML table
(html_table.py) or tab-separated text, which Excel opens as a sheet. Every low-level failure becomes one
:class:`IntakeFileError` naming the file.

Row numbers are Excel's: ``rows[i]`` is row ``i + 1`` of the sheet as the user sees it.
"""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import cast

from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetVisibleEnum

from reviewapp.intake import xlsx_cells
from reviewapp.intake.errors import FileProblem, IntakeFileError

Cell = str | int | float | bool | date | datetime | time | timedelta
Row = list[Cell]

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"
# Stream names in a CFB directory are UTF-16LE; these two only appear in an encrypted OOXML package
# (MS-OFFCRYPTO 2.3.4: EncryptionInfo + EncryptedPackage).
_ENCRYPTION_MARKERS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
CSV_DELIMITERS = (",", "\t", ";")


# Rows of a workbook sheet read before the rest is streamed: enough to find the header row (headers.py
# searches the first 30) with room to spare.
HEAD_ROWS = 40
Merged = list[tuple[tuple[int, int], tuple[int, int]]]


@dataclass
class Sheet:
    """One sheet: its name, its first rows (index 0 = Excel row 1) and its merged ranges (0-based, inclusive).

    A workbook sheet is streamed: ``rows`` holds only its first rows and ``more`` hands out the rest once,
    each row built when it is asked for, so a 500 000-row sheet never exists as Python objects all at once
    (only calamine's own compact copy does). A CSV sheet has all its rows in ``rows``.
    """

    name: str
    rows: list[Row]
    merged: Merged = field(default_factory=list)
    more: Iterator[Row] | None = None
    height: int = -1  # rows in all (``rows`` plus what ``more`` will hand out); -1: just ``rows``
    failure: Callable[[BaseException], BaseException] = field(default=lambda exc: exc, repr=False)
    # Error cells (#N/A, #REF! …), which read as '': 0-based row → column → the error as Excel shows it.
    errors: dict[int, dict[int, str]] = field(default_factory=dict)
    hidden: list[int] = field(default_factory=list)  # 0-based rows hidden in Excel (xlsx only)

    @property
    def total(self) -> int:
        return len(self.rows) if self.height < 0 else self.height

    def chunks_from(self, start: int, size: int) -> Iterator[list[Row]]:
        """Every row from index ``start`` on, in lists of ``size``; the streamed part is consumed (and then
        released). A reader failure on the way is raised as the workbook's IntakeFileError (``failure``)."""
        pending = self.rows[start:]
        skip = max(0, start - len(self.rows))
        more, self.more = self.more, None
        while True:
            chunk, pending = pending[:size], pending[size:]
            if more is not None and len(chunk) < size:
                try:
                    if skip:
                        next(itertools.islice(more, skip, skip), None)
                        skip = 0
                    got = list(itertools.islice(more, size - len(chunk)))
                except BaseException as exc:  # pyo3's PanicException is a BaseException
                    failure = self.failure(exc)
                    if failure is exc:
                        raise
                    raise failure from exc
                if not got:
                    more = None
                chunk += got
            if not chunk:
                return
            yield chunk

    def rows_from(self, start: int) -> Iterator[Row]:
        for chunk in self.chunks_from(start, 1000):
            yield from chunk

    def all_rows(self) -> list[Row]:
        if self.more is not None:
            self.rows = self.rows + list(self.rows_from(len(self.rows)))
            self.height = -1
        return self.rows


def _has_encryption_stream(data: bytes) -> bool:
    """True if a CFB directory entry is named EncryptionInfo / EncryptedPackage.

    Directory entries are 128 bytes and start with the name, and sectors are 512-aligned after the
    512-byte header, so a real entry name sits at an offset divisible by 128 — cell text that happens to
    spell the word does not.
    """
    for marker in _ENCRYPTION_MARKERS:
        start = data.find(marker)
        while start != -1:
            if start % 128 == 0:
                return True
            start = data.find(marker, start + 1)
    return False


def detect_kind(path: Path, data: bytes) -> str:
    """'xlsx', 'ods', 'xls' or 'csv' from the content; raise IntakeFileError for anything else."""
    return _detect(path, data)[0]


def _detect(path: Path, data: bytes) -> tuple[str, xlsx_cells.Noted | None]:
    """The kind (:func:`detect_kind`) and, for a zip, what its worksheets hold that calamine does not tell."""
    if not data.strip():
        raise IntakeFileError(path, FileProblem.EMPTY)
    if data.startswith(OLE_MAGIC):
        if _has_encryption_stream(data):
            raise IntakeFileError(path, FileProblem.ENCRYPTED)
        return "xls", None
    if data.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                # Every member's CRC is checked before anything is read: calamine does not, and a flipped bit
                # in a compressed sheet can decode to other, plausible values (a changed date or amount).
                broken, noted = xlsx_cells.check_members(archive)
                if broken is not None:
                    raise IntakeFileError(path, FileProblem.DAMAGED, f"checksum mismatch in {broken}")
                if "mimetype" in names and archive.read("mimetype").strip() == _ODS_MIMETYPE:
                    return "ods", None
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            EOFError,
            ValueError,
            RuntimeError,
            NotImplementedError,
            zlib.error,
        ) as exc:
            raise IntakeFileError(path, FileProblem.DAMAGED, str(exc)) from exc
        if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
            return "xlsx", noted if noted.sheets else None
        # A zip, but a Word document or an archive: not something we can read as a workbook.
        raise IntakeFileError(path, FileProblem.NOT_A_WORKBOOK)
    from reviewapp.intake import html_table  # it reads into this module's Sheet

    text = looks_like_text(data)
    if text and html_table.is_html_table(data):
        return "html", None  # a web system's "Excel" export: an HTML table named .xls
    if path.suffix.lower() in TEXT_SUFFIXES:
        return "csv", None
    if path.suffix.lower() == ".xls" and text and not html_table.looks_like_markup(data):
        return "csv", None  # tab- or comma-separated text named .xls, which Excel opens as a sheet
    raise IntakeFileError(path, FileProblem.NOT_A_WORKBOOK)


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def is_utf16(data: bytes) -> bool:
    """Text in UTF-16 with its byte-order mark: Excel's "Unicode text" (tab-separated) is saved so."""
    return data[:2] in UTF16_BOMS and data[:4] not in UTF32_BOMS


def looks_like_text(data: bytes) -> bool:
    return is_utf16(data) or b"\x00" not in data[:4096]


def decode_text(path: Path, data: bytes) -> str:
    """UTF-16 with a byte-order mark (Excel's "Unicode text"); else UTF-8 (with or without BOM) tried strictly
    first, else GB18030 — the encodings exports use."""
    if is_utf16(data):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IntakeFileError(path, FileProblem.UNSUPPORTED_ENCODING, str(exc)) from exc
        if "\x00" in text[:4096]:  # binary that happens to start like a mark
            raise IntakeFileError(path, FileProblem.UNSUPPORTED_ENCODING)
        return text
    if b"\x00" in data[:4096]:
        # NUL bytes without a UTF-16 mark: UTF-16 of unknown byte order, UTF-32 or binary; not guessed.
        raise IntakeFileError(path, FileProblem.UNSUPPORTED_ENCODING)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise IntakeFileError(path, FileProblem.UNSUPPORTED_ENCODING, str(exc)) from exc


def sniff_delimiter(text: str) -> str:
    """The delimiter among ``,`` / tab / ``;`` seen most often in the first lines (``,`` on a tie)."""
    sample = text[:65536].splitlines()[:30]
    counts = {d: sum(line.count(d) for line in sample) for d in CSV_DELIMITERS}
    best = max(CSV_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def read_csv(path: Path, data: bytes) -> list[Sheet]:
    text = decode_text(path, data)
    if not text.strip():
        raise IntakeFileError(path, FileProblem.EMPTY)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
        lines: list[list[str]] = list(reader)
    except csv.Error as exc:
        raise IntakeFileError(path, FileProblem.DAMAGED, str(exc)) from exc
    if '="' in text:
        # ="003": how a CSV export keeps a spreadsheet from reading a number (dropping leading zeros).
        lines = [[_excel_text(cell) for cell in line] for line in lines]
    rows = cast(list[Row], lines)
    # A CSV holds only the cases table; its sheet is named after the file.
    return [Sheet(path.stem, rows)]


def _excel_text(cell: str) -> str:
    if cell.startswith('="') and cell.endswith('"') and len(cell) >= 3:
        return cell[2:-1].replace('""', '"')
    return cell


def _panic(path: Path, exc: BaseException) -> BaseException:
    """A Rust panic inside calamine (pyo3's PanicException, a BaseException) on a damaged file is the reader
    giving up on that file: the file is damaged. Anything else (KeyboardInterrupt …) passes unchanged."""
    if type(exc).__name__ == "PanicException":
        return IntakeFileError(path, FileProblem.DAMAGED, str(exc))
    return exc


class Workbook:
    """A workbook opened from bytes; sheets are read on demand so unused sheets cost nothing."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        self.kind, self._noted = _detect(path, data)
        self._csv: list[Sheet] | None = None
        self._book: CalamineWorkbook | None = None
        self._data = data
        self._pending: dict[str, Future[Sheet]] = {}
        self.hidden: frozenset[str] = frozenset()  # sheets the workbook hides (tried last for the cases)
        if self.kind in ("csv", "html"):
            if self.kind == "html":
                from reviewapp.intake.html_table import read_html

                self._csv = read_html(path, data)
            else:
                self._csv = read_csv(path, data)
            self.sheet_names = [s.name for s in self._csv]
            return
        try:
            self._book = CalamineWorkbook.from_filelike(io.BytesIO(data))
            self.sheet_names = list(self._book.sheet_names)
            self.hidden = frozenset(m.name for m in self._book.sheets_metadata if m.visible != SheetVisibleEnum.Visible)
        except PasswordError as exc:  # encrypted .xls (FILEPASS record)
            raise IntakeFileError(path, FileProblem.ENCRYPTED, str(exc)) from exc
        except (CalamineError, OSError, ValueError) as exc:
            raise IntakeFileError(path, FileProblem.DAMAGED, str(exc)) from exc
        except BaseException as exc:
            raise _panic(path, exc) from exc
        if not self.sheet_names:
            raise IntakeFileError(path, FileProblem.EMPTY)

    def prefetch(self, names: Sequence[str | None]) -> None:
        """Start reading these sheets on background threads.

        python-calamine releases the GIL while it parses a sheet, so on two cores the suspects and documents
        sheets load while the cases sheet is read and converted (measured: 5.1 s → 3.4 s for the three
        sheets of a 100 000-case export). Each thread opens its own reader over the same bytes.
        """
        wanted = [n for n in names if n and n in self.sheet_names and n not in self._pending]
        if self._book is None or not wanted:
            return
        pool = ThreadPoolExecutor(max_workers=len(wanted), thread_name_prefix="sheet")
        for name in wanted:
            self._pending[name] = pool.submit(self._load, name, True)
        pool.shutdown(wait=False)  # the submitted reads still run to completion

    def sheet(self, name: str) -> Sheet:
        if self._csv is not None:
            return next(s for s in self._csv if s.name == name)
        pending = self._pending.pop(name, None)
        if pending is not None:
            return pending.result()  # re-raises the IntakeFileError of the reading thread
        return self._load(name, False)

    def _load(self, name: str, own_reader: bool) -> Sheet:
        assert self._book is not None
        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(self._data)) if own_reader else self._book
            raw = book.get_sheet_by_name(name)
            merged = list(raw.merged_cell_ranges or [])
            start = raw.start
            if start is None:
                return Sheet(name, [], merged)
            # calamine's iterator starts at row 1 but at the first used column: leading empty columns are put
            # back so that list index + 1 stays the Excel row and column.
            first_row, first_col = start
            rows: Iterator[Row] = raw.iter_rows()
            if first_col:
                pad: Row = [""] * first_col
                rows = (pad + row for row in rows)
            head: list[Row] = list(itertools.islice(rows, HEAD_ROWS))
            if first_row and head and any(cell != "" for cell in head[0]):
                # This reader's iterator began at the first used row (the start row always holds a value):
                # the empty rows above it are put back too.
                head = [[] for _ in range(first_row)] + head
            marks = self._marks(name)
            if marks is not None and marks.shown:
                head = [_shown(i, row, marks.shown) for i, row in enumerate(head)]
                rows = (_shown(i, row, marks.shown) for i, row in enumerate(rows, len(head)))
            errors = marks.errors if marks is not None else {}
            hidden = marks.hidden if marks is not None else []
            return Sheet(name, head, merged, rows, first_row + raw.height, self._failure, errors, hidden)
        except IntakeFileError:
            raise
        except PasswordError as exc:
            raise IntakeFileError(self.path, FileProblem.ENCRYPTED, str(exc)) from exc
        except (CalamineError, OSError, ValueError) as exc:
            raise IntakeFileError(self.path, FileProblem.DAMAGED, str(exc)) from exc
        except BaseException as exc:
            raise _panic(self.path, exc) from exc

    def _marks(self, name: str) -> xlsx_cells.Marks | None:
        """The error cells and zero-padded numbers of sheet ``name``, if the file has any (xlsx only)."""
        if self._noted is None:
            return None
        with zipfile.ZipFile(io.BytesIO(self._data)) as archive:
            part = xlsx_cells.sheet_part(archive, name)
            if part not in self._noted.sheets:
                return None
            return xlsx_cells.marks(archive, part, self._noted.widths)

    def _failure(self, exc: BaseException) -> BaseException:
        """What a failure of calamine while rows are handed out means: this file is damaged."""
        if isinstance(exc, CalamineError | OSError | ValueError):
            return IntakeFileError(self.path, FileProblem.DAMAGED, str(exc))
        return _panic(self.path, exc)

    def sheets(self) -> Iterator[tuple[str, list[Row]]]:
        """Every sheet as (name, rows), in workbook order."""
        for name in self.sheet_names:
            yield name, self.sheet(name).all_rows()


def _shown(index: int, row: Row, shown: dict[int, dict[int, str]]) -> Row:
    """``row`` (sheet row ``index``) with its zero-padded numbers as the text Excel shows (7 as 007)."""
    for column, text in shown.get(index, {}).items():
        if column < len(row) and row[column].__class__ in (int, float):
            row[column] = text
    return row


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IntakeFileError(path, FileProblem.UNREADABLE, exc.strerror or str(exc)) from exc


def open_workbook(path: Path, data: bytes | None = None) -> Workbook:
    """Open ``path`` (its bytes may be passed when already read, e.g. for hashing)."""
    return Workbook(path, read_bytes(path) if data is None else data)


class MergedFill:
    """Copy each merged range's value into all its cells, for ranges starting below ``below_row`` (0-based),
    one chunk of rows at a time (a range may span chunks: its value is kept from the chunk it starts in).

    Exports merge the cells of a case spanning several suspect rows; every row of the range belongs to
    that value. Ranges in and above the header (titles) are left alone.
    """

    def __init__(self, merged: Merged, below_row: int) -> None:
        self._waiting = sorted(((r0, c0, r1, c1) for (r0, c0), (r1, c1) in merged if r0 > below_row), reverse=True)
        self._active: list[tuple[int, int, int, Cell]] = []  # (c0, c1, r1, value)

    def __call__(self, first: int, rows: list[Row]) -> None:
        """Fill ``rows``, whose first is the sheet's row index ``first``; chunks come in order."""
        end = first + len(rows)
        carried = [a for a in self._active if a[2] >= first]  # ranges begun in an earlier chunk
        for c0, c1, r1, value in carried:
            self._fill(first, rows, first, c0, c1, r1, value)
        begun = []
        while self._waiting and self._waiting[-1][0] < end:
            r0, c0, r1, c1 = self._waiting.pop()
            if r0 >= first and c0 < len(rows[r0 - first]):
                value = rows[r0 - first][c0]
                self._fill(first, rows, r0, c0, c1, r1, value)
                begun.append((c0, c1, r1, value))
        self._active = [a for a in carried + begun if a[2] >= end]

    @staticmethod
    def _fill(first: int, rows: list[Row], start: int, c0: int, c1: int, r1: int, value: Cell) -> None:
        for r in range(start, min(r1, first + len(rows) - 1) + 1):
            row = rows[r - first]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                row[c] = value


def fill_merged(sheet: Sheet, below_row: int) -> None:
    """:class:`MergedFill` over a sheet whose rows are all in memory."""
    MergedFill(sheet.merged, below_row)(0, sheet.all_rows())
