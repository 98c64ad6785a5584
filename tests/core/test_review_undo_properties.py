"""Property: whatever mix of edits, undos and redos a reviewer makes, the review is always the state a simple
model predicts — a history of states with a cursor, where an edit drops what could be redone, saves of one
reason (or one justification, one grade reason) being typed extend their step, and an edit that changes
nothing is no step. After every call the stored proposal matches the findings and each item has at most one
live finding."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from reviewapp.i18n import DEFAULT_LANGUAGE, speaking
from reviewapp.services.reviews.commands import (
    ReviewError,
    ReviewState,
    record_finding,
    redo_review_edit,
    remove_finding,
    review_state,
    set_criteria,
    set_grade_override,
    start_review,
    undo_review_edit,
    undo_status,
    update_finding,
)
from reviewapp.standards import load_shipped_standards
from reviewapp.storage.models import Finding, FindingEvidence, Review, UndoStep
from reviewapp.storage.models.base import utcnow
from tests.core.intake_fixtures import english_ui
from tests.core.reviews_fixtures import CLOSED, ReviewDb, make_review_db

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]

STANDARD = next(s for s in load_shipped_standards() if s.code == "XS-PCZ")
ITEMS = [it for it in STANDARD.items_for("审查起诉") if len(it.severities) > 1][:3]
REASONS = ("", "理由一", "理由一二", "理由二")
GRADES = (None, "合格", "基本合格", "不合格")

edits = st.one_of(
    st.tuples(st.just("record"), st.integers(0, 2), st.integers(0, 2), st.sampled_from(REASONS), st.integers(0, 2)),
    st.tuples(st.just("reason"), st.integers(0, 2), st.sampled_from(REASONS)),
    st.tuples(st.just("update"), st.integers(0, 2), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("remove"), st.integers(0, 2)),
    st.tuples(st.just("criteria"), st.integers(0, 2), st.sampled_from(REASONS)),
    st.tuples(st.just("override"), st.sampled_from(GRADES), st.sampled_from(REASONS)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("redo")),
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReviewDb]:
    made = make_review_db(Path(tmp_path_factory.mktemp("undo-props")))
    yield made
    made.close()


def _fresh_review(db: ReviewDb) -> int:
    """The reviewer's review with no finding, no criteria, no grade and no undo steps (reset by hand)."""
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    now = utcnow()
    with db.wb.db.unchecked_session() as s:
        s.execute(update(FindingEvidence).where(FindingEvidence.deleted_at.is_(None)).values(deleted_at=now))
        s.execute(update(Finding).where(Finding.review_id == rid, Finding.deleted_at.is_(None)).values(deleted_at=now))
        s.execute(
            update(Review)
            .where(Review.id == rid)
            .values(ticked_criteria=[], excellence_justification="", final_grade=None, override_reason="")
        )
        s.query(UndoStep).filter(UndoStep.review_id == rid).delete()
    set_grade_override(db.wb, rid, None, "")  # stores the proposal of the reset review; changes nothing else
    return rid


def _evidence(db: ReviewDb, k: int) -> list[tuple[int, int]]:
    docs = sorted(db.documents.values())
    return [[], [(docs[0], 2)], [(docs[0], 1), (docs[1], 5)]][k]  # type: ignore[return-value]


def _edit(db: ReviewDb, rid: int, state: ReviewState, op: tuple[Any, ...]) -> str | None:
    """Run one edit; returns the merge key the model expects for it (None: its own step)."""
    kind = op[0]
    findings = {f.item_code: f for f in state.findings}
    if kind == "record":
        item = ITEMS[op[1]]
        severity = item.severities[op[2] % len(item.severities)]
        record_finding(db.wb, rid, item.code, severity, op[3], evidence=_evidence(db, op[4]))
        return None
    if kind in {"reason", "update", "remove"}:
        found = findings.get(ITEMS[op[1]].code)
        if found is None:
            return None
        if kind == "reason":
            update_finding(db.wb, found.id, reason=op[2])
            return f"reason:{found.id}"
        if kind == "update":
            item = ITEMS[op[1]]
            severity = item.severities[op[2] % len(item.severities)]
            update_finding(db.wb, found.id, severity=severity, evidence=_evidence(db, op[3]))
            return None
        remove_finding(db.wb, found.id)
        return None
    if kind == "criteria":
        ticked = [c.code for c in STANDARD.criteria][: op[1]]
        set_criteria(db.wb, rid, ticked, op[2])
        only_text = tuple(ticked) == state.ticked_criteria
        return "justification" if only_text else None
    grade, reason = op[1], op[2] if op[1] is not None else ""
    set_grade_override(db.wb, rid, grade, reason)
    return "override_reason" if grade == state.final_grade else None


def _check_stored(db: ReviewDb, rid: int, state: ReviewState) -> None:
    with speaking(DEFAULT_LANGUAGE):  # the row keeps the record's language whatever the reader's
        recorded = review_state(db.wb, rid).proposal
    with db.wb.db.session() as s:
        review = s.get(Review, rid)
        assert review is not None
        assert (review.proposed_grade, review.proposal_explanation) == (
            state.proposal.grade,
            recorded.explanation,
        )
        live = list(s.scalars(select(Finding.item_code).where(Finding.review_id == rid, Finding.deleted_at.is_(None))))
        assert len(live) == len(set(live))
        orphaned = s.scalar(
            select(FindingEvidence.id)
            .join(Finding, Finding.id == FindingEvidence.finding_id)
            .where(Finding.deleted_at.is_not(None), FindingEvidence.deleted_at.is_(None))
        )
        assert orphaned is None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=st.lists(edits, max_size=12))
def test_edits_undos_and_redos_follow_the_model(db: ReviewDb, sequence: list[tuple[Any, ...]]) -> None:
    rid = _fresh_review(db)
    history: list[tuple[ReviewState, str | None]] = [(review_state(db.wb, rid), None)]
    cursor = 0
    for op in sequence:
        current = history[cursor][0]
        if op[0] in {"undo", "redo"}:
            target = cursor - 1 if op[0] == "undo" else cursor + 1
            act = undo_review_edit if op[0] == "undo" else redo_review_edit
            if not 0 <= target < len(history):
                with pytest.raises(ReviewError, match="Nothing to"):
                    act(db.wb, rid)
                continue
            cursor = target
            assert act(db.wb, rid) == history[cursor][0]
        else:
            try:
                key = _edit(db, rid, current, op)
            except ReviewError:
                key = None  # a refused edit (e.g. a severity the item does not allow) changes nothing
            after = review_state(db.wb, rid)
            if after != current:
                del history[cursor + 1 :]
                if key is not None and cursor > 0 and history[cursor][1] == key:
                    history[cursor] = (after, key)
                else:
                    history.append((after, key))
                    cursor += 1
        state = review_state(db.wb, rid)
        assert state == history[cursor][0]
        _check_stored(db, rid, state)
        status = undo_status(db.wb, rid)
        assert (status.undo_label is None, status.redo_label is None) == (cursor == 0, cursor == len(history) - 1)
