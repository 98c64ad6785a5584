"""Assigning a plan's cases to reviewers (review-rules.md §1, 分配 and 回避), declared conflicts and their
dismissal, and manual reassignment. The rules are domain.plans_assign; this module gathers the roster, the
pool and the declared conflicts, and stores the result."""

from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewapp.domain.plans import AssignmentStatus, PlanMode, PlanState
from reviewapp.domain.plans_assign import AssignmentResult, CaseToAssign, Identity, Refusal, Reviewer, assign, refusal
from reviewapp.domain.roles import Action, Grant, Role, Scope, permits
from reviewapp.i18n import translate
from reviewapp.legal.local_time import iso_stamp
from reviewapp.services.changes import Kind
from reviewapp.services.plans.commands import PlanError, load_plan, plan_units, require_changeable, require_manage
from reviewapp.services.plans.roster import people_holding
from reviewapp.services.plans.selection import insert_stamped
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import (
    Account,
    AccountRole,
    Assignment,
    Case,
    ConflictDeclaration,
    Person,
    Plan,
    PlanCase,
    Unit,
)
from reviewapp.storage.models.base import utcnow

REVIEWING_ROLES = (Role.REVIEWER.value, Role.PANEL_LEAD.value)
CHIEF_ROLES = (Role.CHIEF.value, Role.DEPUTY_CHIEF.value)
CHIEF_LEADER = "院领导"


def refusal_text(code: str) -> str:
    return {
        Refusal.HANDLED: translate("Plans", "handled the case"),
        Refusal.STAGE: translate("Plans", "handled the same matter at another stage (same 统一受案号)"),
        Refusal.DEPARTMENT: translate("Plans", "works in the handling department"),
        Refusal.UNIT: translate("Plans", "works in the handling unit (交叉评查)"),
        Refusal.NOT_HIGHER: translate("Plans", "not at the level above (提级评查)"),
        Refusal.CONFLICT: translate("Plans", "declared a conflict"),
        Refusal.SCOPE: translate("Plans", "their 评查员 role does not reach the case's unit"),
    }[code]


@dataclass
class AssignmentPlan:
    plan_id: int
    seed: int
    assigned: dict[int, list[int]] = field(default_factory=dict)  # plan case → reviewers
    unassignable: list[tuple[str, str]] = field(default_factory=list)  # (case number, why)
    needs_higher: list[str] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)
    numbers: dict[int, str] = field(default_factory=dict)  # plan case → case number

    def to_json(self) -> dict[str, Any]:
        return {
            "plan": self.plan_id,
            "seed": self.seed,
            "assigned": [
                {"case": self.numbers[pc], "reviewers": [self.names[r] for r in rs]} for pc, rs in self.assigned.items()
            ],
            "unassignable": [{"case": c, "why": w} for c, w in self.unassignable],
            "needs_higher": self.needs_higher,
        }


def _parents(s: Session) -> dict[int, int | None]:
    return dict(s.execute(select(Unit.id, Unit.parent_id)).all())


def reviewer_pool(s: Session, plan: Plan) -> list[Reviewer]:
    """Active accounts holding 评查员 (or 评查组长), limited to the plan's pool units when it names some."""
    parents = _parents(s)
    units = list(parents)
    grants: dict[int, list[Grant]] = defaultdict(list)
    rows = s.execute(
        select(Account.person_id, AccountRole.role, AccountRole.scope, AccountRole.unit_id)
        .join(AccountRole, AccountRole.account_id == Account.id)
        .where(Account.active.is_(True), Account.deleted_at.is_(None), AccountRole.role.in_(REVIEWING_ROLES))
    )
    for pid, role, scope, unit_id in rows:
        grants[pid].append(Grant(Role(role), Scope(scope), unit_id))
    pool_units = set((plan.rule or {}).get("pool_units", []))
    out = []
    for p in s.scalars(select(Person).where(Person.id.in_(list(grants)))):
        if pool_units and p.unit_id not in pool_units:
            continue
        g = grants[p.id]
        covers = (
            None
            if any(x.scope is Scope.PROVINCE for x in g)
            else frozenset(u for u in units if permits(g, Action.SCORE, u, parents.get))
        )
        out.append(Reviewer(p.id, p.unit_id, p.department_id, Identity(p.unit_id, p.staff_no, p.name), covers))
    return out


def active_conflicts(s: Session) -> set[tuple[int, int]]:
    rows = s.execute(
        select(ConflictDeclaration.reviewer_id, ConflictDeclaration.case_id).where(
            ConflictDeclaration.deleted_at.is_(None), ConflictDeclaration.dismissed_reason == ""
        )
    )
    return {(int(r), int(c)) for r, c in rows}


