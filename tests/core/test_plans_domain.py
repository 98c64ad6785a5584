"""The pure plan rules: the state table, sampling quotas, the same seed giving the same selection and
assignment, and no assignment ever breaking a hard recusal rule (random rosters and case sets)."""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewapp.domain.plans import PlanEvent, PlanMode, PlanState, PlanTransitionRefused, next_plan_state
from reviewapp.domain.plans_assign import CaseToAssign, Identity, Refusal, Reviewer, assign, refusal
from reviewapp.domain.plans_sampling import Quota, stratified_sample


def test_plan_states_move_only_through_the_table() -> None:
    assert next_plan_state(PlanState.DRAFT, PlanEvent.OPEN) is PlanState.OPEN
    assert next_plan_state(PlanState.OPEN, PlanEvent.CLOSE) is PlanState.CLOSED
    assert next_plan_state(PlanState.CLOSED, PlanEvent.REOPEN) is PlanState.OPEN
    with pytest.raises(PlanTransitionRefused):
        next_plan_state(PlanState.OPEN, PlanEvent.OPEN)
    with pytest.raises(PlanTransitionRefused):
        next_plan_state(PlanState.DRAFT, PlanEvent.REOPEN)


@pytest.mark.parametrize(
    ("closed", "leader", "expected"),
    [
        (0, False, 0),
        (1, False, 1),
        (20, False, 1),
        (21, False, 2),
        (40, False, 2),
        (41, False, 3),
        (1, True, 1),
        (3, True, 2),
        (40, True, 2),
        (60, True, 3),
    ],
)
def test_quota_is_five_percent_rounded_up_at_least_one_and_two_for_leaders(
    closed: int, leader: bool, expected: int
) -> None:
    assert Quota().for_prosecutor(closed, leader) == expected


# --- random case sets --------------------------------------------------------------------------------

cases_st = st.lists(st.tuples(st.integers(1, 10_000), st.integers(1, 12)), max_size=300, unique_by=lambda t: t[0])
quota_st = st.builds(
    Quota,
    percent=st.sampled_from([Fraction(5), Fraction(10), Fraction(25, 2), Fraction(1)]),
    minimum=st.integers(0, 3),
    leader_minimum=st.integers(0, 4),
)


@settings(max_examples=150, deadline=None)
@given(cases=cases_st, leaders=st.sets(st.integers(1, 12)), quota=quota_st, seed=st.integers(0, 2**31))
def test_sampling_is_reproducible_and_quotas_hold_for_every_prosecutor(
    cases: list[tuple[int, int]], leaders: set[int], quota: Quota, seed: int
) -> None:
    first = stratified_sample(cases, frozenset(leaders), quota, seed)
    again = stratified_sample(list(reversed(cases)), frozenset(leaders), quota, seed)
    assert first == again, "the same seed gives the same selection, whatever the input order"
    closed = Counter(p for _, p in cases)
    taken = Counter(s.prosecutor_id for s in first)
    for prosecutor, n in closed.items():
        wanted = max(
            math.ceil(n * quota.percent / 100), quota.minimum, quota.leader_minimum if prosecutor in leaders else 0
        )
        assert taken[prosecutor] == min(n, wanted)
        assert taken[prosecutor] >= min(n, math.ceil(n * quota.percent / 100))
    assert {s.case_id for s in first} <= {c for c, _ in cases}


# --- random rosters --------------------------------------------------------------------------------


@st.composite
def rosters(draw: st.DrawFn) -> tuple[list[CaseToAssign], list[Reviewer], set[tuple[int, int]]]:
    units = draw(st.integers(1, 4))
    parents = {u: (0 if u > 0 else None) for u in range(units)}  # unit 0 is above the others
    depts = {(u, d): u * 10 + d for u in range(units) for d in range(3)}
    people = draw(
        st.lists(
            st.tuples(
                st.integers(0, units - 1),
                st.integers(0, 2),
                st.sampled_from(["甲", "乙", "丙", "丁"]),
                st.one_of(st.none(), st.sampled_from(["001", "002"])),
            ),
            min_size=1,
            max_size=25,
        )
    )
    roster = [(pid, u, depts[(u, d)], Identity(u, no, name)) for pid, (u, d, name, no) in enumerate(people, start=1)]
    reviewer_ids = draw(st.sets(st.sampled_from([p[0] for p in roster]), min_size=0, max_size=len(roster)))
    reviewers = [Reviewer(pid, u, d, ident) for pid, u, d, ident in roster if pid in reviewer_ids]
    n_cases = draw(st.integers(0, 40))
    cases = []
    for cid in range(1, n_cases + 1):
        pid, u, d, ident = draw(st.sampled_from(roster))
        cases.append(CaseToAssign(cid, u, parents[u], d, pid, ident, draw(st.booleans())))
    conflicts = draw(st.sets(st.tuples(st.sampled_from([p[0] for p in roster]), st.integers(1, max(n_cases, 1)))))
    return cases, reviewers, conflicts


