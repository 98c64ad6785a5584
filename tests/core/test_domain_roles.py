"""The permission table and scopes (review-rules.md §1 roles), as pure functions over a unit tree."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reviewapp.domain.roles import GRANTS, Action, Grant, Role, Scope, grants_action, permits

# province(1) → city(2) → district(3), and another city(4) with its district(5)
PARENTS: dict[int, int | None] = {1: None, 2: 1, 3: 2, 4: 1, 5: 4}


def parent_of(unit: int) -> int | None:
    return PARENTS.get(unit)


def test_only_the_system_administrator_manages_accounts() -> None:
    assert [r for r in Role if Action.MANAGE_ACCOUNTS in GRANTS[r]] == [Role.SYSTEM_ADMIN]


def test_only_review_administrators_import_and_edit_standards() -> None:
    assert [r for r in Role if Action.IMPORT_CASES in GRANTS[r]] == [Role.REVIEW_ADMIN]
    assert [r for r in Role if Action.MANAGE_STANDARDS in GRANTS[r]] == [Role.REVIEW_ADMIN]


def test_notices_are_issued_by_case_management_head_or_review_administrator() -> None:
    assert {r for r in Role if Action.ISSUE_NOTICES in GRANTS[r]} == {Role.CASE_MANAGEMENT_HEAD, Role.REVIEW_ADMIN}


def test_a_prosecutor_only_answers_the_opinions_on_their_own_cases() -> None:
    assert GRANTS[Role.PROSECUTOR] == frozenset({Action.OWN_ACCOUNT, Action.PROCESS_DUE, Action.ANSWER_FEEDBACK})


def test_determination_authority_follows_the_grade() -> None:
    # review-rules.md §1 step 10: 合格 by the deputy chief; the other grades by the chief (or the committee).
    assert {r for r in Role if Action.DETERMINE_QUALIFIED in GRANTS[r]} == {Role.DEPUTY_CHIEF, Role.CHIEF}
    assert {r for r in Role if Action.DETERMINE in GRANTS[r]} == {Role.CHIEF}
    assert {r for r in Role if Action.REOPEN_DETERMINED in GRANTS[r]} == {Role.CHIEF}


def test_everyone_may_change_their_own_password() -> None:
    assert all(Action.OWN_ACCOUNT in GRANTS[r] for r in Role)


def test_unit_scope_covers_only_its_unit() -> None:
    g = [Grant(Role.REVIEWER, Scope.UNIT, 2)]
    assert permits(g, Action.SCORE, 2, parent_of)
    assert not permits(g, Action.SCORE, 3, parent_of)
    assert not permits(g, Action.SCORE, 1, parent_of)


def test_unit_tree_scope_covers_the_units_below() -> None:
    g = [Grant(Role.REVIEWER, Scope.UNIT_TREE, 2)]
    assert permits(g, Action.SCORE, 2, parent_of)
    assert permits(g, Action.SCORE, 3, parent_of)
    assert not permits(g, Action.SCORE, 4, parent_of)
    assert not permits(g, Action.SCORE, 5, parent_of)
    assert not permits(g, Action.SCORE, 1, parent_of)


def test_province_scope_covers_every_unit_and_none() -> None:
    g = [Grant(Role.REVIEWER, Scope.PROVINCE, None)]
    assert all(permits(g, Action.SCORE, u, parent_of) for u in PARENTS)
    assert permits(g, Action.SCORE, None, parent_of)


def test_a_role_without_the_action_never_permits_it() -> None:
    g = [Grant(Role.PROSECUTOR, Scope.PROVINCE, None)]
    assert not permits(g, Action.SCORE, 3, parent_of)
    assert not grants_action(g, Action.SCORE)


def test_a_cycle_in_the_unit_tree_does_not_loop() -> None:
    cyclic = {1: 2, 2: 1}
    g = [Grant(Role.REVIEWER, Scope.UNIT_TREE, 9)]
    assert not permits(g, Action.SCORE, 1, cyclic.get)


@given(
    st.lists(
        st.tuples(st.sampled_from(list(Role)), st.sampled_from(list(Scope)), st.sampled_from([1, 2, 3, 4, 5])),
        max_size=4,
    ),
    st.sampled_from(list(Action)),
    st.sampled_from([1, 2, 3, 4, 5]),
)
def test_permits_implies_some_role_grants_the_action(
    raw: list[tuple[Role, Scope, int]], action: Action, unit: int
) -> None:
    grants = [Grant(r, s, u) for r, s, u in raw]
    if permits(grants, action, unit, parent_of):
        assert grants_action(grants, action)
    # adding a province-wide grant of a role holding the action always permits it
    holder = next(r for r in Role if action in GRANTS[r])
    assert permits([*grants, Grant(holder, Scope.PROVINCE, None)], action, unit, parent_of)
