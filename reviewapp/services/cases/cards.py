"""Rebuild CaseCards (with their suspects) from stored rows, a chunk of cases at a time.

The pre-screening rules run on CaseCard (reviewapp.domain.case_card), the same record the intake reads, so
a stored case is checked exactly as it was imported. Plain column selects instead of ORM entities: at
100 000 cases the identity map and attribute instrumentation would cost more than the rules themselves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.case_card import CaseCard, DocumentRecord, SuspectRecord
from reviewapp.services.cases.card_rows import PLAIN_CASE_ATTRS, SUSPECT_ATTRS, fen_to_amount
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Department, DossierDocument, Person, Suspect, Unit

CHUNK = 2000
# SQLite's default limit of bound parameters is 999 in older builds; stay below it per IN (...) list.
_IN_LIMIT = 900

_CASE_COLUMNS = [getattr(Case, a) for a in PLAIN_CASE_ATTRS]
_SUSPECT_COLUMNS = [getattr(Suspect, a) for a in SUSPECT_ATTRS]


@dataclass(frozen=True)
class StoredCard:
    """A card rebuilt from the database, with the row id and the fingerprint of the card it came from."""

    case_id: int
    card_hash: str
    card: CaseCard


def _slices(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _IN_LIMIT):
        yield list(ids[start : start + _IN_LIMIT])


def load_cards_in(s: Session, case_ids: Sequence[int], *, documents: bool = False) -> list[StoredCard]:
    """Cards of ``case_ids`` (unknown ids are skipped), in the order given, inside an open session."""
    head = (
        select(
            Case.id,
            Case.card_hash,
            Case.dept_case_no,
            Case.amount_fen,
            Unit.name,
            Department.name,
            Person.name,
            Person.staff_no,
            Case.extra,
            *_CASE_COLUMNS,
        )
        .join(Unit, Unit.id == Case.unit_id)
        .join(Department, Department.id == Case.department_id)
        .join(Person, Person.id == Case.prosecutor_id)
    )
    rows: dict[int, Any] = {}
    suspects: dict[int, list[SuspectRecord]] = defaultdict(list)
    docs: dict[int, list[DocumentRecord]] = defaultdict(list)
    for part in _slices(case_ids):
        for r in s.execute(head.where(Case.id.in_(part))):
            rows[r[0]] = r
        stmt = select(Suspect.case_id, *_SUSPECT_COLUMNS, Suspect.extra).where(Suspect.case_id.in_(part))
        for r in s.execute(stmt.order_by(Suspect.case_id, Suspect.ordinal)):
            values = dict(zip(SUSPECT_ATTRS, r[1:-1], strict=True))
            suspects[r[0]].append(SuspectRecord(dept_case_no="", extra=dict(r[-1] or {}), **values))
        if documents:
            dstmt = select(DossierDocument.case_id, DossierDocument.title, DossierDocument.original_name)
            for cid, title, name in s.execute(
                dstmt.where(DossierDocument.case_id.in_(part)).order_by(DossierDocument.id)
            ):
                docs[cid].append(DocumentRecord(dept_case_no="", title=title, path=name))
    out: list[StoredCard] = []
    for cid in case_ids:
        found = rows.get(cid)
        if found is None:
            continue
        r = found
        values = dict(zip(PLAIN_CASE_ATTRS, r[9:], strict=True))
        values["dossier_paths"] = list(values.get("dossier_paths") or [])
        values["extra"] = dict(r[8] or {})
        card = CaseCard(
            dept_case_no=r[2],
            unit=r[4],
            department=r[5],
            prosecutor=r[6],
            prosecutor_staff_no=r[7],
            amount=fen_to_amount(r[3]),
            **values,
        )
        for sp in suspects.get(cid, ()):
            sp.dept_case_no = card.dept_case_no
        card.suspects = suspects.get(cid, [])
        for d in docs.get(cid, ()):
            d.dept_case_no = card.dept_case_no
        card.documents = docs.get(cid, [])
        out.append(StoredCard(cid, r[1], card))
    return out


def load_cards(wb: Workbench, case_ids: Sequence[int], *, documents: bool = False) -> list[StoredCard]:
    """Cards of ``case_ids`` in one short session (the order given; unknown ids skipped)."""
    with wb.db.session() as s:
        return load_cards_in(s, case_ids, documents=documents)


def all_case_ids(wb: Workbench) -> list[int]:
    with wb.db.session() as s:
        return list(s.scalars(select(Case.id).order_by(Case.id)))


def iter_cards(
    wb: Workbench, case_ids: Sequence[int] | None = None, *, chunk: int = CHUNK
) -> Iterator[list[StoredCard]]:
    """Chunks of cards (None = every case). Each chunk is read in its own session, closed before it is
    yielded: a caller may write between chunks without holding a read transaction open."""
    ids = all_case_ids(wb) if case_ids is None else list(case_ids)
    for start in range(0, len(ids), chunk):
        yield load_cards(wb, ids[start : start + chunk])