def _chiefs(s: Session) -> set[int]:
    by_roster = s.scalars(select(Person.id).where(Person.leader == CHIEF_LEADER))
    return people_holding(s, CHIEF_ROLES) | set(by_roster)


def _cases(s: Session, plan: Plan, only_open: bool) -> tuple[list[CaseToAssign], dict[int, int], dict[int, str]]:
    """The plan's cases still needing reviewers → (cases keyed by plan-case id, plan case → case, numbers)."""
    parents = _parents(s)
    chiefs = _chiefs(s)
    have = dict(
        s.execute(
            select(Assignment.plan_case_id, func.count())
            .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
            .where(PlanCase.plan_id == plan.id, Assignment.deleted_at.is_(None))
            .group_by(Assignment.plan_case_id)
        ).all()
    )
    rows = s.execute(
        select(PlanCase.id, Case.id, Case.dept_case_no, Case.unit_id, Case.department_id, Case.unified_case_no, Person)
        .join(Case, Case.id == PlanCase.case_id)
        .join(Person, Person.id == Case.prosecutor_id)
        .where(PlanCase.plan_id == plan.id, PlanCase.deleted_at.is_(None))
        .order_by(PlanCase.id)
    ).all()
    stages = stage_handlers(s, {r[5] for r in rows if r[5]})
    out, case_of, numbers = [], {}, {}
    for pc_id, case_id, no, unit_id, dept_id, unified, handler in rows:
        if only_open and have.get(pc_id, 0) >= plan.reviewers_per_case:
            continue
        # The pure rule works on ids: a plan case stands for its case (a case is in a plan once).
        out.append(
            CaseToAssign(
                pc_id,
                unit_id,
                parents.get(unit_id),
                dept_id,
                handler.id,
                Identity(handler.unit_id, handler.staff_no, handler.name),
                handler.id in chiefs,
                frozenset(stages.get(unified, set()) - {handler.id}) if unified else frozenset(),
            )
        )
        case_of[pc_id], numbers[pc_id] = case_id, no
    return out, case_of, numbers


def stage_handlers(s: Session, unified_numbers: set[str]) -> dict[str, set[int]]:
    """统一受案号 → the prosecutors of every case carrying it: one matter's stages (审查逮捕, 审查起诉 …) are
    separate cases under one unified number, and whoever handled one stage took part in the case (§1 回避)."""
    out: dict[str, set[int]] = defaultdict(set)
    numbers = sorted(unified_numbers)
    for start in range(0, len(numbers), 500):  # a bounded IN list per statement
        chunk = numbers[start : start + 500]
        for unified, prosecutor in s.execute(
            select(Case.unified_case_no, Case.prosecutor_id).where(Case.unified_case_no.in_(chunk))
        ):
            if unified is not None:
                out[unified].add(prosecutor)
    return out


def _load(s: Session) -> dict[int, int]:
    """Cases each reviewer already holds in open plans: balancing spans plans."""
    return dict(
        s.execute(
            select(Assignment.reviewer_id, func.count())
            .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
            .join(Plan, Plan.id == PlanCase.plan_id)
            .where(Assignment.deleted_at.is_(None), PlanCase.deleted_at.is_(None), Plan.state == PlanState.OPEN.value)
            .group_by(Assignment.reviewer_id)
        ).all()
    )


def compute_assignment(s: Session, plan: Plan, seed: int | None) -> AssignmentPlan:
    if seed is None:
        seed = plan.assign_seed if plan.assign_seed is not None else secrets.randbelow(2**31)
    cases, case_of, numbers = _cases(s, plan, only_open=True)
    pool = reviewer_pool(s, plan)
    # Declared conflicts are per case; the pure rule sees plan-case ids.
    declared = active_conflicts(s)
    by_case: dict[int, list[int]] = defaultdict(list)
    for pc, c in case_of.items():
        by_case[c].append(pc)
    conflicts = {(r, pc) for r, c in declared for pc in by_case.get(c, [])}
    result: AssignmentResult = assign(
        cases,
        pool,
        mode=PlanMode(plan.mode),
        per_case=plan.reviewers_per_case,
        seed=seed,
        conflicts=conflicts,
        load=_load(s),
    )
    names = dict(s.execute(select(Person.id, Person.name).where(Person.id.in_([r.person_id for r in pool]))).all())
    out = AssignmentPlan(plan.id, seed, result.assigned, names=names, numbers=numbers)
    by_id = {c.case_id: c for c in cases}
    for pc, missing in result.unassignable.items():
        reasons: dict[str, int] = defaultdict(int)
        for r in pool:
            code = refusal(by_id[pc], r, PlanMode(plan.mode), frozenset(conflicts))
            if code:
                reasons[refusal_text(code)] += 1
        why = translate("Plans", "{missing} reviewer(s) short; of {pool} in the pool: {reasons}").format(
            missing=missing, pool=len(pool), reasons="，".join(f"{k} {v}" for k, v in sorted(reasons.items())) or "—"
        )
        out.unassignable.append((numbers[pc], why))
    out.needs_higher = [numbers[pc] for pc in result.needs_higher]
    return out


