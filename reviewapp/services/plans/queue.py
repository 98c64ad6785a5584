"""Reads over assignments: the reviewer's queue (我的评查任务), a plan's progress, the assignment behind a
review start, and the plan columns of the case list."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.plans import PlanState
from reviewapp.domain.review_status import ReviewKind, ReviewStatus
from reviewapp.i18n import translate
from reviewapp.services.panel.blind import blind_member_ids
from reviewapp.services.plans.commands import load_plan
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Assignment, Case, Person, Plan, PlanCase, Review, Unit

# Progress buckets of one assignment.
ASSIGNED, IN_REVIEW, SUBMITTED = "assigned", "in_review", "submitted"


def bucket_label(bucket: str) -> str:
    return {
        ASSIGNED: translate("Plans", "assigned"),
        IN_REVIEW: translate("Plans", "in review"),
        SUBMITTED: translate("Plans", "submitted"),
    }[bucket]


def _bucket(review_status: str | None) -> str:
    if review_status is None:
        return ASSIGNED
    return SUBMITTED if review_status == ReviewStatus.SUBMITTED.value else IN_REVIEW


@dataclass(frozen=True)
class QueueRow:
    assignment_id: int
    plan_id: int
    plan: str
    plan_type: str
    due_on: date | None
    case_id: int
    dept_case_no: str
    case_name: str
    status: str  # ASSIGNED / IN_REVIEW / SUBMITTED
    grade: str | None
    overdue: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "plan": self.plan,
            "type": self.plan_type,
            "due": self.due_on.isoformat() if self.due_on else None,
            "case": self.dept_case_no,
            "name": self.case_name,
            "status": self.status,
            "grade": self.grade,
            "overdue": self.overdue,
        }


def _reviews(s: Session, pairs: set[tuple[int, int]]) -> dict[tuple[int, int], Review]:
    """Latest live review per (case, reviewer)."""
    out: dict[tuple[int, int], Review] = {}
    if not pairs:
        return out
    cases = {c for c, _ in pairs}
    for r in s.scalars(
        select(Review)
        .where(Review.case_id.in_(cases), Review.kind == ReviewKind.MEMBER.value, Review.deleted_at.is_(None))
        .order_by(Review.round)
    ):
        if (r.case_id, r.reviewer_id) in pairs:
            out[(r.case_id, r.reviewer_id)] = r
    return out


def _live(stmt: Any) -> Any:
    return stmt.where(Assignment.deleted_at.is_(None), PlanCase.deleted_at.is_(None), Plan.deleted_at.is_(None))


def my_queue(wb: Workbench, *, today: date | None = None) -> list[QueueRow]:
    """The logged-in reviewer's assignments in open plans, the earliest due first."""
    person = wb.user.person_id
    if person is None:
        return []
    today = today or date.today()
    with wb.db.session() as s:
        rows = list(
            s.execute(
                _live(
                    select(Assignment.id, Plan, Case.id, Case.dept_case_no, Case.name)
                    .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
                    .join(Plan, Plan.id == PlanCase.plan_id)
                    .join(Case, Case.id == PlanCase.case_id)
                    .where(Assignment.reviewer_id == person, Plan.state == PlanState.OPEN.value)
                )
            )
        )
        reviews = _reviews(s, {(r[2], person) for r in rows})
        out = []
        for aid, plan, case_id, no, name in rows:
            review = reviews.get((case_id, person))
            status = _bucket(review.status if review else None)
            grade = (review.final_grade or review.proposed_grade) if review else None
            overdue = plan.due_on is not None and plan.due_on < today and status != SUBMITTED
            out.append(
                QueueRow(
                    aid, plan.id, plan.name, plan.plan_type, plan.due_on, case_id, no, name, status, grade, overdue
                )
            )
    out.sort(key=lambda q: (q.due_on or date.max, q.plan_id, q.dept_case_no))
    return out


