"""Undo of accepting and dismissing suggested findings: the finding comes back exactly as it was (by hand or
absent), the decision is tombstoned (never left saying "accepted" with no finding), and redo brings both
back. Only the review's own reviewer decides on its suggestions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from reviewapp.errors import NotPermitted
from reviewapp.services.checks.run import accept_suggestion, dismiss_suggestion, run_checks, suggestions
from reviewapp.services.reviews.commands import (
    record_finding,
    redo_review_edit,
    review_state,
    start_review,
    undo_review_edit,
    undo_status,
)
from reviewapp.standards import SERIOUS
from reviewapp.storage.models import AuditEntry, CheckDecision
from tests.accounts_fixtures import REVIEWER, sign_in
from tests.core.check_service_fixtures import TODAY, DemoDb, make_demo_db
from tests.core.intake_fixtures import english_ui

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]

PROSECUTION_IN_CUSTODY = "演示-规则-011"  # DL-PROSECUTION, detained: P12 超期羁押, 严重司法错误
RULE = "DL-PROSECUTION"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoDb]:
    made = make_demo_db(tmp_path_factory.mktemp("undo-suggest-db"), random_cases=5)
    run_checks(made.wb, today=TODAY)
    yield made
    made.wb.close()


def _sign_in(demo: DemoDb, name: str) -> None:
    sign_in(demo.wb, name, roles=[REVIEWER], unit="演示市人民检察院", department="案件管理部")


@pytest.fixture
def review_id(demo: DemoDb, request: pytest.FixtureRequest) -> int:
    """A fresh reviewer's review of the custody case (each test its own reviewer, so its own review)."""
    _sign_in(demo, f"撤销评查员{request.node.name[-12:]}")
    return start_review(demo.wb, demo.case_ids[PROSECUTION_IN_CUSTODY]).id


def _decisions(demo: DemoDb, rid: int) -> list[tuple[str, bool]]:
    with demo.wb.db.session() as s:
        rows = s.scalars(select(CheckDecision).where(CheckDecision.review_id == rid).order_by(CheckDecision.id))
        return [(d.decision, d.deleted_at is None) for d in rows]


def test_undo_of_accepting_over_a_finding_by_hand_restores_it_and_removes_the_decision(
    demo: DemoDb, review_id: int
) -> None:
    wb, rid = demo.wb, review_id
    by_hand = record_finding(wb, rid, "P12", SERIOUS, "羁押期限届满未变更强制措施", deduction=20.0)
    (hand,) = by_hand.findings
    open_suggestions = suggestions(wb, rid)
    assert (open_suggestions[0].decision, open_suggestions[0].finding_id) == (None, None)

    accepted = accept_suggestion(wb, rid, RULE)
    (p12,) = accepted.findings
    assert p12.id == hand.id and p12.source_check == RULE and p12.reason != hand.reason
    accepted_suggestions = suggestions(wb, rid)
    assert (accepted_suggestions[0].decision, accepted_suggestions[0].finding_id) == ("accepted", p12.id)
    assert undo_status(wb, rid).undo_label == f"accept suggestion {RULE}"

    # Ctrl+Z: the finding is as it was by hand, and the decision is gone (tombstoned), not "accepted".
    assert undo_review_edit(wb, rid) == by_hand
    assert review_state(wb, rid) == by_hand
    assert suggestions(wb, rid) == open_suggestions
    assert _decisions(demo, rid) == [("accepted", False)]
    # Again: the finding recorded by hand is undone too.
    assert undo_review_edit(wb, rid).findings == ()
    assert suggestions(wb, rid) == open_suggestions
    # Redo twice: back to the accepted suggestion, the same finding and the same decision.
    assert redo_review_edit(wb, rid) == by_hand
    assert redo_review_edit(wb, rid) == accepted
    assert suggestions(wb, rid) == accepted_suggestions
    assert _decisions(demo, rid) == [("accepted", True)]


def test_undo_of_accepting_without_a_finding_and_of_accepting_again(demo: DemoDb, review_id: int) -> None:
    wb, rid = demo.wb, review_id
    empty, open_suggestions = review_state(wb, rid), suggestions(wb, rid)
    first = accept_suggestion(wb, rid, RULE)
    first_suggestions = suggestions(wb, rid)
    again = accept_suggestion(wb, rid, RULE)  # the same finding, a second decision
    assert again.findings == first.findings
    assert undo_review_edit(wb, rid) == first
    assert suggestions(wb, rid) == first_suggestions
    assert _decisions(demo, rid) == [("accepted", True), ("accepted", False)]
    assert undo_review_edit(wb, rid) == empty
    assert suggestions(wb, rid) == open_suggestions
    assert redo_review_edit(wb, rid) == first
    assert redo_review_edit(wb, rid) == again


def test_undo_of_dismissing(demo: DemoDb, review_id: int) -> None:
    wb, rid = demo.wb, review_id
    state, open_suggestions = review_state(wb, rid), suggestions(wb, rid)
    dismiss_suggestion(wb, rid, RULE, "羁押期限已依法延长，案卡漏填")
    dismissed = suggestions(wb, rid)
    assert dismissed[0].decision == "dismissed"
    assert undo_status(wb, rid).undo_label == f"dismiss suggestion {RULE}"
    assert undo_review_edit(wb, rid) == state
    assert suggestions(wb, rid) == open_suggestions
    assert redo_review_edit(wb, rid) == state
    assert suggestions(wb, rid) == dismissed


def test_only_the_reviewer_decides_on_the_suggestions_of_their_review(demo: DemoDb, review_id: int) -> None:
    _sign_in(demo, "另一位评查员")
    before = len(_decisions(demo, review_id))
    with demo.wb.db.session() as s:
        audit = len(list(s.scalars(select(AuditEntry.seq))))
    with pytest.raises(NotPermitted):
        accept_suggestion(demo.wb, review_id, RULE)
    with pytest.raises(NotPermitted):
        dismiss_suggestion(demo.wb, review_id, RULE, "不是我的评查")
    with pytest.raises(NotPermitted):  # nor read them: they are part of the review
        suggestions(demo.wb, review_id)
    with demo.wb.db.session() as s:
        assert len(list(s.scalars(select(AuditEntry.seq)))) == audit
    assert len(_decisions(demo, review_id)) == before
