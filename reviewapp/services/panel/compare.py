"""The panel comparison: checklist item × panel member, each member's severity, reason and evidence, the
disagreements and how the panel lead decided them (review-rules.md §1 steps 6–7).

    compare_panel(wb, opinion_id) -> Comparison        refused (ReviewBlind) while the panel scores blind
    compare_case(wb, case_id) -> Comparison             the case's current review file
    comparison_in(s, opinion) -> Comparison             inside an operation (no permission check)

Who reads it: the members of the panel, and whoever may reconcile (RECONCILE) or read reviews
(READ_REVIEWS) over the case's unit — never the handling prosecutor, who reads only the opinion once it is
sent to them. Nobody reads it while the opinion is in review: the members score blind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.grading import normalise_severity
from reviewapp.domain.review_status import ReviewKind, ReviewStatus
from reviewapp.domain.roles import Action
from reviewapp.errors import NotPermitted
from reviewapp.i18n import translate
from reviewapp.services.accounts.permissions import refusal
from reviewapp.services.panel.blind import ReviewBlind, blind_message
from reviewapp.services.panel.files import ReviewFileError, members_of, opinion_for_case
from reviewapp.services.panel.labels import status_label
from reviewapp.services.panel.opinion import opinion_findings
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.reviews.state import EvidenceRef, FindingRow, build_state
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import jsonable
from reviewapp.standards.model import SEVERITIES
from reviewapp.storage.models import Case, Dissent, JointMeeting, Person, Review


@dataclass(frozen=True)
class MemberColumn:
    review_id: int
    reviewer_id: int
    reviewer: str
    status: str
    proposed_grade: str | None
    final_grade: str | None
    override_reason: str
    ticked_criteria: tuple[str, ...]


@dataclass(frozen=True)
class MemberCell:
    """One member's finding on one item; ``severity`` None: the member found no problem there."""

    review_id: int
    reviewer: str
    severity: str | None
    reason: str
    evidence: tuple[EvidenceRef, ...]
    finding_ids: tuple[int, ...]


@dataclass(frozen=True)
class PanelDecision:
    """What the opinion holds on an item: ``severity`` None = no problem (a reconciled disagreement)."""

    severity: str | None
    origin: str  # agreed | reconciled | revised
    reason: str  # the panel lead's reason (reconciled), the ruling (revised); "" when the members agreed


@dataclass(frozen=True)
class ComparisonRow:
    item_code: str
    item_text: str
    dimension_code: str
    dimension_name: str
    cells: tuple[MemberCell, ...]  # one per member, in the order of ``Comparison.members``
    disagreement: bool
    decision: PanelDecision | None  # None: a disagreement not reconciled yet

    @property
    def open(self) -> bool:
        return self.disagreement and self.decision is None


@dataclass(frozen=True)
class DissentRow:
    id: int
    member: str
    item_code: str | None  # None: dissent from the opinion as a whole
    text: str
    at: datetime


@dataclass(frozen=True)
class MeetingRow:
    id: int
    held_on: date
    attendees: tuple[str, ...]
    minutes: str
    attachments: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Comparison:
    opinion_id: int
    case_id: int
    dept_case_no: str
    file_no: str
    status: str
    status_label: str
    panel_size: int
    members: tuple[MemberColumn, ...]
    rows: tuple[ComparisonRow, ...]  # every item any member found, checklist order
    dissents: tuple[DissentRow, ...]
    meetings: tuple[MeetingRow, ...]
    proposed_grade: str | None
    final_grade: str | None

    @property
    def open_items(self) -> tuple[str, ...]:
        return tuple(r.item_code for r in self.rows if r.open)

    def to_json(self) -> dict[str, Any]:
        def cell(c: MemberCell) -> dict[str, Any]:
            return {
                "reviewer": c.reviewer,
                "severity": c.severity,
                "reason": c.reason,
                "evidence": [{"document_id": e.document_id, "title": e.title, "page": e.page} for e in c.evidence],
            }

        return {
            "opinion_id": self.opinion_id,
            "case": self.dept_case_no,
            "file_no": self.file_no,
            "status": self.status,
            "panel_size": self.panel_size,
            "members": [jsonable(m.__dict__) for m in self.members],
            "items": [
                {
                    "item_code": r.item_code,
                    "item_text": r.item_text,
                    "dimension": r.dimension_name,
                    "disagreement": r.disagreement,
                    "open": r.open,
                    "members": [cell(c) for c in r.cells],
                    "decision": None if r.decision is None else dict(r.decision.__dict__),
                }
                for r in self.rows
            ],
            "open_items": list(self.open_items),
            "dissents": [jsonable(d.__dict__) for d in self.dissents],
            "meetings": [jsonable({**m.__dict__, "attachments": list(m.attachments)}) for m in self.meetings],
            "proposed_grade": self.proposed_grade,
            "final_grade": self.final_grade,
        }