def assignment_for(s: Session, case_id: int, reviewer_id: int) -> Plan | bool | None:
    """The open plan under which ``reviewer_id`` reviews ``case_id``: the Plan when assigned; False when the
    case is in an open plan but not assigned to them; None when the case is in no open plan."""
    plans = list(
        s.execute(
            select(Plan, PlanCase.id)
            .join(PlanCase, PlanCase.plan_id == Plan.id)
            .where(PlanCase.case_id == case_id, PlanCase.deleted_at.is_(None), Plan.deleted_at.is_(None))
            .where(Plan.state == PlanState.OPEN.value)
        )
    )
    if not plans:
        return None
    for plan, pc_id in plans:
        if s.scalar(
            select(Assignment.id).where(
                Assignment.plan_case_id == pc_id, Assignment.reviewer_id == reviewer_id, Assignment.deleted_at.is_(None)
            )
        ):
            return plan
    return False


@dataclass
class Counts:
    assigned: int = 0
    in_review: int = 0
    submitted: int = 0
    overdue: int = 0

    def add(self, bucket: str, overdue: bool) -> None:
        setattr(self, bucket, getattr(self, bucket) + 1)
        self.overdue += overdue

    @property
    def total(self) -> int:
        return self.assigned + self.in_review + self.submitted


@dataclass
class Progress:
    plan_id: int
    plan: str
    due_on: date | None
    cases: int
    unassigned: int
    total: Counts = field(default_factory=Counts)
    by_reviewer: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_unit: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))

    def to_json(self) -> dict[str, Any]:
        def c(x: Counts) -> dict[str, int]:
            return {**x.__dict__, "total": x.total}

        return {
            "plan": self.plan,
            "due": self.due_on.isoformat() if self.due_on else None,
            "cases": self.cases,
            "unassigned": self.unassigned,
            "total": c(self.total),
            "by_reviewer": {k: c(v) for k, v in sorted(self.by_reviewer.items())},
            "by_unit": {k: c(v) for k, v in sorted(self.by_unit.items())},
        }


def plan_progress(wb: Workbench, plan_id: int, *, today: date | None = None) -> Progress:
    today = today or date.today()
    with wb.db.session() as s:
        plan = load_plan(s, plan_id)
        cases = list(
            s.execute(
                select(PlanCase.id, Case.id, Unit.name)
                .join(Case, Case.id == PlanCase.case_id)
                .join(Unit, Unit.id == Case.unit_id)
                .where(PlanCase.plan_id == plan.id, PlanCase.deleted_at.is_(None))
            )
        )
        rows = list(
            s.execute(
                _live(
                    select(Assignment.plan_case_id, Assignment.reviewer_id, Person.name)
                    .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
                    .join(Plan, Plan.id == PlanCase.plan_id)
                    .join(Person, Person.id == Assignment.reviewer_id)
                    .where(PlanCase.plan_id == plan.id)
                )
            )
        )
        case_of = {pc: (c, unit) for pc, c, unit in cases}
        reviews = _reviews(s, {(case_of[pc][0], r) for pc, r, _ in rows})
        p = Progress(plan.id, plan.name, plan.due_on, len(cases), len(case_of.keys() - {pc for pc, _, _ in rows}))
        for pc, reviewer, name in rows:
            case_id, unit = case_of[pc]
            review = reviews.get((case_id, reviewer))
            bucket = _bucket(review.status if review else None)
            overdue = plan.due_on is not None and plan.due_on < today and bucket != SUBMITTED
            for counts in (p.total, p.by_reviewer[name], p.by_unit[unit]):
                counts.add(bucket, overdue)
        return p


@dataclass(frozen=True)
class CasePlanInfo:
    plans: str  # plan names, joined
    status: str  # the furthest review status among its reviews, "" when none
    grade: str


