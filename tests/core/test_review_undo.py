"""Undo and redo of every kind of review edit, in the core: each leaves findings, evidence, the stored
proposal and the review's fields exactly as they were (compared as the whole ReviewState), brings back the
same rows (tombstones, never deletes), merges the saves of one reason being typed, and stops at submit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.errors import NotPermitted
from reviewapp.i18n import DEFAULT_LANGUAGE, speaking
from reviewapp.services.reviews.commands import (
    ReviewError,
    ReviewState,
    UndoStatus,
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
    undo_status,
    update_finding,
)
from reviewapp.services.reviews.offline_form import export_review_form, import_review_form
from reviewapp.standards import ERROR, FLAW, SERIOUS
from reviewapp.storage.models import Finding, FindingEvidence, Review, UndoStep
from tests.core.intake_fixtures import english_ui
from tests.core.reviews_fixtures import CLOSED, ReviewDb, make_review_db

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[ReviewDb]:
    made = make_review_db(tmp_path)
    yield made
    made.close()


def stored(db: ReviewDb, rid: int) -> tuple[ReviewState, tuple[str | None, str], list[tuple[int, int, int]]]:
    """The review as the services show it, the proposal stored on its row, and every live evidence row."""
    state = review_state(db.wb, rid)
    with db.wb.db.session() as s:
        review = s.get(Review, rid)
        assert review is not None
        row = (review.proposed_grade, review.proposal_explanation)
        evidence = [
            (e.finding_id, e.document_id, e.page)
            for e in s.scalars(
                select(FindingEvidence)
                .join(Finding, Finding.id == FindingEvidence.finding_id)
                .where(Finding.review_id == rid, FindingEvidence.deleted_at.is_(None))
                .order_by(FindingEvidence.id)
            )
        ]
        # Tombstoned findings keep no live evidence; live ones are one per item.
        live = [
            f.item_code
            for f in s.scalars(select(Finding).where(Finding.review_id == rid, Finding.deleted_at.is_(None)))
        ]
        assert len(live) == len(set(live))
        assert {fid for fid, _, _ in evidence} <= {f.id for f in state.findings}
    with speaking(DEFAULT_LANGUAGE):  # the row keeps the record's language whatever the reader's
        recorded = review_state(db.wb, rid).proposal
    assert row == (state.proposal.grade, recorded.explanation)
    return state, row, evidence


def undo_redo_round_trip(db: ReviewDb, rid: int, edit: Callable[[], object], label: str) -> None:
    before = stored(db, rid)
    edit()
    after = stored(db, rid)
    assert after != before
    assert undo_status(db.wb, rid).undo_label == label
    undo_review_edit(db.wb, rid)
    assert stored(db, rid) == before
    assert undo_status(db.wb, rid).redo_label == label
    redo_review_edit(db.wb, rid)
    assert stored(db, rid) == after
    undo_review_edit(db.wb, rid)
    assert stored(db, rid) == before
    redo_review_edit(db.wb, rid)
    assert stored(db, rid) == after


def test_undo_and_redo_of_every_kind_of_review_edit(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    doc, report = db.documents["起诉书"], db.documents["审查报告"]
    assert undo_status(db.wb, rid) == UndoStatus(None, None)

    def record_new() -> None:
        record_finding(db.wb, rid, "E5", ERROR, "扣押清单无见证人签名", evidence=[(doc, 2), (report, 4)])

    undo_redo_round_trip(db, rid, record_new, "record finding E5")

    def record_again() -> None:  # recording the item again replaces its finding
        record_finding(db.wb, rid, "E5", FLAW, "扣押清单瑕疵", deduction=1.0, phrase="扣押清单", evidence=[(doc, 3)])

    undo_redo_round_trip(db, rid, record_again, "change finding E5")
    e5 = next(f.id for f in review_state(db.wb, rid).findings if f.item_code == "E5")

    def update() -> None:
        update_finding(db.wb, e5, severity=ERROR, deduction=None, evidence=[(report, 9)])

    undo_redo_round_trip(db, rid, update, "change finding E5")
    record_finding(db.wb, rid, "P12", SERIOUS, "超期羁押", evidence=[(report, 1)])
    p12 = next(f.id for f in review_state(db.wb, rid).findings if f.item_code == "P12")
    undo_redo_round_trip(db, rid, lambda: remove_finding(db.wb, p12), "remove finding P12")
    codes = [c.code for c in review_state(db.wb, rid).standard.criteria]
    undo_redo_round_trip(db, rid, lambda: set_criteria(db.wb, rid, codes[:2], "证据扎实"), "change the 优质 criteria")
    undo_redo_round_trip(db, rid, lambda: set_grade_override(db.wb, rid, "合格", "评查组认定"), "choose the grade")
    undo_redo_round_trip(db, rid, lambda: set_grade_override(db.wb, rid, None, ""), "choose the grade")


def test_undoing_a_removal_brings_back_the_same_finding_and_its_evidence(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    state = record_finding(db.wb, rid, "D4", FLAW, "错别字", evidence=[(db.documents["起诉书"], 2)])
    (d4,) = state.findings
    assert remove_finding(db.wb, d4.id).findings == ()
    with db.wb.db.session() as s:
        row = s.get(Finding, d4.id)
        assert row is not None and row.deleted_at is not None  # a tombstone, not a delete
    restored = undo_review_edit(db.wb, rid)
    assert restored.findings == (d4,)  # same id, same evidence
    # Undo past the recording: the finding is gone again, and the removed id cannot be edited.
    assert undo_review_edit(db.wb, rid).findings == ()
    with pytest.raises(ReviewError, match="does not exist"):
        update_finding(db.wb, d4.id, reason="x")
    with pytest.raises(ReviewError, match="Nothing to undo"):
        undo_review_edit(db.wb, rid)


def test_the_saves_of_one_reason_being_typed_undo_as_one_step(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    fid = record_finding(db.wb, rid, "E5", FLAW, "错").findings[0].id
    for text in ("错别", "错别字", "错别字三处"):
        update_finding(db.wb, fid, reason=text)
    set_grade_override(db.wb, rid, "合格", "评")  # choosing the grade is a step …
    set_grade_override(db.wb, rid, "合格", "评查")  # … typing its reason another, whatever the pauses
    set_grade_override(db.wb, rid, "合格", "评查组认定")
    with db.wb.db.session() as s:
        assert len(list(s.scalars(select(UndoStep).where(UndoStep.review_id == rid)))) == 4
    state = undo_review_edit(db.wb, rid)
    assert (state.final_grade, state.override_reason) == ("合格", "评")
    state = undo_review_edit(db.wb, rid)
    assert (state.final_grade, state.override_reason) == (None, "")
    state = undo_review_edit(db.wb, rid)
    assert state.findings[0].reason == "错"
    state = redo_review_edit(db.wb, rid)
    assert state.findings[0].reason == "错别字三处"
    # A change of severity is its own step, and a new edit drops what could be redone.
    update_finding(db.wb, fid, severity=ERROR)
    update_finding(db.wb, fid, reason="错别字五处")
    assert undo_status(db.wb, rid).redo_label is None
    assert undo_review_edit(db.wb, rid).findings[0].reason == "错别字三处"
    assert undo_review_edit(db.wb, rid).findings[0].severity == FLAW


def test_submit_and_reopen_clear_the_steps_and_a_submitted_review_is_not_undone(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    record_finding(db.wb, rid, "D4", FLAW, "错别字")
    submit_review(db.wb, rid)
    assert undo_status(db.wb, rid) == UndoStatus(None, None)
    with pytest.raises(ReviewError, match="submitted"):
        undo_review_edit(db.wb, rid)
    reopen_review(db.wb, rid, "复核")
    with pytest.raises(ReviewError, match="Nothing to redo"):
        redo_review_edit(db.wb, rid)
    state = record_finding(db.wb, rid, "E1", FLAW, "调取证据未出具通知书")
    assert [f.item_code for f in undo_review_edit(db.wb, rid).findings] == ["D4"]
    assert redo_review_edit(db.wb, rid) == state


def test_undo_is_the_reviewers_own(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    record_finding(db.wb, rid, "D4", FLAW, "错别字")
    db.sign_in_as("赵评查")
    before = db.audit_count()
    assert undo_status(db.wb, rid) == UndoStatus(None, None)  # steps are per user
    for act in (undo_review_edit, redo_review_edit):
        with pytest.raises(NotPermitted):
            act(db.wb, rid)
    assert db.audit_count() == before
    db.as_reviewer()
    assert undo_review_edit(db.wb, rid).findings == ()


def test_importing_an_offline_form_clears_the_steps(db: ReviewDb, tmp_path: Path) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    record_finding(db.wb, rid, "D4", FLAW, "错别字")
    form = export_review_form(db.wb, db.case_ids[CLOSED], tmp_path / "form.xlsx", reviewer_id=db.reviewer_id)
    assert undo_status(db.wb, rid).undo_label == "record finding D4"
    result = import_review_form(db.wb, form)
    assert (result.review_id, result.unchanged) == (rid, 1)
    # The form's content replaced the review outside the stack: the steps before it no longer apply.
    assert undo_status(db.wb, rid) == UndoStatus(None, None)
