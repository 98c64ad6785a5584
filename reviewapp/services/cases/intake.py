"""Case intake into the database: one export file is one transaction.

Good rows import, bad rows are recorded with sheet/row/column/reason, re-importing the same file changes no
case, a newer export updates cases not under review and reports the differences for the rest. Cancelling
rolls the whole file back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from reviewapp.domain.case_card import CASE_FIELDS, CaseCard
from reviewapp.domain.roles import Action
from reviewapp.i18n import translate
from reviewapp.intake.errors import IntakeCancelled
from reviewapp.intake.parse import ParsedExport, collector_paused, read_export
from reviewapp.services.cancel_wait import cancel_while_waiting
from reviewapp.services.cases.card_rows import card_hash, case_values, display, suspect_values
from reviewapp.services.cases.dossiers import attach_documents_in
from reviewapp.services.cases.people import OrgResolver
from reviewapp.services.changes import Kind
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.bulk import bulk_insert
from reviewapp.storage.models import (
    Case,
    Department,
    ImportBatch,
    ImportDifference,
    ImportReject,
    Person,
    Review,
    Suspect,
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
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    documents_added: int = 0
    rejects: list[RejectRow] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "batch_id": self.batch_id,
            "rows_read": self.rows_read,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "documents_added": self.documents_added,
            "rejects": [r.__dict__ for r in self.rejects],
            "differences": [d.__dict__ for d in self.differences],
        }


class _Phase:
    """Maps parse (first half) and store (second half) progress onto one bar."""

    def __init__(self, progress: Progress | None, cancel: Cancel | None) -> None:
        self.progress, self.cancel = progress, cancel

    def parse(self, done: int, total: int) -> None:
        if self.progress:
            self.progress(done, max(total, 1) * 2)

    def store(self, done: int, total: int) -> None:
        if self.cancel and self.cancel():
            raise IntakeCancelled()
        if self.progress:
            self.progress(total + done, max(total, 1) * 2)


def import_cases(
    wb: Workbench, path: Path, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> ImportSummary:
    """Import one case export ("cases.import": the change record is ``wb.last_changes``). Raises
    NotPermitted before reading anything, IntakeFileError for an unreadable file, IntakeCancelled on cancel."""
    wb.permissions.require_any(wb.user, Action.IMPORT_CASES)
    # Millions of short-lived objects make the cyclic GC rescan everything repeatedly (measured: ~40 % of a
    # 100k-case import, and a full collection between parsing and storing cost 1–3 s); nothing here builds
    # reference cycles, so the collector is paused from parsing to commit.
    with collector_paused():
        return _import(wb, path, _Phase(progress, cancel), cancel)


def _import(wb: Workbench, path: Path, phase: _Phase, cancel: Cancel | None) -> ImportSummary:
    # Parsing needs no lock: only the store phase runs inside the operation (architecture.md, "The write
    # path"), so another workstation's write waits for the store, never for the parse.
    parsed = read_export(path, progress=phase.parse, cancel=cancel)
    with cancel_while_waiting(wb, cancel, IntakeCancelled):
        return _store_import(wb, path, parsed, phase)


@mutation("cases.import", Action.IMPORT_CASES)
def _store_import(o: Op, path: Path, parsed: ParsedExport, phase: _Phase) -> ImportSummary:
    """The store phase of one export: one transaction, all or nothing."""
    s = o.session
    summary = ImportSummary(file=path.name, rows_read=parsed.counts.rows_read)
    summary.rejects.extend(RejectRow(r.file.name, r.sheet, r.row, r.column, r.value, r.reason) for r in parsed.rejects)
    batch = ImportBatch(
        kind="cases",
        source_path=str(path.resolve()),
        source_name=path.name,
        sha256=parsed.sha256,
        user_id=o.user.account_id,
    )
    s.add(batch)
    s.flush()
    summary.batch_id = batch.id
    touched = _store_cards(o, batch.id, parsed.cases, path.parent, summary, phase)
    summary.rejects[:] = [parsed.locate(r) for r in summary.rejects]  # missing dossier files at their cells
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
    o.touch(Kind.CASE, *touched)
    if summary.documents_added:
        o.touch(Kind.DOSSIER, *touched)
    o.audit(
        "import_batch",
        batch.id,
        file=path.name,
        sha256=parsed.sha256,
        imported=summary.imported,
        updated=summary.updated,
        unchanged=summary.unchanged,
        rejected=summary.rejected,
        differences=len(summary.differences),
        documents=summary.documents_added,
    )
    return summary


def _store_cards(
    o: Op,
    batch_id: int,
    cards: list[CaseCard],
    base: Path,
    summary: ImportSummary,
    phase: _Phase,
) -> list[int]:
    """Store new and changed cards; returns the ids of the cases added or changed."""
    s = o.session
    existing = {no: (cid, h) for cid, no, h in s.execute(select(Case.id, Case.dept_case_no, Case.card_hash))}
    under_review = set(s.scalars(select(Review.case_id).where(Review.deleted_at.is_(None)).distinct()))
    user_id = o.user.account_id
    org = OrgResolver(s, user_id)
    now = utcnow()
    new_rows: list[dict[str, Any]] = []
    new_cards: list[CaseCard] = []
    changed: list[tuple[int, CaseCard, dict[str, Any]]] = []
    total = len(cards)
    for i, card in enumerate(cards):
        if i % 2000 == 0:
            phase.store(i // 2, total)
        h = card_hash(card)
        known = existing.get(card.dept_case_no)
        if known is not None and known[1] == h:
            summary.unchanged += 1
            continue
        unit_id = org.unit(card.unit)
        dept_id = org.department(unit_id, card.department)
        values = case_values(card)
        values.update(
            unit_id=unit_id,
            department_id=dept_id,
            prosecutor_id=org.prosecutor(unit_id, dept_id, card.prosecutor, card.prosecutor_staff_no),
            card_hash=h,
            last_batch_id=batch_id,
            updated_by_id=user_id,
            updated_at=now,
        )
        if known is None:
            values.update(dept_case_no=card.dept_case_no, created_by_id=user_id, created_at=now)
            new_rows.append(values)
            new_cards.append(card)
        elif known[0] in under_review:
            summary.differences.extend(_differences(s, known[0], card.dept_case_no, values, batch_id))
        else:
            changed.append((known[0], card, values))
    # Importing is scoped: every unit whose cases this export adds or changes must lie in the user's scope.
    for unit_id in {v["unit_id"] for v in new_rows} | {v["unit_id"] for _, _, v in changed}:
        o.require(Action.IMPORT_CASES, unit_id=unit_id)
    ids: dict[str, int] = {}
    if new_rows:
        # Not the ORM's bulk path with RETURNING, which splices result rows quadratically
        # (measured: 95 s for 10 000 cases). Ids are read back by batch instead.
        bulk_insert(s, cast(Table, Case.__table__), new_rows)
        added = select(Case.id, Case.dept_case_no).where(Case.last_batch_id == batch_id)
        ids = {no: cid for cid, no in s.execute(added)}
        summary.imported = len(new_rows)
    phase.store(int(total * 0.75), total)
    if changed:
        s.execute(update(Case), [dict(v, id=cid) for cid, _, v in changed])
        for start in range(0, len(changed), 900):  # stay under SQLite's bound-parameter limit
            part = [cid for cid, _, _ in changed[start : start + 900]]
            s.execute(delete(Suspect).where(Suspect.case_id.in_(part)))
        summary.updated = len(changed)
    pairs = [(ids[c.dept_case_no], c) for c in new_cards] + [(cid, c) for cid, c, _ in changed]
    suspects = [suspect_values(sp, cid, n) for cid, c in pairs for n, sp in enumerate(c.suspects, 1)]
    if suspects:
        bulk_insert(s, cast(Table, Suspect.__table__), suspects)
    phase.store(int(total * 0.9), total)
    summary.documents_added, missing = attach_documents_in(o, pairs, base)
    summary.rejects.extend(RejectRow(summary.file, *m) for m in missing)
    phase.store(total, total)
    return [cid for cid, _ in pairs]


def _differences(
    s: Session, case_id: int, dept_case_no: str, values: dict[str, Any], batch_id: int
) -> list[Difference]:
    """Fields a newer export changed on a case under review: recorded, not applied."""
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
            d = Difference(dept_case_no, label, display(old), display(new))
            out.append(d)
            s.add(ImportDifference(batch_id=batch_id, case_id=case_id, field=label, old_value=d.old, new_value=d.new))
    if not out:  # only suspects or documents differ
        msg = translate("Intake", "suspects or documents changed")
        out.append(Difference(dept_case_no, msg, "", ""))
        s.add(ImportDifference(batch_id=batch_id, case_id=case_id, field=msg))
    return out
