"""Case intake into the database: one export file is one transaction.

Good rows import, bad rows are recorded with sheet/row/column/reason, re-importing the same file changes no
case, a newer export updates cases not under review and reports the differences for the rest. Cancelling
rolls the whole file back.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from reviewapp.collector import collector_paused
from reviewapp.domain.case_card import CASE_FIELDS
from reviewapp.domain.roles import Action
from reviewapp.i18n import translate
from reviewapp.intake.errors import IntakeCancelled
from reviewapp.intake.guard import ReadStream, open_stream
from reviewapp.intake.parse import ParsedExport
from reviewapp.services.cancel_wait import cancel_while_waiting
from reviewapp.services.cases.card_rows import display, fen_to_amount
from reviewapp.services.cases.intake_store import ChunkStore
from reviewapp.services.changes import Kind
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.database import Database
from reviewapp.storage.models import (
    Case,
    Department,
    ImportBatch,
    ImportDifference,
    ImportReject,
    Person,
    Unit,
)
from reviewapp.storage.models.base import utcnow

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
_LABELS = {f.attr: f.column for f in CASE_FIELDS}
_LABELS.update(amount_fen=_LABELS["amount"], unit_id="承办单位", department_id="承办部门", prosecutor_id="承办检察官")


# Bookkeeping columns, not case facts: never reported as differences.
_NOT_COMPARED = frozenset(
    {"card_hash", "last_batch_id", "updated_by_id", "created_by_id", "updated_at", "created_at", "dept_case_no"}
)
_ORG_MODELS: dict[str, Any] = {"unit_id": Unit, "department_id": Department, "prosecutor_id": Person}


@dataclass(frozen=True)
class RejectRow:
    file: str
    sheet: str
    row: int | None
    column: str | None
    value: str | None
    reason: str


@dataclass(frozen=True)
class Difference:
    dept_case_no: str
    field: str
    old: str
    new: str


@dataclass
class ImportSummary:
    file: str
    batch_id: int | None = None
    rows_read: int = 0
    rows_rejected: int = 0  # rows not imported (the rejects also hold notes on imported rows and cells)
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    documents_added: int = 0
    rejects: list[RejectRow] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    # Nothing is dropped without a word (import-format.md): the profile applied, sheets not read and why,
    # columns kept as unmapped extras (sheet → headers), exact duplicate rows skipped (sheet, Excel row).
    profile: str | None = None
    skipped_sheets: list[tuple[str, str]] = field(default_factory=list)
    extra_columns: dict[str, list[str]] = field(default_factory=dict)
    duplicates: list[tuple[str, int]] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def note_skipped(self, parsed: ParsedExport) -> None:
        self.profile = parsed.profile
        self.skipped_sheets = list(parsed.skipped_sheets)
        self.extra_columns = {sheet: list(names) for sheet, names in parsed.unknown_columns.items()}
        self.duplicates = list(parsed.duplicates)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "batch_id": self.batch_id,
            "rows_read": self.rows_read,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "rows_rejected": self.rows_rejected,
            "documents_added": self.documents_added,
            "rejects": [r.__dict__ for r in self.rejects],
            "differences": [d.__dict__ for d in self.differences],
            "profile": self.profile,
            "skipped_sheets": [{"sheet": s, "reason": r} for s, r in self.skipped_sheets],
            "extra_columns": self.extra_columns,
            "duplicate_rows": [{"sheet": s, "row": r} for s, r in self.duplicates],
        }


class _Phase:
    """One bar for reading and storing, which overlap: half for the rows read, half for the cards stored."""

    def __init__(self, progress: Progress | None, cancel: Cancel | None) -> None:
        self.progress, self.cancel = progress, cancel
        self.read = self.stored = 0
        self.total = 1

    def parse(self, done: int, total: int) -> None:
        self.read, self.total = done, max(total, 1)
        self._report()

    def store(self, done: int) -> None:
        if self.cancel and self.cancel():
            raise IntakeCancelled()
        self.stored = done
        self._report()

    def finish(self) -> None:
        self.read = self.stored = self.total
        self._report()

    def _report(self) -> None:
        if self.progress:
            self.progress(min(self.read + self.stored, 2 * self.total), 2 * self.total)


def import_cases(
    wb: Workbench,
    path: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    profile: Any = None,
) -> ImportSummary:
    """Import one case export ("cases.import": the change record is ``wb.last_changes``). Raises
    NotPermitted before reading anything, IntakeFileError for an unreadable file, IntakeCancelled on cancel.
    ``profile`` (an intake.profiles.Profile) is applied to this file; without it a saved import profile
    made for the file's layout applies itself (services/cases/profiles.py)."""
    wb.permissions.require_any(wb.user, Action.IMPORT_CASES)
    # Millions of short-lived objects make the cyclic GC rescan everything repeatedly (measured: ~40 % of a
    # 100k-case import, and a full collection between parsing and storing cost 1–3 s); nothing here builds
    # reference cycles, so the collector is paused from parsing to commit.
    try:
        with collector_paused():
            phase = _Phase(progress, cancel)
            summary = _import(wb, path, phase, cancel, profile)
            phase.finish()
            return summary
    finally:
        release_memory(wb.db)


