"""The layout of an export for the mapping dialog: its sheets, each one's header row and a few sample rows.

Read in a child process under the import's memory and time limits, like every read of a user's file
(guard.py explains why); the result is plain data.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from reviewapp.domain.case_card import CASE_FIELDS, SUSPECT_FIELDS
from reviewapp.intake import headers
from reviewapp.intake.errors import FileProblem, IntakeFileError
from reviewapp.intake.readers import Workbook, read_bytes
from reviewapp.intake.table import is_blank_row

SAMPLE_ROWS = 5
_SUSPECT_WORDS = ("嫌疑人", "人员", "当事人", "被告", "涉案人")
_DOCUMENT_WORDS = ("文书", "卷宗", "材料", "附件")


@dataclass
class SheetLayout:
    name: str
    role: str  # "cases" / "suspects" / "documents", or "" when the sheet looks like none of them
    header_index: int | None  # 0-based; None for an empty sheet
    headers: list[str]
    samples: list[list[Any]]
    rows: int  # rows below the header


@dataclass
class ExportLayout:
    file: str
    sha256: str
    sheets: list[SheetLayout]
    cases: list[Any] = field(default_factory=list)  # always empty: lets the guarded reader send it back

    def sheet(self, role: str) -> SheetLayout | None:
        return next((s for s in self.sheets if s.role == role), None)


def _header_index(rows: list[list[Any]]) -> int | None:
    """The row holding a known key column, else the row (of the first 30) with the most text cells."""
    for specs in (CASE_FIELDS, SUSPECT_FIELDS):
        found = headers.find_header_row(rows, specs)
        if found is not None:
            joined = headers.join_sub_header(rows, found, specs)  # a two-row header, as the import reads it
            return joined if joined != found else _grouped(rows, found)
    best, best_count = None, 1
    for index, row in enumerate(rows[: headers.HEADER_SEARCH_ROWS]):
        count = sum(1 for c in row if isinstance(c, str) and c.strip())
        if count > best_count:
            best, best_count = index, count
    return best if best is None else _grouped(rows, best)


def _grouped(rows: list[list[Any]], index: int) -> int:
    """A two-row header whose second row names no known field (收案时间 under 办案时间): the dialog shows the
    names of both rows, to be mapped like any other; the import joins them the same way once mapped."""
    if index + 1 < len(rows) and (joined := headers.grouped_names(rows[index], rows[index + 1])) is not None:
        rows[index + 1] = joined
        return index + 1
    return index


def _role(name: str, known: dict[str, str]) -> str:
    if name in known:
        return known[name]
    if any(w in name for w in _SUSPECT_WORDS):
        return "suspects"
    if any(w in name for w in _DOCUMENT_WORDS):
        return "documents"
    return ""


def read_layout_here(path: Path) -> ExportLayout:
    data = read_bytes(path)
    book = Workbook(path, data)
    names = list(book.sheet_names)
    known: dict[str, str] = {}
    if (cases := headers.case_sheet(names)) is not None:
        known[cases] = "cases"
    for role, name in (("suspects", headers.suspect_sheet(names)), ("documents", headers.document_sheet(names))):
        if name is not None:
            known[name] = role
    sheets: list[SheetLayout] = []
    for name in names:
        rows = book.sheet(name).all_rows()  # the whole sheet: workbook sheets are streamed (readers.Sheet)
        index = _header_index(rows)
        if index is None:
            sheets.append(SheetLayout(name, "", None, [], [], 0))
            continue
        header = [headers.column_letter(i) if c == "" else str(c).strip() for i, c in enumerate(rows[index])]
        body = [r for r in rows[index + 1 :] if not is_blank_row(r)]
        samples = [list(r) for r in body[:SAMPLE_ROWS]]
        sheets.append(SheetLayout(name, _role(name, known), index, header, samples, len(body)))
    if not any(s.role == "cases" for s in sheets):
        # The cases sheet of an unknown layout: the widest of the others (a notes sheet has a line or two),
        # a name with 案件 first; the earlier sheet on a tie, as the first sheet is the default.
        others = [s for s in sheets if s.role == "" and s.header_index is not None]
        if others:
            best = max(others, key=lambda s: ("案件" in s.name, min(len(s.headers), 1 + s.rows), -sheets.index(s)))
            best.role = "cases"
    digest = hashlib.sha256(data).hexdigest()
    return ExportLayout(path.name, digest, sheets)


# --- read in a child process, like every read of a user's file (guard.py) --------------------------------


def _layout_child(conn: Connection, path: str, limit: int, language: str) -> None:
    """Entry point of the reading process: the layout, or why not, then exit."""
    from reviewapp.i18n import current_language, set_language

    if language != current_language():
        set_language(language)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # Windows has no RLIMIT_AS; the time limit still holds
        pass
    try:
        conn.send(("layout", read_layout_here(Path(path))))
    except IntakeFileError as exc:
        conn.send(("file_error", exc.problem.value, exc.detail))
    except BaseException:  # a reader bug or MemoryError: reported, never a crash of the application
        conn.send(("failed",))
    finally:
        conn.close()


def read_layout(path: Path) -> ExportLayout:
    """:func:`read_layout_here` in a guarded child process (memory and time limits as for an import): a
    reader that crashes or runs away on a hostile file becomes an IntakeFileError."""
    from reviewapp.i18n import current_language
    from reviewapp.intake import guard

    path = Path(path)
    if os.environ.get(guard.READER_ENV) == "inprocess":
        return read_layout_here(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IntakeFileError(path, FileProblem.UNREADABLE, exc.strerror or str(exc)) from exc
    ctx = guard._mp_context()
    receiver, sender = ctx.Pipe(duplex=False)
    args = (sender, str(path), guard.memory_limit(size), current_language())
    proc = ctx.Process(target=_layout_child, args=args, daemon=True, name="layout-reader")
    try:
        proc.start()
        sender.close()
        if not receiver.poll(guard.time_limit(size)):
            raise IntakeFileError(path, FileProblem.TIMED_OUT)
        try:
            message = receiver.recv()
        except (EOFError, OSError):
            raise IntakeFileError(path, FileProblem.READER_FAILED) from None
    finally:
        receiver.close()
        if proc.is_alive():
            proc.kill()
        proc.join(5)
    if message[0] == "layout":
        layout: ExportLayout = message[1]
        return layout
    if message[0] == "file_error":
        raise IntakeFileError(path, FileProblem(message[1]), message[2])
    raise IntakeFileError(path, FileProblem.READER_FAILED)