# --- reading ------------------------------------------------------------------------------------------


def load_opinion(s: Session, opinion_id: int) -> Review:
    opinion = s.get(Review, opinion_id)
    if opinion is None or opinion.kind != ReviewKind.OPINION.value or opinion.deleted_at is not None:
        raise ReviewFileError(translate("Panel", "Review file {id} does not exist.").format(id=opinion_id))
    return opinion


def case_opinion(s: Session, case_id: int) -> Review:
    opinion = opinion_for_case(s, case_id)
    if opinion is None:
        number = s.scalar(select(Case.dept_case_no).where(Case.id == case_id))
        raise ReviewFileError(
            translate("Panel", "Case {case} has no review file: no reviewer has started on it.").format(case=number)
        )
    return opinion


def handled_by(s: Session, case: Case, person_id: int | None) -> bool:
    """Whether ``person_id`` is the case's handling prosecutor, also when the roster holds them twice (same
    staff number, or same name within the unit — the identity reviews.guard.recusal_problem uses)."""
    if person_id is None:
        return False
    if person_id == case.prosecutor_id:
        return True
    person, handler = s.get(Person, person_id), s.get(Person, case.prosecutor_id)
    if person is None or handler is None or person.unit_id is None or person.unit_id != handler.unit_id:
        return False
    if person.staff_no and handler.staff_no:
        return bool(person.staff_no == handler.staff_no)
    return bool(person.name == handler.name)


def require_compare(wb: Workbench, s: Session, opinion: Review) -> None:
    """Refuse anyone but a panel member or a reader in scope, the handling prosecutor always, and everyone
    while the panel scores blind."""
    user = wb.user
    case = s.get(Case, opinion.case_id)
    assert case is not None
    if user.account_id is None:
        raise refusal(user, Action.READ_REVIEWS)
    if handled_by(s, case, user.person_id):
        raise NotPermitted(
            translate(
                "Panel", "{user} handled case {case}; the panel's comparison is not shown to the handling prosecutor."
            ).format(user=user.name or user.login, case=case.dept_case_no)
        )
    member = user.person_id is not None and any(m.reviewer_id == user.person_id for m in members_of(s, opinion))
    if not member and not any(
        wb.permissions.allows(user, action, unit_id=case.unit_id) for action in (Action.RECONCILE, Action.READ_REVIEWS)
    ):
        raise refusal(user, Action.READ_REVIEWS)
    if opinion.status == ReviewStatus.IN_REVIEW.value:
        raise ReviewBlind(blind_message(s, opinion))


def compare_panel(wb: Workbench, opinion_id: int) -> Comparison:
    with wb.db.session() as s:
        opinion = load_opinion(s, opinion_id)
        require_compare(wb, s, opinion)
        return comparison_in(s, opinion)


def compare_case(wb: Workbench, case_id: int) -> Comparison:
    with wb.db.session() as s:
        opinion = case_opinion(s, case_id)
        require_compare(wb, s, opinion)
        return comparison_in(s, opinion)