def _handled(case: CaseToAssign, r: Reviewer) -> bool:
    return r.person_id == case.handler_id or (
        r.unit_id == case.handler_identity.unit_id
        and (
            r.identity.staff_no == case.handler_identity.staff_no
            if r.identity.staff_no and case.handler_identity.staff_no
            else r.identity.name == case.handler_identity.name
        )
    )


@settings(max_examples=200, deadline=None)
@given(
    data=rosters(),
    mode=st.sampled_from(list(PlanMode)),
    per_case=st.integers(1, 3),
    seed=st.integers(0, 2**31),
)
def test_assignment_is_reproducible_never_breaks_recusal_and_reports_the_unassignable(
    data: tuple[list[CaseToAssign], list[Reviewer], set[tuple[int, int]]], mode: PlanMode, per_case: int, seed: int
) -> None:
    cases, reviewers, conflicts = data
    result = assign(cases, reviewers, mode=mode, per_case=per_case, seed=seed, conflicts=conflicts)
    again = assign(
        list(reversed(cases)), list(reversed(reviewers)), mode=mode, per_case=per_case, seed=seed, conflicts=conflicts
    )
    assert result.assigned == again.assigned and result.unassignable == again.unassignable
    by_id = {r.person_id: r for r in reviewers}
    for case in cases:
        assert (case.case_id in result.assigned) != (case.case_id in result.unassignable), "assigned or reported"
        chosen = result.assigned.get(case.case_id, [])
        assert len(chosen) in (0, per_case) and len(set(chosen)) == len(chosen)
        for pid in chosen:
            r = by_id[pid]
            # The hard rules, restated independently of the code under test.
            assert not _handled(case, r), "never a case they handled"
            assert r.department_id != case.department_id, "never their own department"
            if mode == PlanMode.CROSS:
                assert r.unit_id != case.unit_id, "never their own unit in 交叉评查"
            if mode == PlanMode.HIGHER or case.handled_by_chief:
                assert r.unit_id == case.parent_unit_id, "提级评查: the level above"
            assert (pid, case.case_id) not in conflicts, "never against a declared conflict"
        # Reported exactly when recusal leaves fewer eligible reviewers than the case needs.
        eligible = [r for r in reviewers if refusal(case, r, mode, frozenset(conflicts)) is None]
        assert (case.case_id in result.unassignable) == (len(eligible) < per_case)


def test_load_is_balanced_when_nobody_is_in_conflict() -> None:
    reviewers = [Reviewer(100 + i, 1, 50 + i, Identity(1, None, f"评{i}")) for i in range(4)]
    cases = [CaseToAssign(i, 2, 1, 7, 1, Identity(2, None, "承"), False) for i in range(1, 22)]
    result = assign(cases, reviewers, mode=PlanMode.OWN_UNIT, per_case=1, seed=7)
    loads = Counter(r for rs in result.assigned.values() for r in rs)
    assert sorted(loads.values()) == [5, 5, 5, 6]


def test_a_case_nobody_may_review_is_reported_with_the_rule() -> None:
    only = Reviewer(5, 1, 9, Identity(1, None, "评"))
    case = CaseToAssign(1, 1, None, 9, 2, Identity(1, None, "承"), False)
    assert refusal(case, only, PlanMode.OWN_UNIT, frozenset()) == Refusal.DEPARTMENT
    result = assign([case], [only], mode=PlanMode.OWN_UNIT, per_case=1, seed=1)
    assert result.assigned == {} and result.unassignable == {1: 1}


def test_a_chiefs_case_goes_to_the_level_above_and_is_flagged() -> None:
    above = Reviewer(5, 0, 1, Identity(0, None, "上"))
    same = Reviewer(6, 3, 2, Identity(3, None, "同"))
    case = CaseToAssign(1, 3, 0, 9, 2, Identity(3, None, "检察长"), True)
    result = assign([case], [same, above], mode=PlanMode.OWN_UNIT, per_case=1, seed=1)
    assert result.assigned == {1: [5]} and result.needs_higher == [1]
