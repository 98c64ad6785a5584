"""A page read before its count (the count follows on a worker), guided only by a bound on the matches: the
same rows in the same order as the page read with its count, whether the walk fills the page, stops at its
bound and counts after all, or has nothing to probe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewapp.services.cases import case_list as case_list_module
from reviewapp.services.cases.case_list import CaseList
from reviewapp.services.cases.index import CaseFilter
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.cases.search_index import fold
from reviewapp.services.workbench import Workbench
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.services_fixtures import open_workbench
from tests.db_target import ON_POSTGRES

NEEDLES = ["赵", "钱", "盗窃", "危险驾驶", "[2025]1", "[2025]3", "某1", "zhang", "不存在的文字"]
ORDERS = [None, (0, False), (1, True), (5, True), (7, False), (8, True)]  # own columns and joined ones


def _rows(n: int = 60) -> list[dict[str, str]]:
    # The first cases (oldest) hold most of "钱" and "[2025]3": matches clustered at one end of the order.
    return [
        case_row(
            i,
            案件名称=f"{'钱' if i < 12 else '赵'}某{i}{'盗窃' if i % 2 else '危险驾驶'}案",
            承办检察官=("王检察官", "李明", "Zhang Wei")[i % 3],
            受理日期=f"2025-{1 + i // 6:02d}-{1 + i % 27:02d}",
            移送案由="盗窃罪" if i % 2 else "危险驾驶罪",
        )
        for i in range(1, n + 1)
    ]


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workbench]:
    folder: Path = tmp_path_factory.mktemp("bound")
    bench = open_workbench(folder)
    import_cases(bench, write_simple_xlsx(folder / "cases.xlsx", _rows()))
    yield bench
    bench.close()


def _page(wb: Workbench, f: CaseFilter, order: tuple[int, bool] | None, limit: int, **known: int) -> list[int]:
    with wb.db.session() as s:
        return CaseList(s).page_ids(f, order, 0, limit, **known)


@pytest.mark.parametrize("limit", [5, 200])
@pytest.mark.parametrize("floor", [0, 5_000])
def test_a_page_read_with_a_bound_is_the_page_read_with_the_count(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch, limit: int, floor: int
) -> None:
    """Every bound a list can give (the count itself, a shorter search's count, every case), with the walk
    stopped at once (floor 0, the grain one step) or let run: the same ids as the counted page."""
    monkeypatch.setattr(case_list_module, "WALK_SHARE", 0.05)  # 3 of 60 cases: most searches walk
    monkeypatch.setattr(case_list_module, "GUESS_FLOOR", floor)
    monkeypatch.setattr(case_list_module, "WALK_SLACK", 1 if floor == 0 else 4)
    monkeypatch.setattr(case_list_module, "WALK_STEP_GRAIN", 1 if floor == 0 else 1000)
    with wb.db.session() as s:
        total = CaseList(s).total()
    for needle in NEEDLES:
        f = CaseFilter(text=needle)
        with wb.db.session() as s:
            count = CaseList(s).count(f)
        for order in ORDERS:
            expected = _page(wb, f, order, limit, count=count)
            for at_most in sorted({count, min(total, 3 * count + 1), total}):
                assert _page(wb, f, order, limit, at_most=at_most) == expected, (needle, order, at_most)


def test_a_walk_stopped_by_its_guess_counts_the_matches_once(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bound that overstates the matches lets the walk give up early: the page then counts them (kept for
    the list, which then needs no count on the worker) and is read as a counted page is."""
    monkeypatch.setattr(case_list_module, "WALK_SHARE", 0.0)
    monkeypatch.setattr(case_list_module, "GUESS_FLOOR", 0)
    monkeypatch.setattr(case_list_module, "WALK_SLACK", 1)
    monkeypatch.setattr(case_list_module, "WALK_STEP_GRAIN", 1)
    f = CaseFilter(text="[2025]3")
    # By case number (the default order reads a search's page from the index in order, with no walk):
    # "[2025]3" lies past the numbers 1…29 there.
    order = (0, False)
    with wb.db.session() as s:
        q = CaseList(s)
        total = q.total()
        ids = q.page_ids(f, order, 0, 5, at_most=total)
        counted = dict(q.counts)
    assert ids == _page(wb, f, order, 5, count=len(_page(wb, f, order, 1000)))
    if ON_POSTGRES:  # never walks: the page is read from the index, no count needed
        assert counted == {}
    else:
        assert counted == {fold("[2025]3"): len(_page(wb, f, order, 1000))}


def test_a_short_search_is_counted_up_to_a_cap_with_its_page(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fewer than five characters: counted with the page up to a cap (an eighth of the 60 cases here), which
    gives the count of a rare search and tells a common one to walk; only a long phrase walks on a guess."""
    monkeypatch.setattr(case_list_module, "WALK_SHARE", 0.05)  # the cap: 2.5 × 5 % of 60 cases, 8
    seen: dict[str, dict[str, int]] = {}
    for needle in ("钱某1", "钱", "zhang"):  # 3 matches; 11; 20
        with wb.db.session() as s:
            q = CaseList(s)
            q.page_ids(CaseFilter(text=needle), (0, False), 0, 5, at_most=q.total())  # not the default order
            seen[needle] = dict(q.counts)
    if ON_POSTGRES:
        assert all(counts == {} for counts in seen.values())
    else:
        assert seen == {"钱某1": {"钱某1": 3}, "钱": {}, "zhang": {}}