def _rank(severity: str) -> int:
    try:
        return SEVERITIES.index(normalise_severity(severity))
    except ValueError:
        return -1


def _cell(review_id: int, reviewer: str, found: list[FindingRow]) -> MemberCell:
    """A member's cell: the most serious of their findings on the item (as opinion.member_severity)."""
    worst = max((f.severity for f in found), key=_rank) if found else None
    evidence = tuple(dict.fromkeys(e for f in found for e in f.evidence))
    reason = "；".join(dict.fromkeys(f.reason for f in found if f.reason))
    return MemberCell(review_id, reviewer, worst, reason, evidence, tuple(f.id for f in found))


def _decisions(s: Session, opinion: Review) -> dict[str, PanelDecision]:
    out: dict[str, PanelDecision] = {}
    for code, d in (opinion.reconciliation or {}).items():
        out[code] = PanelDecision(d.get("severity"), "reconciled", d.get("reason", ""))
    for f in opinion_findings(s, opinion):
        if f.origin == "reconciled" and f.item_code in out:
            continue
        out[f.item_code] = PanelDecision(f.severity, f.origin or "agreed", f.origin_reason or "")
    return out


def comparison_in(s: Session, opinion: Review) -> Comparison:
    """The comparison of an opinion's members, read in ``s`` (the caller checked who may read it)."""
    standard = standard_in(s, opinion.standard_id)
    case = s.get(Case, opinion.case_id)
    assert case is not None
    members = members_of(s, opinion)
    states = [build_state(s, m, standard_in(s, m.standard_id)) for m in members]
    columns = tuple(
        MemberColumn(
            st.id, st.reviewer_id, st.reviewer_name, st.status.value, st.proposal.grade, st.final_grade,
            st.override_reason, st.ticked_criteria,
        )
        for st in states
    )  # fmt: skip
    codes = {f.item_code for st in states for f in st.findings}
    order = {it.code: i for i, it in enumerate(standard.items)}
    decisions = _decisions(s, opinion) if opinion.status != ReviewStatus.IN_REVIEW.value else {}
    rows = []
    for code in sorted(codes, key=lambda c: (order.get(c, len(order)), c)):
        cells = tuple(_cell(st.id, st.reviewer_name, [f for f in st.findings if f.item_code == code]) for st in states)
        item = standard.item(code)
        dim = standard.dimension(item.dimension)
        disagreement = len({c.severity for c in cells}) > 1
        rows.append(ComparisonRow(code, item.text, dim.code, dim.name, cells, disagreement, decisions.get(code)))
    return Comparison(
        opinion_id=opinion.id,
        case_id=case.id,
        dept_case_no=case.dept_case_no,
        file_no=opinion.file_no or "",
        status=opinion.status,
        status_label=status_label(opinion.status),
        panel_size=opinion.panel_size,
        members=columns,
        rows=tuple(rows),
        dissents=dissents_in(s, opinion),
        meetings=meetings_in(s, opinion),
        proposed_grade=opinion.proposed_grade,
        final_grade=opinion.final_grade,
    )


def dissents_in(s: Session, opinion: Review) -> tuple[DissentRow, ...]:
    rows = s.execute(
        select(Dissent, Person.name)
        .join(Person, Person.id == Dissent.member_id)
        .where(Dissent.opinion_id == opinion.id, Dissent.deleted_at.is_(None))
        .order_by(Dissent.id)
    )
    return tuple(DissentRow(d.id, name, d.item_code, d.text, d.created_at) for d, name in rows)


def meetings_in(s: Session, opinion: Review) -> tuple[MeetingRow, ...]:
    rows = s.scalars(
        select(JointMeeting)
        .where(JointMeeting.opinion_id == opinion.id, JointMeeting.deleted_at.is_(None))
        .order_by(JointMeeting.held_on, JointMeeting.id)
    )
    return tuple(
        MeetingRow(m.id, m.held_on, tuple(m.attendees or ()), m.minutes or "", tuple(m.attachments or ())) for m in rows
    )