def case_plan_columns(wb: Workbench, ids: list[int]) -> dict[int, CasePlanInfo]:
    """Plan, review status and grade for the case list's rows."""
    out: dict[int, CasePlanInfo] = {}
    if not ids:
        return out
    with wb.db.session() as s:
        plans: dict[int, list[str]] = defaultdict(list)
        for case_id, name in s.execute(
            select(PlanCase.case_id, Plan.name)
            .join(Plan, Plan.id == PlanCase.plan_id)
            .where(PlanCase.case_id.in_(ids), PlanCase.deleted_at.is_(None), Plan.deleted_at.is_(None))
        ):
            plans[case_id].append(name)
        status: dict[int, tuple[str, str]] = {}
        members = select(Review).where(Review.case_id.in_(ids), Review.kind == ReviewKind.MEMBER.value)
        hidden = blind_member_ids(s, wb.user, set(ids))
        for r in s.scalars(members.where(Review.deleted_at.is_(None))):
            bucket = _bucket(r.status)
            # A member's grade is not shown to others while the panel scores blind (panel.blind).
            grade = "" if r.id in hidden else (r.final_grade or r.proposed_grade or "")
            prev = status.get(r.case_id)
            if prev is None or (bucket == SUBMITTED and prev[0] != SUBMITTED):
                status[r.case_id] = (bucket, grade if bucket == SUBMITTED else "")
        for i in ids:
            b, g = status.get(i, ("", ""))
            out[i] = CasePlanInfo("、".join(plans.get(i, [])), bucket_label(b) if b else "", g)
    return out


# The case list's review filter: "none" = no review yet, else a bucket.
NOT_REVIEWED = "none"


def case_ids_for(wb: Workbench, plan_id: int | None, review: str | None) -> set[int] | None:
    """Cases of ``plan_id`` and/or with the review status ``review``; None when neither is asked for."""
    if plan_id is None and review is None:
        return None
    with wb.db.session() as s:
        ids: set[int] | None = None
        if plan_id is not None:
            ids = set(
                s.scalars(select(PlanCase.case_id).where(PlanCase.plan_id == plan_id, PlanCase.deleted_at.is_(None)))
            )
        if review is not None:
            status: dict[int, str] = {}
            for case_id, st in s.execute(
                select(Review.case_id, Review.status).where(
                    Review.deleted_at.is_(None), Review.kind == ReviewKind.MEMBER.value
                )
            ):
                b = _bucket(st)
                if status.get(case_id) != SUBMITTED:
                    status[case_id] = b
            if review == NOT_REVIEWED:
                universe = ids if ids is not None else set(s.scalars(select(Case.id)))
                ids = {i for i in universe if i not in status}
            else:
                matching = {i for i, b in status.items() if b == review}
                ids = matching if ids is None else ids & matching
        return ids


@dataclass(frozen=True)
class PlanCaseRow:
    dept_case_no: str
    method: str
    reason: str
    reviewers: tuple[str, ...]


def plan_case_rows(wb: Workbench, plan_id: int) -> list[PlanCaseRow]:
    """The plan's cases with how and why each was picked, and its reviewers."""
    with wb.db.session() as s:
        plan = load_plan(s, plan_id)
        reviewers: dict[int, list[str]] = defaultdict(list)
        for pc, name in s.execute(
            select(Assignment.plan_case_id, Person.name)
            .join(Person, Person.id == Assignment.reviewer_id)
            .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
            .where(PlanCase.plan_id == plan.id, Assignment.deleted_at.is_(None))
        ):
            reviewers[pc].append(name)
        return [
            PlanCaseRow(no, method, reason, tuple(reviewers.get(pc, [])))
            for pc, no, method, reason in s.execute(
                select(PlanCase.id, Case.dept_case_no, PlanCase.method, PlanCase.reason)
                .join(Case, Case.id == PlanCase.case_id)
                .where(PlanCase.plan_id == plan.id, PlanCase.deleted_at.is_(None))
                .order_by(PlanCase.id)
            )
        ]
