"""The stored count of open suggestions per case (case_open_checks) is kept by the write path: after a
pre-screening run, accepting and dismissing suggestions, undoing and redoing those, it equals the count the
results and decisions give; the case list's 待处理校验 order and filter read it. Through the real services, on
SQLite and (REVIEWAPP_TEST_DB) PostgreSQL."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from sqlalchemy import delete, text

from reviewapp.services.cases.case_list import CaseList
from reviewapp.services.cases.index import SORT_COLUMNS, CaseFilter
from reviewapp.services.checks.open_checks import counted_now, stored_counts
from reviewapp.services.checks.run import accept_suggestion, dismiss_suggestion, run_checks
from reviewapp.services.reviews.commands import start_review
from reviewapp.services.reviews.undo import redo_review_edit, undo_review_edit
from reviewapp.storage.models import CaseOpenChecks
from tests.accounts_fixtures import REVIEWER, sign_in
from tests.core.check_service_fixtures import TODAY, DemoDb, make_demo_db

PROSECUTION_IN_CUSTODY = "演示-规则-011"  # DL-PROSECUTION, detained: P12 超期羁押
OPEN_CHECKS = SORT_COLUMNS.index("open_checks")
_numbers = itertools.count(1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoDb]:
    made = make_demo_db(tmp_path_factory.mktemp("open-checks-kept"), random_cases=30)
    run_checks(made.wb, today=TODAY)
    yield made
    made.wb.close()


def _kept(demo: DemoDb) -> dict[int, int]:
    with demo.wb.db.session() as s:
        stored, now = stored_counts(s), counted_now(s)
    assert stored == now
    return stored


def _reviewing(demo: DemoDb) -> int:
    before = demo.wb.user
    sign_in(demo.wb, f"评查员{next(_numbers)}", roles=[REVIEWER], unit="演示市人民检察院", department="案件管理部")
    try:
        return start_review(demo.wb, demo.case_ids[PROSECUTION_IN_CUSTODY]).id
    except Exception:
        demo.wb.user = before
        raise


def test_a_pre_screening_run_stores_each_cases_count(demo: DemoDb) -> None:
    counts = _kept(demo)
    assert counts and all(n > 0 for n in counts.values())
    assert counts[demo.case_ids[PROSECUTION_IN_CUSTODY]] >= 1


def test_accepting_dismissing_undoing_and_redoing_keep_the_count(demo: DemoDb) -> None:
    case_id = demo.case_ids[PROSECUTION_IN_CUSTODY]
    before = _kept(demo)[case_id]
    review_id = _reviewing(demo)
    accept_suggestion(demo.wb, review_id, "DL-PROSECUTION")
    answered = _kept(demo).get(case_id, 0)
    assert answered < before
    undo_review_edit(demo.wb, review_id)  # the decision is taken back: open again
    assert _kept(demo)[case_id] == before
    redo_review_edit(demo.wb, review_id)
    assert _kept(demo).get(case_id, 0) == answered
    undo_review_edit(demo.wb, review_id)
    dismiss_suggestion(demo.wb, review_id, "DL-PROSECUTION", "羁押期限已依法延长")
    assert _kept(demo).get(case_id, 0) == answered


def test_running_the_checks_again_keeps_the_count(demo: DemoDb) -> None:
    every = sorted(demo.case_ids.values())
    run_checks(demo.wb, every, today=TODAY)  # every case named: its results replaced, its decisions kept
    _kept(demo)


def test_the_list_sorts_and_filters_by_the_stored_count(demo: DemoDb) -> None:
    counts = _kept(demo)
    with demo.wb.db.session() as s:
        q = CaseList(s)
        total = q.total()
        descending = q.page_ids(CaseFilter(), (OPEN_CHECKS, True), 0, total)
        ascending = q.page_ids(CaseFilter(), (OPEN_CHECKS, False), 0, total)
        rows = q.rows(descending)
        filtered = set(q.matching_ids(CaseFilter(open_checks=True)))
    key = [(counts.get(i, 0), i) for i in descending]
    assert key == sorted(key, reverse=True) and ascending == descending[::-1]
    assert {i: rows[i].open_checks for i in descending if rows[i].open_checks} == counts
    assert filtered == set(counts)


def test_the_migration_fills_the_counts_by_the_same_definition(demo: DemoDb) -> None:
    from importlib import import_module

    fill = import_module("reviewapp.storage.migrations.versions.0016_case_open_checks").FILL
    expected = _kept(demo)
    with demo.wb.db.unchecked_session() as s:
        s.execute(delete(CaseOpenChecks))
        s.execute(text(fill))
    assert _kept(demo) == expected
