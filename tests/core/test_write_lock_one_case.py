"""Opening and submitting a review (write_path ``one_case``): on PostgreSQL they hold the write lock in shared
mode under a lock on their case's row, so work on different cases and edits of other reviews run beside them,
while two openings (or the last two submissions) on one case run one after the other — one review file,
numbered once; the opinion formed once — any other writer still excludes them, and an opening that must store
the shipped standards starts again holding the lock alone. On SQLite the same calls give the same results one
at a time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from reviewapp.services.reviews.commands import record_finding, set_criteria, start_review
from reviewapp.services.reviews.guard import lock_case
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import MUTATIONS, NeedsExclusive, Op, run_operation
from reviewapp.standards import FLAW
from reviewapp.storage.models import Review, Setting
from tests.accounts_fixtures import login_for
from tests.core.intake_fixtures import english_ui
from tests.core.reviews_fixtures import ARREST, CLOSED, REVIEWER, ReviewDb, act_as
from tests.core.write_lock_fixtures import OTHER_REVIEWER, Paused, Run, audit_chain, db, waits_for, workstation
from tests.db_target import ON_POSTGRES, write_lock_held

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["db", "english_ui"]


@pytest.fixture
def second(db: ReviewDb) -> Iterator[Workbench]:
    """Another workstation on the same database, acting as the second reviewer."""
    db.sign_in_as(OTHER_REVIEWER)
    db.as_reviewer()
    wb = workstation(db)
    act_as(wb, login_for(OTHER_REVIEWER))
    yield wb
    wb.close()


def _files(db: ReviewDb) -> list[tuple[int, str | None]]:
    with db.wb.db.session() as s:
        rows = s.execute(select(Review.case_id, Review.file_no).where(Review.kind == "opinion").order_by(Review.id))
        return [(case_id, file_no) for case_id, file_no in rows]


def _chain_actions(db: ReviewDb) -> list[str]:
    return [action for _seq, action, _review in audit_chain(db)]


def test_opening_and_submitting_a_review_are_the_one_case_mutations() -> None:
    assert {name for name, m in MUTATIONS.items() if m.one_case} == {"review.start", "review.submit"}


def test_a_one_case_mutation_must_lock_its_case_and_cannot_run_a_wider_one(db: ReviewDb) -> None:
    before = db.audit_count()
    with pytest.raises(RuntimeError, match="did not lock its case"):
        run_operation(db.wb, "test.unlocked", None, lambda o: None, one_case=True)

    def wider(o: Op) -> None:
        lock_case(o, db.case_ids[CLOSED])
        run_operation(o.wb, "test.wider", None, lambda inner: None)

    with pytest.raises(RuntimeError, match="cannot run inside"):
        run_operation(db.wb, "test.outer", None, wider, one_case=True)
    assert db.audit_count() == before


def test_an_operation_needing_more_than_its_case_runs_again_holding_the_lock_alone(db: ReviewDb) -> None:
    attempts: list[bool] = []

    def work(o: Op) -> str:
        lock_case(o, db.case_ids[CLOSED])
        attempts.append(o.shared)
        o.session.add(Setting(key=f"test.attempt{len(attempts)}", value=len(attempts)))
        o.session.flush()
        o.exclusive_needed()
        return "done"

    assert run_operation(db.wb, "test.widens", None, work, one_case=True)[0] == "done"
    # SQLite's write transaction is exclusive already; PostgreSQL's first attempt was shared and rolled back.
    assert attempts == ([True, False] if ON_POSTGRES else [False])
    with db.wb.db.session() as s:
        stored = set(s.scalars(select(Setting.key).where(Setting.key.like("test.attempt%"))))
    assert stored == {f"test.attempt{len(attempts)}"}
    assert _chain_actions(db)[-1] == "test.widens"


def test_needs_exclusive_is_only_for_one_case_mutations(db: ReviewDb) -> None:
    def work(o: Op) -> None:
        raise NeedsExclusive(o.name)

    with pytest.raises(NeedsExclusive):
        run_operation(db.wb, "test.exclusive", None, work)


def test_the_first_opening_stores_the_shipped_standards_and_pins_the_newest(db: ReviewDb) -> None:
    with db.wb.db.unchecked_session() as s:  # a database whose standards were never stored
        from reviewapp.storage.models import StandardVersion

        s.execute(delete(StandardVersion))
    state = start_review(db.wb, db.case_ids[CLOSED])
    assert state.standard.code and not state.findings
    with db.wb.db.session() as s:
        assert s.scalar(select(Review.standard_id).where(Review.id == state.id)) is not None
    assert _chain_actions(db)[-1] == "review.start"


@pytest.mark.postgresql_only
def test_openings_on_two_cases_run_side_by_side_and_number_their_files_once_each(
    db: ReviewDb, second: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    paused = Paused(monkeypatch, db.wb)
    first = Run(lambda: start_review(db.wb, db.case_ids[CLOSED]))
    assert paused.reached.wait(20)
    try:
        # The first opening holds its case, the file serial and the lock (shared): one on another case waits
        # only for the serial's row, which the paused one holds until its commit.
        other = Run(lambda: start_review(second, db.case_ids[ARREST]))
        time.sleep(0.6)
        assert other.is_alive() and write_lock_held(db.path)
    finally:
        paused.go()
    mine, theirs = first.outcome(), other.outcome()
    files = _files(db)
    assert [case_id for case_id, _no in files] == [db.case_ids[CLOSED], db.case_ids[ARREST]]
    numbers = [no for _case, no in files]
    assert len(set(numbers)) == 2 and all(numbers)
    assert mine.id != theirs.id
    assert _chain_actions(db)[-2:] == ["review.start", "review.start"]


@pytest.mark.postgresql_only
def test_an_edit_of_another_review_lands_while_an_opening_holds_its_case(
    db: ReviewDb, second: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = start_review(second, db.case_ids[ARREST]).id
    paused = Paused(monkeypatch, db.wb)
    first = Run(lambda: start_review(db.wb, db.case_ids[CLOSED]))
    assert paused.reached.wait(20)
    try:
        started = time.monotonic()
        state = record_finding(second, theirs, "D4", FLAW, "错别字")
        assert time.monotonic() - started < 10 and first.is_alive()
        assert [f.item_code for f in state.findings] == ["D4"]
    finally:
        paused.go()
    first.outcome()
    assert _chain_actions(db)[-2:] == ["finding.record", "review.start"]


def test_two_openings_on_one_case_run_one_after_the_other_in_one_review_file(
    db: ReviewDb, second: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.wb.db.lock_wait = 20
    # The second waits for the case (PostgreSQL) or the write lock (SQLite).
    mine, theirs = waits_for(
        monkeypatch,
        db.wb,
        lambda: start_review(db.wb, db.case_ids[CLOSED]),
        lambda: start_review(second, db.case_ids[CLOSED]),
    )
    assert mine.id != theirs.id
    files = _files(db)
    assert len(files) == 1 and files[0][0] == db.case_ids[CLOSED]
    with db.wb.db.session() as s:
        members = s.execute(select(Review.file_id, Review.panel_size).where(Review.id.in_([mine.id, theirs.id])))
        assert {file_id for file_id, _size in members} == {s.scalar(select(Review.id).where(Review.kind == "opinion"))}
        assert s.scalar(select(Review.panel_size).where(Review.kind == "opinion")) == 2
    assert _chain_actions(db)[-2:] == ["review.start", "review.start"]


@pytest.mark.postgresql_only
def test_any_other_writer_waits_for_an_opening_holding_the_lock_in_shared_mode(
    db: ReviewDb, second: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = start_review(second, db.case_ids[ARREST]).id
    codes = [c.code for c in start_review(second, db.case_ids[ARREST]).standard.criteria]
    waits_for(
        monkeypatch,
        db.wb,
        lambda: start_review(db.wb, db.case_ids[CLOSED]),
        lambda: set_criteria(second, theirs, codes[:1], "证据扎实"),  # holds the lock alone
    )
    assert _chain_actions(db)[-2:] == ["review.start", "review.criteria"]


def test_the_last_two_members_submitting_at_once_form_the_opinion_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewapp.services.reviews.commands import submit_review
    from reviewapp.storage.models import ReviewEvent
    from tests.core.panel_fixtures import make_panel_db

    p = make_panel_db(tmp_path)
    try:
        first, second_member, last = p.members
        p.score(first)
        p.score(second_member, submit=False)
        p.score(last, submit=False)
        p.act_as(second_member)
        other = Workbench.open(p.wb.db.url)
        other.db.lock_wait = p.wb.db.lock_wait = 20
        act_as(other, login_for(last))
        waits_for(  # the second waits for the case (PostgreSQL) or the write lock (SQLite)
            monkeypatch,
            p.wb,
            lambda: submit_review(p.wb, p.reviews[second_member]),
            lambda: submit_review(other, p.reviews[last]),
        )
        other.close()
        opinion = p.opinion()
        assert opinion.status != "in_review"
        with p.wb.db.session() as s:
            formed = s.scalars(
                select(ReviewEvent.id).where(ReviewEvent.review_id == opinion.id, ReviewEvent.kind == "all_submitted")
            ).all()
        assert len(formed) == 1
    finally:
        p.close()


def test_a_submission_waits_for_an_edit_of_its_review_and_submits_what_the_edit_left(
    db: ReviewDb, second: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewapp.services.reviews.commands import submit_review

    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    record_finding(db.wb, rid, "E5", FLAW, "扣押清单无见证人签名")
    act_as(second, login_for(REVIEWER))  # the same reviewer at a second workstation
    _edited, state = waits_for(  # the submission waits for the review (PostgreSQL) or the write lock (SQLite)
        monkeypatch,
        db.wb,
        lambda: record_finding(db.wb, rid, "D4", FLAW, "错别字"),
        lambda: submit_review(second, rid),
    )
    assert state.status == "submitted"
    assert sorted(f.item_code for f in state.findings) == ["D4", "E5"]
    assert _chain_actions(db)[-2:] == ["finding.record", "review.submit"]
