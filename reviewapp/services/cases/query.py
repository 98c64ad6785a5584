"""Reading cases for the list, the detail pane and the headless `cases` command."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from reviewapp.domain.case_card import CASE_FIELDS, SUSPECT_FIELDS
from reviewapp.services.cases.card_rows import PLAIN_CASE_ATTRS, SUSPECT_ATTRS, display, fen_to_amount
from reviewapp.services.cases.list_columns import card_columns
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Department, DossierDocument, Person, Suspect, Unit


@dataclass(frozen=True)
class CaseRow:
    id: int
    dept_case_no: str
    name: str
    case_type: str
    unit: str
    department: str
    prosecutor: str
    transferred_charge: str
    accepted_on: date
    closed_on: date | None


@dataclass(frozen=True)
class DocumentRow:
    id: int
    title: str
    original_name: str
    path: Path
    size: int
    # False when this workstation's dossier store lacks the file: on a shared database another workstation
    # imported it and the shared store (REVIEWAPP_DOSSIER_STORE) is not mounted here or not complete.
    available: bool = True


@dataclass
class CaseDetail:
    row: CaseRow
    card: list[tuple[str, str]] = field(default_factory=list)  # (Chinese column label, value)
    extra: list[tuple[str, str]] = field(default_factory=list)
    suspect_columns: list[str] = field(default_factory=list)
    suspects: list[list[str]] = field(default_factory=list)
    documents: list[DocumentRow] = field(default_factory=list)


def _to_row(r: Any) -> CaseRow:
    return CaseRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] or "", r[8], r[9])


def fetch_rows(wb: Workbench, ids: Sequence[int]) -> dict[int, CaseRow]:
    """Display rows for the given ids (one indexed query; the list calls it for a page at a time)."""
    out: dict[int, CaseRow] = {}
    with wb.db.session() as s:
        for start in range(0, len(ids), 900):
            chunk = list(ids[start : start + 900])
            for r in s.execute(card_columns().where(Case.id.in_(chunk))):
                out[r[0]] = _to_row(r)
    return out


def count_cases(wb: Workbench) -> int:
    with wb.db.session() as s:
        return s.scalar(select(func.count(Case.id))) or 0


def case_id_by_number(wb: Workbench, dept_case_no: str) -> int | None:
    with wb.db.session() as s:
        return s.scalar(select(Case.id).where(Case.dept_case_no == dept_case_no))


def case_detail(wb: Workbench, case_id: int) -> CaseDetail | None:
    with wb.db.session() as s:
        r = s.execute(card_columns().where(Case.id == case_id)).first()
        case = s.get(Case, case_id)
        if r is None or case is None:
            return None
        detail = CaseDetail(row=_to_row(r))
        labels = {f.attr: f.column for f in CASE_FIELDS}
        staff = s.scalar(select(Person.staff_no).where(Person.id == case.prosecutor_id))
        detail.card = [
            (labels["dept_case_no"], case.dept_case_no),
            (labels["unit"], r[4]),
            (labels["department"], r[5]),
            (labels["prosecutor"], r[6]),
            (labels["prosecutor_staff_no"], staff or ""),
        ]
        detail.card += [(labels[a], display(getattr(case, a))) for a in PLAIN_CASE_ATTRS]
        amount = fen_to_amount(case.amount_fen)
        detail.card.append((labels["amount"], "" if amount is None else f"{amount:,.2f}"))
        detail.extra = [(k, display(v)) for k, v in (case.extra or {}).items()]
        slabels = {f.attr: f.column for f in SUSPECT_FIELDS}
        detail.suspect_columns = [slabels[a] for a in SUSPECT_ATTRS]
        for sp in s.scalars(select(Suspect).where(Suspect.case_id == case_id).order_by(Suspect.ordinal)):
            detail.suspects.append([display(getattr(sp, a)) for a in SUSPECT_ATTRS])
        for d in s.scalars(
            select(DossierDocument).where(DossierDocument.case_id == case_id).order_by(DossierDocument.id)
        ):
            detail.documents.append(
                DocumentRow(
                    d.id,
                    d.title,
                    d.original_name,
                    wb.dossiers.path(d.stored_path),
                    d.size,
                    wb.dossiers.available(d.stored_path),
                )
            )
        return detail


@dataclass(frozen=True)
class FilterChoices:
    units: list[tuple[int, str]]
    departments: list[tuple[int, str]]  # label includes the unit
    prosecutors: list[tuple[int, str]]
    case_types: list[str]
    # Which unit each department and prosecutor belongs to: the lists follow the chosen unit.
    department_unit: dict[int, int] = field(default_factory=dict)
    prosecutor_unit: dict[int, int | None] = field(default_factory=dict)


# The distinct case types by a loose index scan: one index seek per type, not a pass over every case.
_CASE_TYPES = text(
    "WITH RECURSIVE t(v) AS (SELECT min(case_type) FROM cases UNION ALL "
    "SELECT (SELECT min(case_type) FROM cases WHERE case_type > t.v) FROM t WHERE t.v IS NOT NULL) "
    "SELECT v FROM t WHERE v IS NOT NULL"
)


def filter_choices(wb: Workbench) -> FilterChoices:
    with wb.db.session() as s:
        units = [(i, n) for i, n in s.execute(select(Unit.id, Unit.name).order_by(Unit.name))]
        depts: list[tuple[int, str]] = []
        dept_unit: dict[int, int] = {}
        for i, d, u, uid in s.execute(
            select(Department.id, Department.name, Unit.name, Unit.id).join(Unit).order_by(Unit.name, Department.name)
        ):
            depts.append((i, f"{u}·{d}"))
            dept_unit[i] = uid
        pros: list[tuple[int, str]] = []
        pros_unit: dict[int, int | None] = {}
        for i, n, person_unit in s.execute(
            select(Person.id, Person.name, Person.unit_id).where(Person.is_prosecutor.is_(True)).order_by(Person.name)
        ):
            pros.append((i, n))
            pros_unit[i] = person_unit
        types = [str(t) for t in s.scalars(_CASE_TYPES)]
    return FilterChoices(units, depts, pros, types, dept_unit, pros_unit)
