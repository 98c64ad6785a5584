"""Property: whatever sequence of record / update / remove a reviewer makes, the stored proposal is the
pure propose_grade over the findings that remain, one finding per item, and the order of entry does not
change it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from reviewapp.domain.grading import FindingInput, propose_grade
from reviewapp.i18n import DEFAULT_LANGUAGE, speaking
from reviewapp.services.reviews.commands import (
    record_finding,
    remove_finding,
    review_state,
    start_review,
    update_finding,
)
from reviewapp.standards import load_shipped_standards
from reviewapp.storage.models import Review
from tests.core.reviews_fixtures import CLOSED, ReviewDb, make_review_db

STANDARD = next(s for s in load_shipped_standards() if s.code == "XS-PCZ")
ITEMS = STANDARD.items_for("审查起诉")
# (item index, severity index, deduction or None, reason) — "remove" when the severity index is -1.
Op = tuple[int, int, float | None, str]
ops = st.lists(
    st.tuples(
        st.integers(0, len(ITEMS) - 1),
        st.integers(-1, 2),
        st.none() | st.floats(min_value=0, max_value=40, allow_nan=False),
        st.sampled_from(("", "理由一", "理由二")),
    ),
    max_size=10,
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReviewDb]:
    made = make_review_db(Path(tmp_path_factory.mktemp("props")))
    yield made
    made.close()


def _clear(db: ReviewDb, rid: int) -> None:
    for f in review_state(db.wb, rid).findings:
        remove_finding(db.wb, f.id)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=ops)
def test_stored_proposal_is_the_pure_proposal_of_the_remaining_findings(db: ReviewDb, sequence: list[Op]) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    _clear(db, rid)
    expected: dict[str, FindingInput] = {}
    for item_index, severity_index, deduction, reason in sequence:
        item = ITEMS[item_index]
        if severity_index < 0:
            current = {f.item_code: f.id for f in review_state(db.wb, rid).findings}
            if item.code in current:
                remove_finding(db.wb, current[item.code])
                del expected[item.code]
            continue
        severity = item.severities[severity_index % len(item.severities)]
        if item.code in expected and reason == "理由二":
            fid = next(f.id for f in review_state(db.wb, rid).findings if f.item_code == item.code)
            update_finding(db.wb, fid, severity=severity, deduction=deduction)
            expected[item.code] = FindingInput(item.code, severity, deduction, expected[item.code].reason)
        else:
            record_finding(db.wb, rid, item.code, severity, reason, deduction=deduction)
            expected[item.code] = FindingInput(item.code, severity, deduction, reason)
    state = review_state(db.wb, rid)
    order = {it.code: i for i, it in enumerate(STANDARD.items)}
    in_order = sorted(expected.values(), key=lambda f: order[f.item_code])
    pure = propose_grade(state.standard, in_order, state.ticked_criteria)
    assert [(f.item_code, f.severity, f.deduction, f.reason) for f in state.findings] == [
        (f.item_code, f.severity, f.deduction, f.reason) for f in in_order
    ]
    assert state.proposal == pure
    with speaking(DEFAULT_LANGUAGE):  # the row keeps the record's language whatever the reader's
        recorded = propose_grade(state.standard, in_order, state.ticked_criteria)
    with db.wb.db.session() as s:
        review = s.scalars(select(Review).where(Review.id == rid)).one()
        assert (review.proposed_grade, review.proposal_explanation) == (pure.grade, recorded.explanation)
