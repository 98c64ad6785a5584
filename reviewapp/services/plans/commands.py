"""Plan records: create, edit the scope and rule of a draft, open, close, reopen; read one or all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewapp.domain.plans import (
    CHANGEABLE,
    PlanEvent,
    PlanMode,
    PlanState,
    PlanTransitionRefused,
    PlanType,
    next_plan_state,
)
from reviewapp.domain.roles import Action
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.services.changes import Kind
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Assignment, Plan, PlanCase, StandardVersion, Unit


class PlanError(KnownError, ValueError):
    """A plan operation that cannot go ahead (message for the user)."""


@dataclass(frozen=True)
class PlanSpec:
    """What a plan says, as typed in the editor or on the command line."""

    name: str
    plan_type: PlanType
    mode: PlanMode
    standard_id: int  # chosen explicitly: never "the newest" (a later import must not change a plan)
    units: tuple[str, ...] = ()
    business_lines: tuple[str, ...] = ()
    case_types: tuple[str, ...] = ()
    closed_from: date | None = None
    closed_to: date | None = None
    due_on: date | None = None
    reviewers_per_case: int = 1
    blind: bool = False
    rule: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanRow:
    id: int
    name: str
    plan_type: str
    mode: str
    state: str
    standard_id: int
    standard: str  # code v version
    units: tuple[str, ...]
    business_lines: tuple[str, ...]
    case_types: tuple[str, ...]
    closed_from: date | None
    closed_to: date | None
    due_on: date | None
    reviewers_per_case: int
    blind: bool
    rule: dict[str, Any]
    seed: int | None
    assign_seed: int | None
    cases: int
    assigned: int

    def to_json(self) -> dict[str, Any]:
        from reviewapp.services.write_path import jsonable

        return {k: jsonable(v) for k, v in self.__dict__.items()}


def load_plan(s: Session, plan_id: int) -> Plan:
    plan = s.get(Plan, plan_id)
    if plan is None or plan.deleted_at is not None:
        raise PlanError(translate("Plans", "Plan {id} does not exist.").format(id=plan_id))
    return plan


def require_changeable(plan: Plan) -> None:
    if PlanState(plan.state) not in CHANGEABLE:
        raise PlanError(translate("Plans", "Plan {name} is closed; reopen it to change it.").format(name=plan.name))


def plan_units(plan: Plan) -> list[int | None]:
    """The units a plan reaches; a plan without units reaches every unit (None: any grant of the action)."""
    return list(plan.unit_ids) if plan.unit_ids else [None]


def require_manage(o: Op, plan: Plan) -> None:
    """Plans are made and run by whoever may assign reviews over every unit of their scope."""
    for unit_id in plan_units(plan):
        o.require(Action.ASSIGN_REVIEWS, unit_id=unit_id)


def _unit_ids(s: Session, names: Sequence[str]) -> list[int]:
    ids = []
    for name in names:
        uid = s.scalar(select(Unit.id).where(Unit.name == name))
        if uid is None:
            raise PlanError(translate("Plans", "No unit is called {name}.").format(name=name))
        ids.append(uid)
    return ids


def _check(s: Session, spec: PlanSpec) -> None:
    if not spec.name.strip():
        raise PlanError(translate("Plans", "A plan needs a name."))
    if s.get(StandardVersion, spec.standard_id) is None:
        raise PlanError(translate("Plans", "Standard version {id} is not stored.").format(id=spec.standard_id))
    if not 1 <= spec.reviewers_per_case <= 9:
        raise PlanError(translate("Plans", "Reviewers per case must be between 1 and 9."))
    if spec.closed_from and spec.closed_to and spec.closed_from > spec.closed_to:
        raise PlanError(translate("Plans", "The closing-date range ends before it starts."))


def _apply(s: Session, plan: Plan, spec: PlanSpec) -> None:
    plan.name = spec.name.strip()
    plan.plan_type = PlanType(spec.plan_type).value
    plan.mode = PlanMode(spec.mode).value
    plan.standard_id = spec.standard_id
    plan.unit_ids = _unit_ids(s, spec.units)
    plan.business_lines = list(spec.business_lines)
    plan.case_types = list(spec.case_types)
    plan.closed_from, plan.closed_to, plan.due_on = spec.closed_from, spec.closed_to, spec.due_on
    plan.reviewers_per_case = spec.reviewers_per_case
    plan.blind = spec.blind
    plan.rule = dict(spec.rule)


@mutation("plan.create", Action.ASSIGN_REVIEWS)
def create_plan(o: Op, spec: PlanSpec) -> PlanRow:
    s = o.session
    _check(s, spec)
    plan = Plan(state=PlanState.DRAFT.value)
    _apply(s, plan, spec)
    require_manage(o, plan)
    o.stamp(plan, new=True)
    s.add(plan)
    s.flush()
    o.touch(Kind.PLAN, plan.id)
    o.audit("plan", plan.id, changes={"state": [None, plan.state]}, name=plan.name, spec=spec.__dict__)
    return plan_row(s, plan)


@mutation("plan.edit", Action.ASSIGN_REVIEWS)
def edit_plan(o: Op, plan_id: int, spec: PlanSpec) -> PlanRow:
    s = o.session
    plan = load_plan(s, plan_id)
    if PlanState(plan.state) != PlanState.DRAFT:
        raise PlanError(translate("Plans", "Only a draft plan's scope and rule can change."))
    _check(s, spec)
    before = plan_row(s, plan).to_json()
    _apply(s, plan, spec)
    require_manage(o, plan)
    o.stamp(plan)
    o.touch(Kind.PLAN, plan.id)
    after = plan_row(s, plan).to_json()
    o.audit("plan", plan.id, changes={k: [before[k], after[k]] for k in after if before[k] != after[k]})
    return plan_row(s, plan)


def _move(o: Op, plan_id: int, event: PlanEvent) -> PlanRow:
    s = o.session
    plan = load_plan(s, plan_id)
    require_manage(o, plan)
    old = plan.state
    try:
        plan.state = next_plan_state(PlanState(old), event).value
    except PlanTransitionRefused as exc:
        raise PlanError(str(exc)) from exc
    o.stamp(plan)
    o.touch(Kind.PLAN, plan.id)
    o.audit("plan", plan.id, changes={"state": [old, plan.state]})
    return plan_row(s, plan)


@mutation("plan.open", Action.ASSIGN_REVIEWS)
def open_plan(o: Op, plan_id: int) -> PlanRow:
    return _move(o, plan_id, PlanEvent.OPEN)


@mutation("plan.close", Action.ASSIGN_REVIEWS)
def close_plan(o: Op, plan_id: int) -> PlanRow:
    return _move(o, plan_id, PlanEvent.CLOSE)


@mutation("plan.reopen", Action.ASSIGN_REVIEWS)
def reopen_plan(o: Op, plan_id: int) -> PlanRow:
    return _move(o, plan_id, PlanEvent.REOPEN)


def plan_row(s: Session, plan: Plan) -> PlanRow:
    sv = s.get(StandardVersion, plan.standard_id)
    assert sv is not None  # RESTRICT foreign key
    names = dict(s.execute(select(Unit.id, Unit.name)).all()) if plan.unit_ids else {}
    cases = s.scalar(
        select(func.count()).select_from(PlanCase).where(PlanCase.plan_id == plan.id, PlanCase.deleted_at.is_(None))
    )
    assigned = s.scalar(
        select(func.count(func.distinct(Assignment.plan_case_id)))
        .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
        .where(PlanCase.plan_id == plan.id, PlanCase.deleted_at.is_(None), Assignment.deleted_at.is_(None))
    )
    return PlanRow(
        id=plan.id,
        name=plan.name,
        plan_type=plan.plan_type,
        mode=plan.mode,
        state=plan.state,
        standard_id=plan.standard_id,
        standard=f"{sv.code} v{sv.version}",
        units=tuple(names.get(u, str(u)) for u in plan.unit_ids),
        business_lines=tuple(plan.business_lines),
        case_types=tuple(plan.case_types),
        closed_from=plan.closed_from,
        closed_to=plan.closed_to,
        due_on=plan.due_on,
        reviewers_per_case=plan.reviewers_per_case,
        blind=plan.blind,
        rule=dict(plan.rule or {}),
        seed=plan.seed,
        assign_seed=plan.assign_seed,
        cases=cases or 0,
        assigned=assigned or 0,
    )


def get_plan(wb: Workbench, plan_id: int) -> PlanRow:
    with wb.db.session() as s:
        return plan_row(s, load_plan(s, plan_id))


def list_plans(wb: Workbench) -> list[PlanRow]:
    with wb.db.session() as s:
        return [plan_row(s, p) for p in s.scalars(select(Plan).where(Plan.deleted_at.is_(None)).order_by(Plan.id))]


def plan_by_name_or_id(wb: Workbench, key: str) -> int:
    with wb.db.session() as s:
        if key.isdigit() and s.get(Plan, int(key)) is not None:
            return int(key)
        found = s.scalar(select(Plan.id).where(Plan.name == key, Plan.deleted_at.is_(None)))
    if found is None:
        raise PlanError(translate("Plans", "No plan is called {name}.").format(name=key))
    return found
