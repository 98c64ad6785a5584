"""Selecting a plan's cases: a preview first (nothing written), then the commit, which recomputes the same
selection from the same seed inside the write transaction, so what was previewed is what is stored.

Every pick carries the reason it was picked and the card data that fired it; key-case triggers that apply to
a case whose card lacks their data are listed as "not checkable", with why.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from reviewapp.domain.plans import Method, PlanType
from reviewapp.domain.plans_sampling import Quota, parse_percent, stratified_sample
from reviewapp.domain.plans_triggers import CaseFacts, SuspectFacts, Trigger, evaluate
from reviewapp.domain.roles import Action, Role
from reviewapp.i18n import translate
from reviewapp.services.cases.index import CaseFilter, case_index_in
from reviewapp.services.changes import Kind
from reviewapp.services.plans.commands import PlanError, load_plan, plan_units, require_changeable, require_manage
from reviewapp.services.plans.roster import people_holding
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Assignment, Case, Person, Plan, PlanCase, Suspect
from reviewapp.storage.models.base import new_uid, utcnow


@dataclass(frozen=True)
class Pick:
    case_id: int
    dept_case_no: str
    prosecutor: str
    method: Method
    reason: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Unchecked:
    case_id: int
    dept_case_no: str
    trigger: str
    why: str


@dataclass
class Selection:
    plan_id: int
    method: Method
    seed: int | None
    in_scope: int  # closed cases in scope
    picks: list[Pick] = field(default_factory=list)
    already: int = 0  # picked but already in the plan
    not_checkable: list[Unchecked] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "plan": self.plan_id,
            "method": self.method.value,
            "seed": self.seed,
            "in_scope": self.in_scope,
            "already_in_plan": self.already,
            "picks": [
                {"case": p.dept_case_no, "prosecutor": p.prosecutor, "method": p.method.value, "reason": p.reason}
                for p in self.picks
            ],
            "not_checkable": [{"case": u.dept_case_no, "trigger": u.trigger, "why": u.why} for u in self.not_checkable],
        }


def method_of(plan: Plan) -> Method:
    wanted = (plan.rule or {}).get("method")
    if wanted:
        return Method(wanted)
    return {
        PlanType.ROUTINE: Method.SAMPLING,
        PlanType.KEY: Method.TRIGGER,
        PlanType.THEMATIC: Method.THEMATIC if (plan.rule or {}).get("filter") else Method.ALL,
    }[PlanType(plan.plan_type)]


def quota_of(plan: Plan) -> Quota:
    rule = plan.rule or {}
    return Quota(
        percent=parse_percent(rule.get("percent", 5)),
        minimum=int(rule.get("minimum", 1)),
        leader_minimum=int(rule.get("leader_minimum", 2)),
    )


def _scope_rows(s: Session, plan: Plan) -> list[Any]:
    """Closed cases in the plan's scope, of the case types its pinned standard covers (a review is scored
    against the plan's standard, so a case it does not cover cannot be reviewed under the plan)."""
    stmt = select(
        Case.id,
        Case.dept_case_no,
        Case.prosecutor_id,
        Case.case_type,
        Case.disposition,
        Case.unified_case_no,
        Case.closed_on,
        Case.reconsideration_outcome,
        Case.state_compensation,
    ).where(Case.closed_on.is_not(None), Case.case_type.in_(standard_in(s, plan.standard_id).case_types))
    if plan.unit_ids:
        stmt = stmt.where(Case.unit_id.in_(plan.unit_ids))
    if plan.business_lines:
        stmt = stmt.where(Case.business_line.in_(plan.business_lines))
    if plan.case_types:
        stmt = stmt.where(Case.case_type.in_(plan.case_types))
    if plan.closed_from:
        stmt = stmt.where(Case.closed_on >= plan.closed_from)
    if plan.closed_to:
        stmt = stmt.where(Case.closed_on <= plan.closed_to)
    return list(s.execute(stmt.order_by(Case.id)))


def case_filter_from(data: dict[str, Any]) -> CaseFilter:
    values = dict(data)
    for key in ("accepted_from", "accepted_to", "closed_from", "closed_to"):
        if values.get(key):
            values[key] = date.fromisoformat(values[key])
    return CaseFilter(**{k: v for k, v in values.items() if k in CaseFilter.__dataclass_fields__})


# review-rules.md §1 常规抽查 "≥2 per leading prosecutor": the roster's leader mark, or an account holding the
# role of a 院领导 or 部门负责人 (the 提级评查 rule recognises the 检察长 and deputies by their role too).
LEADER_ROLES = (Role.CHIEF.value, Role.DEPUTY_CHIEF.value, Role.DEPARTMENT_HEAD.value)


def _names(s: Session) -> tuple[dict[int, str], set[int]]:
    names: dict[int, str] = {}
    leaders: set[int] = set()
    for pid, name, leader in s.execute(select(Person.id, Person.name, Person.leader)):
        names[pid] = name
        if leader:
            leaders.add(pid)
    leaders |= people_holding(s, LEADER_ROLES)
    return names, leaders


