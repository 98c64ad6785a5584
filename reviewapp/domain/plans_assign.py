"""Assigning reviewers to a plan's cases: hard recusal rules and a balanced, seeded assignment.

review-rules.md §1 (回避): a reviewer never reviews a case they handled (at any stage: the cases sharing its
统一受案号), nor one of their own department;
in 交叉评查 never one of their own unit; cases handled by the 检察长 or deputies are reviewed by the level
above (提级评查). A reviewer's declared conflict excludes them too unless an administrator dismissed it. A case
left with no eligible reviewer is reported, never assigned to someone in conflict.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reviewapp.domain.plans import PlanMode


@dataclass(frozen=True)
class Identity:
    """How the roster recognises one person entered twice: same unit, and the same staff number when both
    have one, else the same name (services.cases.people.OrgResolver; reviews.guard.recusal_problem)."""

    unit_id: int | None
    staff_no: str | None
    name: str

    def same_as(self, other: Identity) -> bool:
        if self.unit_id is None or self.unit_id != other.unit_id:
            return False
        if self.staff_no and other.staff_no:
            return self.staff_no == other.staff_no
        return self.name == other.name


@dataclass(frozen=True)
class Reviewer:
    person_id: int
    unit_id: int | None
    department_id: int | None
    identity: Identity
    covers: frozenset[int] | None = None  # units their 评查员 role reaches; None = every unit


@dataclass(frozen=True)
class CaseToAssign:
    case_id: int
    unit_id: int
    parent_unit_id: int | None
    department_id: int
    handler_id: int
    handler_identity: Identity
    handled_by_chief: bool = False  # 检察长 / 副检察长: reviewed by the level above only
    # Those who handled the same matter at another stage (another case with its 统一受案号: the arrest review
    # of a case now under prosecution review …).
    stage_handlers: frozenset[int] = frozenset()


class Refusal:
    """Why a reviewer may not review a case (stable codes; the service words them)."""

    HANDLED = "handled"
    STAGE = "stage"  # handled the same matter at another stage
    DEPARTMENT = "department"
    UNIT = "unit"  # 交叉评查
    NOT_HIGHER = "not_higher"  # 提级评查: only the unit above reviews
    CONFLICT = "conflict"  # declared and not dismissed
    SCOPE = "scope"  # their 评查员 role does not reach the case's unit


def refusal(case: CaseToAssign, r: Reviewer, mode: PlanMode, conflicts: frozenset[tuple[int, int]]) -> str | None:
    if r.person_id == case.handler_id or r.identity.same_as(case.handler_identity):
        return Refusal.HANDLED
    if r.person_id in case.stage_handlers:
        return Refusal.STAGE
    if r.department_id is not None and r.department_id == case.department_id:
        return Refusal.DEPARTMENT
    if mode == PlanMode.CROSS and r.unit_id == case.unit_id:
        return Refusal.UNIT
    if (mode == PlanMode.HIGHER or case.handled_by_chief) and (
        case.parent_unit_id is None or r.unit_id != case.parent_unit_id
    ):
        return Refusal.NOT_HIGHER
    if r.covers is not None and case.unit_id not in r.covers:
        return Refusal.SCOPE
    if (r.person_id, case.case_id) in conflicts:
        return Refusal.CONFLICT
    return None


@dataclass
class AssignmentResult:
    assigned: dict[int, list[int]] = field(default_factory=dict)  # case → reviewers (panel order)
    unassignable: dict[int, int] = field(default_factory=dict)  # case → how many reviewers were missing
    needs_higher: list[int] = field(default_factory=list)  # cases of the 检察长/deputies in a non-提级 plan


def assign(
    cases: Sequence[CaseToAssign],
    reviewers: Sequence[Reviewer],
    *,
    mode: PlanMode,
    per_case: int,
    seed: int,
    conflicts: Iterable[tuple[int, int]] = (),
    load: dict[int, int] | None = None,
) -> AssignmentResult:
    """Give each case ``per_case`` distinct eligible reviewers, always the least loaded (``load`` = cases
    already assigned), ties broken by a seeded ranking. Cases are taken in id order, so the result depends only
    on the inputs and the seed."""
    blocked = frozenset(conflicts)
    rng = random.Random(seed)
    ranked = sorted(reviewers, key=lambda r: r.person_id)
    rank = {r.person_id: i for i, r in enumerate(rng.sample(ranked, len(ranked)))}
    loads = {r.person_id: (load or {}).get(r.person_id, 0) for r in ranked}
    by_unit: dict[int | None, list[Reviewer]] = {}
    for r in ranked:
        by_unit.setdefault(r.unit_id, []).append(r)
    heaps: dict[object, list[tuple[int, int, int]]] = {}
    people = {r.person_id: r for r in ranked}

    def heap_for(key: object, members: list[Reviewer]) -> list[tuple[int, int, int]]:
        h = heaps.get(key)
        if h is None:
            h = [(loads[r.person_id], rank[r.person_id], r.person_id) for r in members]
            heapq.heapify(h)
            heaps[key] = h
        return h

    result = AssignmentResult()
    for case in sorted(cases, key=lambda c: c.case_id):
        higher = mode == PlanMode.HIGHER or case.handled_by_chief
        if case.handled_by_chief and mode != PlanMode.HIGHER:
            result.needs_higher.append(case.case_id)
        if higher:
            members = by_unit.get(case.parent_unit_id, []) if case.parent_unit_id is not None else []
            heap = heap_for(("unit", case.parent_unit_id), members)
        else:
            heap = heap_for("all", ranked)
        chosen: list[int] = []
        skipped: list[tuple[int, int, int]] = []
        while heap and len(chosen) < per_case:
            entry = heapq.heappop(heap)
            cur_load, _, pid = entry
            if cur_load != loads[pid]:  # stale entry: the reviewer was loaded through another heap
                heapq.heappush(heap, (loads[pid], entry[1], pid))
                continue
            if refusal(case, people[pid], mode, blocked) is None:
                chosen.append(pid)
            else:
                skipped.append(entry)
        if len(chosen) < per_case:
            for pid in chosen:  # put back unchanged: the case is reported, nobody is assigned
                skipped.append((loads[pid], rank[pid], pid))
            result.unassignable[case.case_id] = per_case - len(chosen)
        else:
            for pid in chosen:
                loads[pid] += 1
                skipped.append((loads[pid], rank[pid], pid))
            result.assigned[case.case_id] = chosen
        for entry in skipped:
            heapq.heappush(heap, entry)
    return result
