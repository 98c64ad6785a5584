"""Sorting the whole case list by its open checks: the cases with open checks are walked in the stored counts'
index, and that order is the one the per-case count gives (decided results left out, pages
that agree, the boundary between cases without and with open checks)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.services.cases.case_list import CaseList
from reviewapp.services.cases.index import SORT_COLUMNS, CaseFilter
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.checks.open_checks import recount
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, CheckDecision, CheckResult
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.services_fixtures import open_workbench

OPEN_CHECKS = SORT_COLUMNS.index("open_checks")


def _result(case_id: int, rule: str, status: str) -> CheckResult:
    return CheckResult(
        case_id=case_id,
        rule_id=rule,
        item_code="E1",
        severity="司法瑕疵",
        status=status,
        explanation="",
        facts={},
        missing_fields=[],
        card_hash="h",
    )


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workbench]:
    folder = tmp_path_factory.mktemp("open-checks")
    bench = open_workbench(folder)
    import_cases(bench, write_simple_xlsx(folder / "cases.xlsx", [case_row(i) for i in range(1, 41)]))
    with bench.db.unchecked_session() as s:
        ids = sorted(s.scalars(select(Case.id)))
        for n, case_id in enumerate(ids):
            s.add(_result(case_id, "marker", "passed"))  # every case checked; these count for nothing
            if n % 4 == 1:
                s.add(_result(case_id, "R1", "violation"))
            if n % 6 == 2:
                s.add(_result(case_id, "R1", "violation"))
                s.add(_result(case_id, "R2", "warning"))
            if n % 9 == 0:  # open, then answered: no longer open
                s.add(_result(case_id, "R3", "violation"))
                s.add(CheckDecision(case_id=case_id, rule_id="R3", decision="dismissed"))
        s.flush()
        recount(s, ids)  # what the write path does after storing results and decisions
    yield bench
    bench.close()


def _expected(wb: Workbench, descending: bool) -> list[int]:
    with wb.db.session() as s:
        q = CaseList(s)
        ids = q.matching_ids(CaseFilter())
        rows = q.rows(ids)
    return sorted(ids, key=lambda i: (rows[i].open_checks, i), reverse=descending)


@pytest.mark.parametrize("descending", [False, True])
def test_the_whole_list_sorted_by_open_checks_matches_the_per_case_count(wb: Workbench, descending: bool) -> None:
    expected = _expected(wb, descending)
    with wb.db.session() as s:
        q = CaseList(s)
        sort = (OPEN_CHECKS, descending)
        assert q.page_ids(CaseFilter(), sort, 0, 100) == expected
        paged = [i for start in range(0, 40, 7) for i in q.page_ids(CaseFilter(), sort, start, 7, count=40)]
        assert paged == expected  # pages agree, across the boundary between the two parts too
        rows = q.rows(expected)
    counts = [rows[i].open_checks for i in expected]
    assert sorted(set(counts)) == [0, 1, 2]  # decided results are not open
    assert counts == sorted(counts, reverse=descending)


def test_a_filtered_list_sorted_by_open_checks_keeps_its_filter(wb: Workbench) -> None:
    with wb.db.session() as s:
        q = CaseList(s)
        f = CaseFilter(open_checks=True)
        ids = q.page_ids(f, (OPEN_CHECKS, True), 0, 100)
        rows = q.rows(ids)
    assert ids and all(rows[i].open_checks > 0 for i in ids)
    assert ids == [i for i in _expected(wb, True) if rows.get(i) is not None]


def test_no_open_checks_at_all(tmp_path: Path) -> None:
    bench = open_workbench(tmp_path)
    try:
        import_cases(bench, write_simple_xlsx(tmp_path / "cases.xlsx", [case_row(i) for i in range(1, 6)]))
        with bench.db.session() as s:
            q = CaseList(s)
            assert q.page_ids(CaseFilter(), (OPEN_CHECKS, True), 0, 10) == sorted(q.matching_ids(CaseFilter()))[::-1]
    finally:
        bench.close()


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("needle", ["盗窃", "1", "某3"])
def test_a_search_sorted_by_open_checks_pages_from_either_end(wb: Workbench, descending: bool, needle: str) -> None:
    """Pages past the middle are read from the other end and turned round: the same list as read forward."""
    with wb.db.session() as s:
        q = CaseList(s)
        f = CaseFilter(text=needle)
        matching = q.matching_ids(f)
        rows = q.rows(matching)
        expected = sorted(matching, key=lambda i: (rows[i].open_checks, i), reverse=descending)
        count = q.count(f)
        sort = (OPEN_CHECKS, descending)
        paged = [i for start in range(0, count, 3) for i in q.page_ids(f, sort, start, 3, count=count)]
        assert q.page_ids(f, sort, count, 3, count=count) == []
    assert 0 < count == len(expected) and paged == expected
