"""Edits confined to one review (write_path ``one_review``: recording, changing and removing findings, undo,
redo): on PostgreSQL they hold the write lock in shared mode, so edits of different reviews run side by side,
while two edits of one review still run one after the other, any other writer still excludes them, and the
audit chain stays gap-free and verifiable. On SQLite the same calls give the same results one at a time."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from reviewapp.services.reviews import undo
from reviewapp.services.reviews.commands import (
    ReviewError,
    record_finding,
    redo_review_edit,
    review_state,
    set_criteria,
    start_review,
    undo_review_edit,
    update_finding,
)
from reviewapp.services.reviews.guard import lock_review
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import MUTATIONS, Op, run_operation
from reviewapp.standards import ERROR, FLAW
from reviewapp.storage.database import DatabaseBusy
from reviewapp.storage.models import Finding, Review, UndoStep
from tests.accounts_fixtures import login_for
from tests.core.intake_fixtures import english_ui
from tests.core.reviews_fixtures import CLOSED, REVIEWER, ReviewDb, act_as
from tests.core.write_lock_fixtures import OTHER_REVIEWER, Paused, Run, audit_chain, db, waits_for, workstation
from tests.db_target import write_lock_held

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["db", "english_ui"]


@pytest.fixture
def second(db: ReviewDb) -> Iterator[Workbench]:
    wb = workstation(db)
    yield wb
    wb.close()


def _two_reviews(db: ReviewDb) -> tuple[int, int]:
    """A review of the closed case by the reviewer, and one by a second reviewer; the reviewer acts after."""
    mine = start_review(db.wb, db.case_ids[CLOSED]).id
    db.sign_in_as(OTHER_REVIEWER)
    theirs = start_review(db.wb, db.case_ids[CLOSED]).id
    db.as_reviewer()
    return mine, theirs


def test_the_one_review_mutations_are_the_edits_of_a_review_s_findings_and_its_undo() -> None:
    assert {name for name, m in MUTATIONS.items() if m.one_review} == {
        "finding.record",
        "finding.update",
        "finding.remove",
        "review.undo",
        "review.redo",
    }


def test_a_one_review_mutation_must_lock_its_review_and_cannot_run_a_wider_one(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    before = db.audit_count()
    with pytest.raises(RuntimeError, match="did not lock its review"):
        run_operation(db.wb, "test.unlocked", None, lambda o: None, one_review=True)

    def wider(o: Op) -> None:
        lock_review(o, rid)
        run_operation(o.wb, "test.wider", None, lambda inner: None)

    with pytest.raises(RuntimeError, match="cannot run inside"):
        run_operation(db.wb, "test.outer", None, wider, one_review=True)
    assert db.audit_count() == before


@pytest.mark.postgresql_only
def test_edits_of_two_reviews_run_side_by_side_and_the_chain_stays_whole(
    db: ReviewDb, second: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, theirs = _two_reviews(db)
    act_as(second, login_for(OTHER_REVIEWER))
    paused = Paused(monkeypatch, db.wb)
    first = Run(lambda: record_finding(db.wb, mine, "D4", FLAW, "错别字"))
    assert paused.reached.wait(20)
    try:
        # The first edit holds its review and the lock (shared): the other review's edit lands meanwhile.
        started = time.monotonic()
        state = record_finding(second, theirs, "E5", ERROR, "扣押清单无见证人签名")
        assert time.monotonic() - started < 10 and first.is_alive()
        assert [f.item_code for f in state.findings] == ["E5"]
        assert write_lock_held(db.path)
    finally:
        paused.go()
    assert [f.item_code for f in first.outcome().findings] == ["D4"]
    chain = audit_chain(db)
    assert [(action, review) for _seq, action, review in chain[-2:]] == [
        ("finding.record", theirs),  # committed first: it took the chain's head first
        ("finding.record", mine),
    ]


def test_two_edits_of_one_review_run_one_after_the_other_and_the_second_sees_the_first(
    db: ReviewDb, second: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    act_as(second, login_for(REVIEWER))  # the same reviewer at a second workstation
    _first, state = waits_for(  # the second waits for the review (PostgreSQL) or the write lock (SQLite)
        monkeypatch,
        db.wb,
        lambda: record_finding(db.wb, rid, "D4", FLAW, "错别字"),
        lambda: record_finding(second, rid, "E5", ERROR, "扣押清单无见证人签名"),
    )
    assert sorted(f.item_code for f in state.findings) == ["D4", "E5"]
    with db.wb.db.session() as s:
        review = s.get(Review, rid)
        assert review is not None
        assert review.proposed_grade == state.proposal.grade
    assert review_state(db.wb, rid) == state
    audit_chain(db)


@pytest.mark.postgresql_only
def test_any_other_writer_waits_for_an_edit_holding_the_lock_in_shared_mode(
    db: ReviewDb, second: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, theirs = _two_reviews(db)
    act_as(second, login_for(OTHER_REVIEWER))
    codes = [c.code for c in review_state(second, theirs).standard.criteria]
    waits_for(
        monkeypatch,
        db.wb,
        lambda: record_finding(db.wb, mine, "D4", FLAW, "错别字"),
        lambda: set_criteria(second, theirs, codes[:1], "证据扎实"),  # not a one_review edit
    )
    assert [action for _seq, action, _review in audit_chain(db)[-2:]] == ["finding.record", "review.criteria"]


def test_an_edit_of_a_review_waits_for_a_writer_holding_the_lock(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    db.wb.db.lock_wait = 0.5
    conn = db.wb.db.engine.connect().execution_options(write_path=True)
    tx = conn.begin()  # the write lock, as another workstation's import holds it
    try:
        with pytest.raises(DatabaseBusy):
            record_finding(db.wb, rid, "D4", FLAW, "错别字")
    finally:
        tx.rollback()
        conn.close()
    assert record_finding(db.wb, rid, "D4", FLAW, "错别字").findings


def test_an_edit_of_a_finding_undo_took_back_is_refused_as_gone(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    fid = record_finding(db.wb, rid, "D4", FLAW, "错别字").findings[0].id
    undo_review_edit(db.wb, rid)
    with pytest.raises(ReviewError, match="does not exist"):
        update_finding(db.wb, fid, reason="x")
    assert [f.id for f in redo_review_edit(db.wb, rid).findings] == [fid]


def test_each_user_keeps_the_newest_steps_and_a_new_edit_drops_the_redo_steps(
    db: ReviewDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(undo, "KEEP", 3)
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    for reason in ("一", "二", "三", "四", "五"):
        record_finding(db.wb, rid, "D4", FLAW, reason)

    def steps() -> list[tuple[str, str]]:
        with db.wb.db.session() as s:
            rows = s.execute(select(UndoStep.state, UndoStep.label).where(UndoStep.review_id == rid))
            return [(state, label) for state, label in rows]

    assert [state for state, _label in steps()] == ["done"] * 3
    for reason in ("四", "三", "二"):
        assert undo_review_edit(db.wb, rid).findings[0].reason == reason
    with pytest.raises(ReviewError):
        undo_review_edit(db.wb, rid)
    redo_review_edit(db.wb, rid)
    record_finding(db.wb, rid, "E5", ERROR, "扣押清单")  # drops the two steps that could still be redone
    assert [state for state, _label in steps()] == ["done", "done"]
    with db.wb.db.session() as s:
        d4 = select(Finding.reason).where(Finding.review_id == rid, Finding.item_code == "D4")
        assert s.scalars(d4).one() == "三"
