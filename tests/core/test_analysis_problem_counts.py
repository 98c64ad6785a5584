"""The problem ranking's counting: files and findings per item and files per dimension, from the files' item
lists (stats_problems.count_items), and over stored data that the services never write — a file holding two
live findings of one item — against figures worked out by hand."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from reviewapp.services.analysis import stats
from reviewapp.services.analysis.filters import StatsFilter
from reviewapp.services.analysis.periods import parse_period
from reviewapp.services.analysis.stats_problems import ItemLists, count_items
from reviewapp.standards import Standard
from reviewapp.storage.models import Finding, Review, StandardVersion
from tests.core.analysis_fixtures import AnalysisDb, make_analysis_db

Q3 = StatsFilter(parse_period("2026Q3"))


def _lists(*files: tuple[str, ...]) -> ItemLists:
    return ItemLists.of(list(files))


def first_letter(code: str) -> str:
    return code[:1]


def test_counts_files_findings_and_dimensions() -> None:
    got = count_items(_lists(("A1", "A2", "B1"), ("A1",), ("B1", "B2")), first_letter)
    assert got.items == {"A1": (2, 2), "A2": (1, 1), "B1": (2, 2), "B2": (1, 1)}
    assert got.dimensions == {"A": 2, "B": 2}  # file 1 touches A and B, file 2 A, file 3 B


def test_an_item_twice_in_a_file_counts_one_case() -> None:
    got = count_items(_lists(("A1", "A1", "A2"), ("A1",)), first_letter)
    assert got.items == {"A1": (2, 3), "A2": (1, 1)}
    assert got.dimensions == {"A": 2}


def test_unsorted_lists_and_a_code_without_dimension() -> None:
    # PostgreSQL's string_agg gives no order: the counts must not depend on it.
    got = count_items(_lists(("B1", "A2", "A1", "B1"), ("ZZ", "A1")), lambda c: "" if c == "ZZ" else c[:1])
    assert got.items == {"A1": (2, 2), "A2": (1, 1), "B1": (1, 2), "ZZ": (1, 1)}
    assert got.dimensions == {"": 1, "A": 2, "B": 1}


def test_an_empty_code_keeps_the_files_apart() -> None:
    got = count_items(_lists(("",), ("A1", ""), ("A1",)), first_letter)
    assert got.items == {"": (2, 2), "A1": (2, 2)}
    assert got.dimensions == {"": 2, "A": 2}


def test_no_findings() -> None:
    got = count_items(ItemLists.of([]), first_letter)
    assert (got.items, got.dimensions) == ({}, {})


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AnalysisDb]:
    with pytest.MonkeyPatch.context() as mp:
        d = make_analysis_db(tmp_path_factory.mktemp("analysis"), mp)
        yield d
        d.close()


def _file_of(db: AnalysisDb, code: str) -> Review:
    with db.wb.db.session() as s:
        return s.scalars(
            select(Review).where(
                Review.case_id == db.cases[code], Review.kind == "opinion", Review.deleted_at.is_(None)
            )
        ).one()


def test_stored_duplicates_and_two_items_of_a_dimension(db: AnalysisDb) -> None:
    """A1's file gets a second live P3 finding (a state only a hand-made or merged database holds) and A2's a
    finding of another item of dimension P: P3 stays in 4 cases with 5 findings; dimension P is in the same 4
    files with 6 findings (fixture: P3 in A1 A2 A6 A7, D5 in A2 A5, E7 in A3 A6)."""
    a1, a2 = _file_of(db, "A1"), _file_of(db, "A2")
    with db.wb.db.session() as s:
        content = s.scalars(select(StandardVersion.content).where(StandardVersion.id == a2.standard_id)).one()
    other = next(it.code for it in Standard.from_dict(content).items if it.dimension == "P" and it.code != "P3")
    with db.wb.db.unchecked_session() as s:
        s.add(Finding(review_id=a1.id, item_code="P3", severity="司法瑕疵", reason="重复录入"))
        s.add(Finding(review_id=a2.id, item_code=other, severity="司法瑕疵", reason="同一维度的另一项"))
    db.act_as("统计员")
    r = stats.problem_ranking(db.wb, Q3, common_threshold=3)
    assert [(p.item, p.cases, p.findings, p.common) for p in r.items] == [
        ("P3", 4, 5, True),
        ("D5", 2, 2, False),
        ("E7", 2, 2, False),
        (other, 1, 1, False),
    ]
    assert r.reviewed == 7
    assert {d.code: (d.cases, d.findings) for d in r.dimensions} == {"P": (4, 6), "D": (2, 2), "E": (2, 2)}