def compute(wb: Workbench, s: Session, plan: Plan, seed: int | None) -> Selection:
    method = method_of(plan)
    rows = _scope_rows(s, plan)
    names, leaders = _names(s)
    if method == Method.SAMPLING and seed is None:
        seed = plan.seed if plan.seed is not None else secrets.randbelow(2**31)
    sel = Selection(plan.id, method, seed if method == Method.SAMPLING else None, len(rows))
    by_id = {r.id: r for r in rows}
    picks: list[Pick] = []
    if method == Method.SAMPLING:
        assert seed is not None
        quota = quota_of(plan)
        for sp in stratified_sample(((r.id, r.prosecutor_id) for r in rows), leaders, quota, seed):
            who = names.get(sp.prosecutor_id, "")
            lead = translate("Plans", " (leader)") if sp.prosecutor_id in leaders else ""
            reason = translate("Plans", "sampled: {n} of {total} closed cases of {who}{lead}, seed {seed}").format(
                n=sp.quota, total=sp.stratum_size, who=who, lead=lead, seed=seed
            )
            data = {"prosecutor": who, "quota": sp.quota, "closed": sp.stratum_size, "seed": seed}
            picks.append(Pick(sp.case_id, by_id[sp.case_id].dept_case_no, who, method, reason, data))
    elif method == Method.TRIGGER:
        wanted = tuple(Trigger(t) for t in (plan.rule or {}).get("triggers", [t.value for t in Trigger]))
        picks, sel.not_checkable = _triggered(s, rows, names, wanted)
    elif method == Method.THEMATIC:
        f = case_filter_from((plan.rule or {}).get("filter", {}))
        matching = set(case_index_in(s).filter(f))
        reason = translate("Plans", "matches the saved filter {name}").format(
            name=(plan.rule or {}).get("filter_name", "")
        )
        picks = [
            Pick(r.id, r.dept_case_no, names.get(r.prosecutor_id, ""), method, reason) for r in rows if r.id in matching
        ]
    else:
        reason = translate("Plans", "every closed case in scope (每案必检)")
        picks = [Pick(r.id, r.dept_case_no, names.get(r.prosecutor_id, ""), method, reason) for r in rows]
    present = set(s.scalars(select(PlanCase.case_id).where(PlanCase.plan_id == plan.id, PlanCase.deleted_at.is_(None))))
    sel.picks = [p for p in picks if p.case_id not in present]
    sel.already = len(picks) - len(sel.picks)
    return sel


def _triggered(
    s: Session, rows: list[Any], names: dict[int, str], wanted: tuple[Trigger, ...]
) -> tuple[list[Pick], list[Unchecked]]:
    refused = frozenset(
        str(n)
        for n, d in s.execute(
            select(Case.unified_case_no, Case.disposition).where(
                Case.case_type == "审查逮捕", Case.unified_case_no.is_not(None)
            )
        )
        if (d or "").startswith("不批准逮捕")
    )
    criminal = [r for r in rows if r.case_type in ("审查逮捕", "审查起诉")]
    suspects: dict[int, list[SuspectFacts]] = defaultdict(list)
    ids = [r.id for r in criminal]
    for chunk in range(0, len(ids), 900):
        for sp in s.scalars(
            select(Suspect).where(Suspect.case_id.in_(ids[chunk : chunk + 900])).order_by(Suspect.ordinal)
        ):
            suspects[sp.case_id].append(
                SuspectFacts(
                    sp.name,
                    sp.measure,
                    sp.prosecuted_charge,
                    sp.judged_charge,
                    sp.sentence,
                    sp.recommended_sentence,
                    sp.arrested_on is not None,
                )
            )
    picks: list[Pick] = []
    unchecked: list[Unchecked] = []
    for r in criminal:
        facts = CaseFacts(
            r.id,
            r.case_type,
            r.disposition,
            r.unified_case_no,
            tuple(suspects[r.id]),
            refused,
            r.reconsideration_outcome,
            r.state_compensation,
        )
        outcomes = evaluate(facts, wanted)
        fired = [o for o in outcomes if o.fired]
        unchecked.extend(Unchecked(r.id, r.dept_case_no, o.trigger.value, o.why) for o in outcomes if o.fired is None)
        if fired:
            reason = "；".join(f"{o.trigger.value}：{o.why}" for o in fired)
            data = {o.trigger.value: o.why for o in fired}
            picks.append(Pick(r.id, r.dept_case_no, names.get(r.prosecutor_id, ""), Method.TRIGGER, reason, data))
    return picks, unchecked


def preview_selection(wb: Workbench, plan_id: int, seed: int | None = None) -> Selection:
    """What committing the selection would add (nothing is written)."""
    with wb.db.session() as s:
        plan = load_plan(s, plan_id)
        for unit_id in plan_units(plan):
            wb.permissions.require(wb.user, Action.ASSIGN_REVIEWS, unit_id=unit_id)
        return compute(wb, s, plan, seed)


