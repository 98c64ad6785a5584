"""Blindness (review-rules.md §1 step 5): until every member of the panel has submitted, a member's review —
findings, grade, notes, decisions on suggestions, its audit entries — is read by its own reviewer only. These
tests try every read of the core as every role and expect a plain refusal, or nothing of the review."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reviewapp.errors import KnownError, NotPermitted
from reviewapp.services.accounts.audit import audit_log, review_history
from reviewapp.services.checks.suggestions import suggestions
from reviewapp.services.panel.blind import ReviewBlind
from reviewapp.services.panel.compare import compare_case, compare_panel
from reviewapp.services.plans.queue import case_plan_columns
from reviewapp.services.reviews.commands import find_review, list_reviews, review_state
from reviewapp.services.reviews.offline_form import export_review_form
from tests.core.intake_fixtures import english_ui
from tests.core.panel_fixtures import CASE_NO, HANDLER, LEAD, ROLE_ACCOUNTS, SECRET, PanelDb, make_panel_db
from tests.core.plans_fixtures import ADMIN

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]


@pytest.fixture
def p(tmp_path: Path) -> PanelDb:
    db = make_panel_db(tmp_path)
    yield db  # type: ignore[misc]
    db.close()


def _blind_state(p: PanelDb) -> tuple[str, int, int]:
    """The first member submitted, the second has a draft, the third has started: the panel is blind.
    Returns (first member, their review id, their person id)."""
    a, b, _ = p.members
    p.start_all()
    p.score(a, override="不合格")
    p.score(b, submit=False)
    assert p.opinion().status == "in_review"
    return a, p.reviews[a], p.plans.person(a)


def _readers(p: PanelDb) -> list[str]:
    """Everyone but the first member: the other members, every role, the administrator, the prosecutor."""
    return [*p.members[1:], *ROLE_ACCOUNTS, ADMIN, HANDLER]


def _refused(call: Callable[[], Any], secret: str) -> str:
    with pytest.raises(NotPermitted) as caught:
        call()
    message = str(caught.value)
    assert message.strip() and secret not in message and "Traceback" not in message
    return message


def test_no_read_of_the_core_shows_a_members_review_while_the_panel_is_blind(p: PanelDb, tmp_path: Path) -> None:
    a, review_id, person_id = _blind_state(p)
    secret = f"{SECRET}-{a}"
    opinion_id = p.opinion().id
    for name in _readers(p):
        user = p.act_as(name)
        # Single-review reads: refused because of blindness, whatever the role.
        for call in (
            lambda: review_state(p.wb, review_id),
            lambda: find_review(p.wb, p.case_id, person_id),
            lambda: suggestions(p.wb, review_id),
            lambda: review_history(p.wb, review_id),
            lambda: audit_log(p.wb, review_id=review_id),
        ):
            if name == HANDLER:  # refused as the handling prosecutor, or as blind
                _refused(call, secret)
            else:
                with pytest.raises(ReviewBlind, match="1 of 3"):
                    call()
        # The comparison: blind for whoever may otherwise read it, a plain refusal for the rest.
        for call in (lambda: compare_panel(p.wb, opinion_id), lambda: compare_case(p.wb, p.case_id)):
            _refused(call, secret)
        # The offline form prefilled with the member's draft: refused (SCORE first, then blindness).
        form = tmp_path / f"{name}.xlsx"
        _refused(lambda: export_review_form(p.wb, p.case_id, form, reviewer_id=person_id), secret)  # noqa: B023
        # Listings leave the review out, and the case list shows no member's grade.
        assert review_id not in {r.id for r in list_reviews(p.wb, p.case_id)}, name
        assert case_plan_columns(p.wb, [p.case_id])[p.case_id].grade == "", name
        # The audit trail keeps who and when of the member's entries, never what they wrote.
        try:
            rows = audit_log(p.wb)
        except NotPermitted:
            rows = []
        assert rows or not any(g.role.name in {"SYSTEM_ADMIN", "REVIEW_ADMIN"} for g in user.grants), name
        assert all(secret not in repr((r.changes, r.detail)) for r in rows), name
        assert any(r.review_id == review_id for r in rows) or not rows
    # The member reads their own review in full.
    p.act_as(a)
    own = review_state(p.wb, review_id)
    assert {f.reason for f in own.findings} == {f"{secret}-E1", f"{secret}-E5", f"{secret}-F3"}
    assert any(secret in repr(r.changes) for r in review_history(p.wb, review_id))


def test_the_other_members_decisions_on_suggestions_are_hidden(p: PanelDb) -> None:
    from reviewapp.services.checks.suggestions import dismiss_suggestion

    a, b, _ = p.members
    p.start_all()
    p.act_as(a)
    offered = suggestions(p.wb, p.reviews[a])
    assert offered, "the case raises pre-screening suggestions"
    rule = offered[0].rule_id
    dismiss_suggestion(p.wb, p.reviews[a], rule, f"{SECRET}-{a}-dismissed")
    p.score(a)
    p.act_as(b)
    mine = {s.rule_id: s for s in suggestions(p.wb, p.reviews[b])}
    assert mine[rule].earlier == () and f"{SECRET}-{a}" not in repr(mine)
    for name in p.members[1:]:
        p.score(name)
    p.act_as(b)  # once the panel has submitted, the earlier decision is shown again
    assert [e.reason for e in {s.rule_id: s for s in suggestions(p.wb, p.reviews[b])}[rule].earlier] == [
        f"{SECRET}-{a}-dismissed"
    ]


def test_blindness_lifts_when_the_last_member_submits(p: PanelDb) -> None:
    _, review_id, _ = _blind_state(p)
    for name in p.members[1:]:
        p.score(name)
    assert p.opinion().status == "reconciling"
    p.act_as(LEAD)
    assert compare_panel(p.wb, p.opinion().id).open_items == ("E5", "F3")
    p.act_as(ADMIN)  # READ_REVIEWS over the province
    assert review_state(p.wb, review_id).findings
    assert case_plan_columns(p.wb, [p.case_id])[p.case_id].grade
    # The handling prosecutor still reads no member's review, blind or not.
    p.act_as(HANDLER)
    with pytest.raises(NotPermitted, match=HANDLER):
        review_state(p.wb, review_id)
    assert list_reviews(p.wb, p.case_id) == []


def test_the_refusal_names_the_case_and_how_far_the_panel_is(p: PanelDb) -> None:
    _, review_id, _ = _blind_state(p)
    p.act_as(LEAD)
    with pytest.raises(KnownError) as caught:
        review_state(p.wb, review_id)
    assert str(caught.value) == (
        f"Case {CASE_NO} is reviewed blind by a panel of 3: a member's review is read only by its own reviewer "
        "until every member has submitted (1 of 3 have)."
    )