def release_memory(db: Database | None = None) -> None:
    """Give the memory a large import freed back to the system: the chunks are gone, but glibc keeps freed
    blocks in its arenas (measured: +60 MB resident after a 100 000-case import, +2 MB after the trim), and
    the SQLite connections keep the pages they cached (``db``: closed when idle, Database.shed_caches)."""
    import ctypes
    import gc

    from reviewapp.services.cases.search_index import forget_caches

    forget_caches()
    if db is not None:
        db.shed_caches()
    gc.collect()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # not glibc (musl has no malloc_trim)
            ctypes.CDLL(None).malloc_trim(0)


def _import(wb: Workbench, path: Path, phase: _Phase, cancel: Cancel | None, profile: Any = None) -> ImportSummary:
    from reviewapp.services.cases.profiles import read_options

    # Reading the file needs no lock: the reader loads every sheet first, and only then does the store
    # phase open the operation (architecture.md, "The write path"), storing each chunk of cards while the
    # reader builds the next. Another workstation's write waits for the store, never for the file read.
    options = read_options(wb, profile)
    with open_stream(path, phase.parse, cancel, options) as stream, cancel_while_waiting(wb, cancel, IntakeCancelled):
        return _store_import(wb, path, stream, phase)


@mutation("cases.import", Action.IMPORT_CASES)
def _store_import(o: Op, path: Path, stream: ReadStream, phase: _Phase) -> ImportSummary:
    """The store phase of one export: one transaction, all or nothing."""
    s = o.session
    summary = ImportSummary(file=path.name)
    batch = ImportBatch(
        kind="cases",
        source_path=str(path.resolve()),
        source_name=path.name,
        sha256=stream.sha256,
        user_id=o.user.account_id,
    )
    s.add(batch)
    s.flush()
    summary.batch_id = batch.id
    store = ChunkStore(o, batch.id, path.parent, summary, _differences, stream.coverage)
    missing: list[Any] = []
    for wires, locations in stream.chunks():
        missing.extend(store.store(wires, locations))
        phase.store(store.stored)
    parsed: ParsedExport = stream.tail
    summary.rows_read = parsed.counts.rows_read
    summary.rows_rejected = parsed.counts.rejected_rows + store.refused
    summary.note_skipped(parsed)
    summary.rejects.extend(RejectRow(r.file.name, r.sheet, r.row, r.column, r.value, r.reason) for r in parsed.rejects)
    summary.rejects.extend(RejectRow(summary.file, *m) for m in missing)  # missing dossier files, at their cells
    touched = store.touched
    s.add_all(
        ImportReject(
            batch_id=batch.id,
            file=r.file,
            sheet=r.sheet,
            row=r.row,
            column=r.column,
            value=r.value,
            reason=r.reason,
        )
        for r in summary.rejects
    )
    batch.rows_read = summary.rows_read
    batch.imported, batch.updated, batch.unchanged = summary.imported, summary.updated, summary.unchanged
    batch.rejected, batch.differences = summary.rejected, len(summary.differences)
    batch.documents = summary.documents_added
    batch.finished_at = utcnow()
    o.touch(Kind.IMPORT, batch.id)
    # Handed over as the array it is: the change record keeps it compact (services/changes.py).
    o.changes.add(Kind.CASE, touched)
    if summary.documents_added:
        o.changes.add(Kind.DOSSIER, touched)
    o.audit(
        "import_batch",
        batch.id,
        file=path.name,
        sha256=stream.sha256,
        imported=summary.imported,
        updated=summary.updated,
        unchanged=summary.unchanged,
        rejected=summary.rejected,
        differences=len(summary.differences),
        documents=summary.documents_added,
    )
    return summary


def _differences(
    s: Session, case_id: int, dept_case_no: str, values: dict[str, Any], batch_id: int, suspects: bool = True
) -> list[Difference]:
    """Fields a newer export changed on a case under review: recorded, not applied. ``suspects``: whether
    the export's suspects of the case are complete (else they are not compared)."""
    row = s.get(Case, case_id)
    assert row is not None
    out: list[Difference] = []
    for attr, new in values.items():
        if attr in _NOT_COMPARED:
            continue
        old = getattr(row, attr)
        if old != new:
            label = _LABELS.get(attr, attr)
            if attr in _ORG_MODELS:  # show names, not row ids
                model = _ORG_MODELS[attr]
                old, new = (getattr(s.get(model, v), "name", v) for v in (old, new))
            elif attr == "amount_fen":  # in yuan, as the export wrote it, not in the fen it is stored in
                old, new = fen_to_amount(old), fen_to_amount(new)
            d = Difference(dept_case_no, label, display(old), display(new))
            out.append(d)
            s.add(ImportDifference(batch_id=batch_id, case_id=case_id, field=label, old_value=d.old, new_value=d.new))
    if not out and suspects:  # only suspects or documents differ
        msg = translate("Intake", "suspects or documents changed")
        out.append(Difference(dept_case_no, msg, "", ""))
        s.add(ImportDifference(batch_id=batch_id, case_id=case_id, field=msg))
    return out