@mutation("plan.select", Action.ASSIGN_REVIEWS)
def commit_selection(o: Op, plan_id: int, seed: int | None = None) -> Selection:
    s = o.session
    plan = load_plan(s, plan_id)
    require_manage(o, plan)
    require_changeable(plan)
    sel = compute(o.wb, s, plan, seed)
    # Core bulk insert: a 每案必检 plan may select 100 000 cases, and ORM objects cost ~10x more.
    added = insert_stamped(
        o,
        PlanCase,
        [
            {
                "plan_id": plan.id,
                "case_id": p.case_id,
                "method": p.method.value,
                "reason": p.reason,
                "data": p.data,
                "removed_reason": "",
            }
            for p in sel.picks
        ],
    )
    if sel.seed is not None and plan.seed is None:
        plan.seed = sel.seed
        o.stamp(plan)
    s.flush()
    o.touch(Kind.PLAN, plan.id)
    o.touch(Kind.PLAN_CASE)
    o.audit(
        "plan",
        plan.id,
        method=sel.method.value,
        seed=sel.seed,
        in_scope=sel.in_scope,
        selected=added,
        not_checkable=len(sel.not_checkable),
    )
    return sel


def insert_stamped(o: Op, model: Any, rows: list[dict[str, Any]]) -> int:
    """Insert travelling, attributed rows in bulk (one executemany, no RETURNING: SQLite would run one
    statement a row), stamped like ``o.stamp(row, new=True)``; how many. The change record names the kind
    without the ids (a 每案必检 plan adds 100 000 rows)."""
    if not rows:
        return 0
    now, who = utcnow(), o.user.account_id
    stamped = [
        {**r, "uid": new_uid(), "created_at": now, "updated_at": now, "created_by_id": who, "updated_by_id": who}
        for r in rows
    ]
    o.session.execute(insert(model.__table__), stamped)
    return len(stamped)


def _case_id(s: Session, key: str | int) -> int:
    if isinstance(key, int):
        return key
    found = s.scalar(select(Case.id).where(Case.dept_case_no == key))
    if found is None:
        raise PlanError(translate("Plans", "No case has the number {no}.").format(no=key))
    return found


@mutation("plan.add_case", Action.ASSIGN_REVIEWS)
def add_case(o: Op, plan_id: int, case: str | int, reason: str) -> int:
    """Add a case by hand (e.g. designated by the 检察长), with the reason recorded."""
    s = o.session
    plan = load_plan(s, plan_id)
    require_changeable(plan)
    if not reason.strip():
        raise PlanError(translate("Plans", "Say why the case is added."))
    case_id = _case_id(s, case)
    o.require(Action.ASSIGN_REVIEWS, case_id=case_id)
    c = s.get(Case, case_id)
    if c is None or c.closed_on is None:
        raise PlanError(translate("Plans", "Only closed cases are reviewed."))
    if s.scalar(
        select(PlanCase.id).where(
            PlanCase.plan_id == plan.id, PlanCase.case_id == case_id, PlanCase.deleted_at.is_(None)
        )
    ):
        raise PlanError(translate("Plans", "Case {no} is already in the plan.").format(no=c.dept_case_no))
    row = PlanCase(
        plan_id=plan.id, case_id=case_id, method=Method.MANUAL.value, reason=reason.strip(), data={}, removed_reason=""
    )
    o.stamp(row, new=True)
    s.add(row)
    s.flush()
    o.touch(Kind.PLAN, plan.id)
    o.touch(Kind.PLAN_CASE, row.id)
    o.audit("plan_case", row.id, case_id=case_id, plan=plan.id, reason=reason.strip())
    return row.id


@mutation("plan.remove_case", Action.ASSIGN_REVIEWS)
def remove_case(o: Op, plan_id: int, case: str | int, reason: str) -> int:
    """Take a case out of the plan with a reason; the row and its assignments are tombstoned, not deleted."""
    s = o.session
    plan = load_plan(s, plan_id)
    require_changeable(plan)
    if not reason.strip():
        raise PlanError(translate("Plans", "Say why the case is removed."))
    case_id = _case_id(s, case)
    o.require(Action.ASSIGN_REVIEWS, case_id=case_id)
    row = s.scalar(
        select(PlanCase).where(PlanCase.plan_id == plan.id, PlanCase.case_id == case_id, PlanCase.deleted_at.is_(None))
    )
    if row is None:
        raise PlanError(translate("Plans", "The case is not in the plan."))
    now = utcnow()
    row.deleted_at, row.removed_reason = now, reason.strip()
    o.stamp(row)
    for a in s.scalars(select(Assignment).where(Assignment.plan_case_id == row.id, Assignment.deleted_at.is_(None))):
        a.deleted_at = now
        o.stamp(a)
        o.touch(Kind.ASSIGNMENT, a.id)
    o.touch(Kind.PLAN, plan.id)
    o.touch(Kind.PLAN_CASE, row.id)
    o.audit(
        "plan_case", row.id, case_id=case_id, plan=plan.id, reason=reason.strip(), changes={"removed": [False, True]}
    )
    return row.id