def preview_assignment(wb: Workbench, plan_id: int, seed: int | None = None) -> AssignmentPlan:
    with wb.db.session() as s:
        plan = load_plan(s, plan_id)
        for unit_id in plan_units(plan):
            wb.permissions.require(wb.user, Action.ASSIGN_REVIEWS, unit_id=unit_id)
        return compute_assignment(s, plan, seed)


@mutation("plan.assign", Action.ASSIGN_REVIEWS)
def assign_plan(o: Op, plan_id: int, seed: int | None = None) -> AssignmentPlan:
    """Assign every case of the plan that still lacks reviewers; cases nobody may review are reported."""
    s = o.session
    plan = load_plan(s, plan_id)
    require_manage(o, plan)
    require_changeable(plan)
    result = compute_assignment(s, plan, seed)
    insert_stamped(
        o,
        Assignment,
        [
            {"plan_case_id": pc, "reviewer_id": r, "status": AssignmentStatus.ASSIGNED.value, "reason": ""}
            for pc, reviewers in result.assigned.items()
            for r in reviewers
        ],
    )
    if plan.assign_seed is None:
        plan.assign_seed = result.seed
        o.stamp(plan)
    s.flush()
    o.touch(Kind.PLAN, plan.id)
    o.touch(Kind.ASSIGNMENT)
    o.audit(
        "plan",
        plan.id,
        seed=result.seed,
        assigned=len(result.assigned),
        unassignable=[c for c, _ in result.unassignable],
        needs_higher=result.needs_higher,
    )
    return result


def _person(s: Session, key: str | int) -> Person:
    if isinstance(key, int):
        p = s.get(Person, key)
    else:
        p = s.scalar(select(Person).join(Account, Account.person_id == Person.id).where(Account.login == key))
        if p is None:
            found = list(s.scalars(select(Person).where(Person.name == key)))
            p = found[0] if len(found) == 1 else None
    if p is None:
        raise PlanError(translate("Plans", "No single reviewer is called {name}.").format(name=key))
    return p


def _plan_case(s: Session, plan_id: int, case_no: str) -> PlanCase:
    pc = s.scalar(
        select(PlanCase)
        .join(Case, Case.id == PlanCase.case_id)
        .where(PlanCase.plan_id == plan_id, Case.dept_case_no == case_no, PlanCase.deleted_at.is_(None))
    )
    if pc is None:
        raise PlanError(translate("Plans", "Case {no} is not in the plan.").format(no=case_no))
    return pc


@mutation("plan.reassign", Action.ASSIGN_REVIEWS)
def reassign(o: Op, plan_id: int, case_no: str, old: str | int, new: str | int, reason: str) -> int:
    """Replace one reviewer of a case by another, with a reason; the new one must pass every recusal rule."""
    s = o.session
    plan = load_plan(s, plan_id)
    require_changeable(plan)
    if not reason.strip():
        raise PlanError(translate("Plans", "Say why the case is reassigned."))
    pc = _plan_case(s, plan.id, case_no)
    o.require(Action.ASSIGN_REVIEWS, case_id=pc.case_id)
    before, after = _person(s, old), _person(s, new)
    current = s.scalar(
        select(Assignment).where(
            Assignment.plan_case_id == pc.id, Assignment.reviewer_id == before.id, Assignment.deleted_at.is_(None)
        )
    )
    if current is None:
        raise PlanError(translate("Plans", "{name} is not assigned to case {no}.").format(name=before.name, no=case_no))
    cases, _, _ = _cases(s, plan, only_open=False)
    target = next(c for c in cases if c.case_id == pc.id)
    pool = {r.person_id: r for r in reviewer_pool(s, plan)}
    if after.id not in pool:
        raise PlanError(translate("Plans", "{name} is not in the plan's reviewer pool.").format(name=after.name))
    conflicts = frozenset((r, pc.id) for r, c in active_conflicts(s) if c == pc.case_id)
    code = refusal(target, pool[after.id], PlanMode(plan.mode), conflicts)
    if code:
        raise PlanError(
            translate("Plans", "{name} may not review case {no}: {why}.").format(
                name=after.name, no=case_no, why=refusal_text(code)
            )
        )
    current.deleted_at, current.status, current.reason = utcnow(), AssignmentStatus.REASSIGNED.value, reason.strip()
    o.stamp(current)
    row = Assignment(plan_case_id=pc.id, reviewer_id=after.id, status=AssignmentStatus.ASSIGNED.value, reason=reason)
    o.stamp(row, new=True)
    s.add(row)
    s.flush()
    o.touch(Kind.ASSIGNMENT, current.id, row.id)
    o.touch(Kind.PLAN, plan.id)
    o.audit("assignment", row.id, case_id=pc.case_id, changes={"reviewer": [before.name, after.name]}, reason=reason)
    return row.id


