"""Scoring and reading permissions in the core (review-rules.md §1): only the review's own reviewer, holding
a role that grants scoring over the case's unit, changes it; readers need READ_REVIEWS in scope; the handling
prosecutor reads nothing yet. Every refusal is NotPermitted and writes nothing (not even an audit entry)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reviewapp.domain.roles import Role, Scope
from reviewapp.errors import NotPermitted
from reviewapp.services.accounts.users import RoleSpec, add_role
from reviewapp.services.reviews.commands import (
    find_review,
    list_reviews,
    record_finding,
    redo_review_edit,
    remove_finding,
    reopen_review,
    review_state,
    set_criteria,
    set_grade_override,
    start_review,
    submit_review,
    undo_review_edit,
    update_finding,
)
from reviewapp.services.reviews.offline_form import export_review_form
from reviewapp.standards import FLAW
from tests.accounts_fixtures import CASE_HEAD, login_for
from tests.core.intake_fixtures import english_ui
from tests.core.reviews_fixtures import CLOSED, PROSECUTOR, PROSECUTOR_UNIT, ReviewDb, make_review_db

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]

PROSECUTOR_ROLE = RoleSpec(Role.PROSECUTOR, Scope.UNIT)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[ReviewDb]:
    made = make_review_db(tmp_path)
    yield made
    made.close()


def _edits(db: ReviewDb, rid: int, fid: int) -> list[Callable[[], object]]:
    wb = db.wb
    return [
        lambda: record_finding(wb, rid, "E1", FLAW, "调取证据未出具通知书"),
        lambda: update_finding(wb, fid, reason="改写"),
        lambda: remove_finding(wb, fid),
        lambda: set_criteria(wb, rid, ["Q1"], ""),
        lambda: set_grade_override(wb, rid, "合格", "理由"),
        lambda: submit_review(wb, rid),
        lambda: undo_review_edit(wb, rid),
        lambda: redo_review_edit(wb, rid),
        lambda: reopen_review(wb, rid, "复核"),
    ]


def _refused_and_nothing_written(db: ReviewDb, rid: int, fid: int) -> None:
    before = db.audit_count()
    for edit in _edits(db, rid, fid):
        with pytest.raises(NotPermitted):
            edit()
    assert db.audit_count() == before


@pytest.fixture
def review(db: ReviewDb) -> tuple[int, int]:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    fid = record_finding(db.wb, rid, "D4", FLAW, "错别字").findings[0].id
    return rid, fid


def test_another_reviewer_neither_changes_nor_reads_the_review(
    db: ReviewDb, review: tuple[int, int], tmp_path: Path
) -> None:
    rid, fid = review
    mine = review_state(db.wb, rid)
    db.sign_in_as("赵评查")
    _refused_and_nothing_written(db, rid, fid)
    with pytest.raises(NotPermitted):
        review_state(db.wb, rid)
    with pytest.raises(NotPermitted):
        find_review(db.wb, db.case_ids[CLOSED], db.reviewer_id)
    assert list_reviews(db.wb, db.case_ids[CLOSED]) == []
    with pytest.raises(NotPermitted):  # the form would carry the draft
        export_review_form(db.wb, db.case_ids[CLOSED], tmp_path / "form.xlsx", reviewer_id=db.reviewer_id)
    db.as_reviewer()
    assert review_state(db.wb, rid) == mine


def test_the_handling_prosecutor_sees_nothing_and_changes_nothing(db: ReviewDb, review: tuple[int, int]) -> None:
    rid, fid = review
    db.sign_in_as(PROSECUTOR, roles=[PROSECUTOR_ROLE], unit=PROSECUTOR_UNIT)
    _refused_and_nothing_written(db, rid, fid)
    with pytest.raises(NotPermitted, match="handled this case"):
        review_state(db.wb, rid)
    assert list_reviews(db.wb, db.case_ids[CLOSED]) == []
    # Not even when another role of theirs reads the reviews of their unit.
    with db.as_admin():
        add_role(db.wb, login_for(PROSECUTOR), RoleSpec(Role.DEPARTMENT_HEAD, Scope.UNIT))
    assert db.act_as(PROSECUTOR).holds(Role.DEPARTMENT_HEAD)
    assert list_reviews(db.wb, db.case_ids[CLOSED]) == []
    with pytest.raises(NotPermitted, match="handled this case"):
        review_state(db.wb, rid)


def test_a_user_without_roles_is_refused_at_the_door(db: ReviewDb, review: tuple[int, int]) -> None:
    rid, fid = review
    db.sign_in_as("无角色用户", roles=[])
    _refused_and_nothing_written(db, rid, fid)
    with pytest.raises(NotPermitted):
        review_state(db.wb, rid)
    with pytest.raises(NotPermitted, match="none of their roles"):
        start_review(db.wb, db.case_ids[CLOSED])


def test_a_reader_in_scope_reads_but_does_not_score(db: ReviewDb, review: tuple[int, int]) -> None:
    rid, fid = review
    db.sign_in_as("案管负责人甲", roles=[CASE_HEAD])
    # A draft is its reviewer's alone while the review file is still being scored (panel.blind) ...
    with pytest.raises(NotPermitted, match="blind"):
        review_state(db.wb, rid)
    assert list_reviews(db.wb, db.case_ids[CLOSED]) == []
    before = db.audit_count()
    for edit in _edits(db, rid, fid)[:-1]:  # reopening is theirs, but the review is not submitted
        with pytest.raises(NotPermitted):
            edit()
    assert db.audit_count() == before
    # ... and read in scope once submitted.
    db.as_reviewer()
    record_finding(db.wb, rid, "D4", FLAW, "错别字三处")
    mine = submit_review(db.wb, rid)
    db.act_as("案管负责人甲")
    assert review_state(db.wb, rid) == mine
    assert [s.id for s in list_reviews(db.wb, db.case_ids[CLOSED])] == [rid]
    # A reader whose scope is another unit reads nothing here.
    db.sign_in_as("部门负责人乙", roles=[RoleSpec(Role.DEPARTMENT_HEAD, Scope.UNIT)], unit="北京市海淀区人民检察院")
    with pytest.raises(NotPermitted):
        review_state(db.wb, rid)
    assert list_reviews(db.wb, db.case_ids[CLOSED]) == []


def test_reopening_is_the_reviewers_own_or_needs_the_right(db: ReviewDb, review: tuple[int, int]) -> None:
    rid, _fid = review
    submit_review(db.wb, rid)
    assert reopen_review(db.wb, rid, "自行复核").status == "draft"
    submit_review(db.wb, rid)
    db.sign_in_as("赵评查")
    before = db.audit_count()
    with pytest.raises(NotPermitted, match="reopen"):
        reopen_review(db.wb, rid, "不是我的评查")
    assert db.audit_count() == before
    db.sign_in_as("案管负责人甲", roles=[CASE_HEAD])
    assert reopen_review(db.wb, rid, "承办人提出异议").status == "draft"


def test_a_reviewer_scores_only_within_the_scope_of_their_role(db: ReviewDb) -> None:
    # 评查员 of their own unit only: the cases of 朝阳区 are outside it.
    db.sign_in_as("本院评查员", roles=[RoleSpec(Role.REVIEWER, Scope.UNIT)])
    before = db.audit_count()
    with pytest.raises(NotPermitted, match="score reviews"):
        start_review(db.wb, db.case_ids[CLOSED])
    assert db.audit_count() == before
