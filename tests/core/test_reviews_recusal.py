"""Who may start a review of which case: 回避 (nobody reviews a case they handled, nor one of their own
department), only closed cases, only case types a standard covers, and only for oneself unless one may
assign reviews."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewapp.errors import NotPermitted
from reviewapp.services.cases.people import add_person
from reviewapp.services.reviews.commands import ReviewError, start_review
from reviewapp.storage.models import Case, Review
from tests.core.intake_fixtures import english_ui
from tests.core.reviews_fixtures import (
    ARREST,
    CLOSED,
    OPEN,
    OTHER,
    PROSECUTOR,
    PROSECUTOR_UNIT,
    ReviewDb,
    make_review_db,
)

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]
CASE_DEPARTMENT = "第一检察部"  # the handling department of every case of make_review_db


@pytest.fixture
def db(tmp_path: Path) -> Iterator[ReviewDb]:
    made = make_review_db(tmp_path)
    yield made
    made.close()


def _reviews(db: ReviewDb) -> int:
    with db.wb.db.session() as s:
        return s.scalar(select(func.count(Review.id)).where(Review.kind == "member")) or 0


def test_the_handling_prosecutor_may_not_review_the_case(db: ReviewDb) -> None:
    with db.wb.db.session() as s:
        prosecutor_id = s.scalar(select(Case.prosecutor_id).where(Case.id == db.case_ids[CLOSED]))
    assert prosecutor_id is not None
    with db.as_admin(), pytest.raises(ReviewError, match="回避"):
        start_review(db.wb, db.case_ids[CLOSED], reviewer_id=prosecutor_id)
    # Nor when they hold the reviewer's role and start it themselves.
    me = db.sign_in_as(PROSECUTOR, unit=PROSECUTOR_UNIT)
    assert me.person_id == prosecutor_id
    with pytest.raises(ReviewError, match="handled case"):
        start_review(db.wb, db.case_ids[CLOSED])
    assert _reviews(db) == 0


def test_the_same_prosecutor_added_again_as_a_reviewer_is_recognised(db: ReviewDb) -> None:
    # The roster may hold the handler twice: imported with the case, and added by hand as a reviewer.
    with db.as_admin():
        twin = add_person(db.wb, PROSECUTOR, unit=PROSECUTOR_UNIT, department="案件管理部")
        with pytest.raises(ReviewError, match="回避"):
            start_review(db.wb, db.case_ids[CLOSED], reviewer_id=twin.id)
        # Someone of the same name in another procuratorate is another person.
        namesake = add_person(db.wb, PROSECUTOR, unit="北京市海淀区人民检察院")
        state = start_review(db.wb, db.case_ids[CLOSED], reviewer_id=namesake.id)
    assert state.reviewer_id == namesake.id


def test_nobody_reviews_a_case_of_their_own_department(db: ReviewDb) -> None:
    colleague = db.sign_in_as("同部门评查员", unit=PROSECUTOR_UNIT, department=CASE_DEPARTMENT)
    with pytest.raises(ReviewError, match="department that handled"):
        start_review(db.wb, db.case_ids[CLOSED])
    assert _reviews(db) == 0
    # Another department of the same procuratorate may review it.
    other = db.sign_in_as("另部门评查员", unit=PROSECUTOR_UNIT, department="第二检察部")
    state = start_review(db.wb, db.case_ids[CLOSED])
    assert state.reviewer_id == other.person_id != colleague.person_id


def test_only_closed_cases_with_a_standard_can_be_reviewed(db: ReviewDb) -> None:
    with pytest.raises(ReviewError, match="not closed"):
        start_review(db.wb, db.case_ids[OPEN])
    with pytest.raises(ReviewError, match="No review standard covers"):
        start_review(db.wb, db.case_ids[OTHER])
    assert _reviews(db) == 0
    arrest = start_review(db.wb, db.case_ids[ARREST])
    assert "审查逮捕" in arrest.standard.case_types


def test_a_reviewer_is_needed_and_starting_for_another_needs_assignment(db: ReviewDb) -> None:
    with db.as_admin(), pytest.raises(ReviewError, match="roster"):
        start_review(db.wb, db.case_ids[CLOSED], reviewer_id=9999)
    with db.as_admin():
        second = add_person(db.wb, "赵评查", unit="北京市人民检察院")
    before = db.audit_count()
    # A 评查员 starts their own reviews only.
    with pytest.raises(NotPermitted, match="assign reviews"):
        start_review(db.wb, db.case_ids[CLOSED], reviewer_id=second.id)
    assert (_reviews(db), db.audit_count()) == (0, before)


def test_several_reviewers_review_the_same_case(db: ReviewDb) -> None:
    with db.as_admin():
        second = add_person(db.wb, "赵评查", unit="北京市人民检察院")
        other = start_review(db.wb, db.case_ids[CLOSED], reviewer_id=second.id, review_type="交叉评查")
    first = start_review(db.wb, db.case_ids[CLOSED])
    assert first.id != other.id and other.reviewer_name == "赵评查"
    assert _reviews(db) == 2