@mutation("conflict.declare", Action.SCORE)
def declare_conflict(o: Op, case_no: str, reason: str) -> int:
    """The acting reviewer declares a conflict with a case (回避申请); they are not assigned it, and an
    assignment they hold in a changeable plan is withdrawn for reassignment."""
    s = o.session
    if o.user.person_id is None:
        raise PlanError(translate("Plans", "Log in as a reviewer to declare a conflict."))
    if not reason.strip():
        raise PlanError(translate("Plans", "Say why you are in conflict."))
    case_id = s.scalar(select(Case.id).where(Case.dept_case_no == case_no))
    if case_id is None:
        raise PlanError(translate("Plans", "No case has the number {no}.").format(no=case_no))
    o.require(Action.SCORE, case_id=case_id)
    row = ConflictDeclaration(case_id=case_id, reviewer_id=o.user.person_id, reason=reason.strip(), dismissed_reason="")
    o.stamp(row, new=True)
    s.add(row)
    withdrawn = []
    for a in s.scalars(
        select(Assignment)
        .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
        .join(Plan, Plan.id == PlanCase.plan_id)
        .where(
            PlanCase.case_id == case_id,
            Assignment.reviewer_id == o.user.person_id,
            Assignment.deleted_at.is_(None),
            Plan.state.in_([PlanState.DRAFT.value, PlanState.OPEN.value]),
        )
    ):
        a.deleted_at, a.status, a.reason = utcnow(), AssignmentStatus.REASSIGNED.value, reason.strip()
        o.stamp(a)
        withdrawn.append(a.id)
    s.flush()
    o.touch(Kind.CONFLICT, row.id)
    o.touch(Kind.ASSIGNMENT, *withdrawn)
    o.audit("conflict", row.id, case_id=case_id, reason=reason.strip(), withdrawn=withdrawn)
    return row.id


@mutation("conflict.dismiss", Action.ASSIGN_REVIEWS)
def dismiss_conflict(o: Op, conflict_id: int, reason: str) -> int:
    """An administrator dismisses a false-positive conflict with a reason; the reviewer may be assigned again."""
    s = o.session
    row = s.get(ConflictDeclaration, conflict_id)
    if row is None or row.deleted_at is not None:
        raise PlanError(translate("Plans", "Conflict {id} does not exist.").format(id=conflict_id))
    o.require(Action.ASSIGN_REVIEWS, case_id=row.case_id)
    if not reason.strip():
        raise PlanError(translate("Plans", "Say why the conflict is dismissed."))
    if row.dismissed_reason:
        raise PlanError(translate("Plans", "The conflict is already dismissed."))
    row.dismissed_reason, row.dismissed_by_id = reason.strip(), o.user.account_id
    o.stamp(row)
    o.touch(Kind.CONFLICT, row.id)
    o.audit("conflict", row.id, case_id=row.case_id, changes={"dismissed": ["", reason.strip()]})
    return row.id


@dataclass(frozen=True)
class ConflictRow:
    id: int
    case: str
    reviewer: str
    reason: str
    declared_at: str
    dismissed_reason: str


def list_conflicts(wb: Workbench) -> list[ConflictRow]:
    with wb.db.session() as s:
        rows = s.execute(
            select(ConflictDeclaration, Case.dept_case_no, Person.name)
            .join(Case, Case.id == ConflictDeclaration.case_id)
            .join(Person, Person.id == ConflictDeclaration.reviewer_id)
            .where(ConflictDeclaration.deleted_at.is_(None))
            .order_by(ConflictDeclaration.id)
        )
        return [
            ConflictRow(c.id, no, name, c.reason, iso_stamp(c.created_at, "minutes") or "", c.dismissed_reason)
            for c, no, name in rows
        ]
