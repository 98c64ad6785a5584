"""The case list answered by the database: substring search through the search index (one, two and three or
more characters), filters, every sort order, paging and positions, and the index kept in step by the import
and by renaming a person."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewapp.services.accounts.users import edit_account
from reviewapp.services.cases import case_list as case_list_module
from reviewapp.services.cases.case_list import CaseList
from reviewapp.services.cases.index import SORT_COLUMNS, CaseFilter, load_case_index
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.cases.search_index import fold, search_text, short_tokens
from reviewapp.services.workbench import Workbench
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.services_fixtures import open_workbench
from tests.db_target import ON_POSTGRES

PROSECUTORS = ("王检察官", "李明", "Zhang Wei")


def _rows(n: int = 30) -> list[dict[str, str]]:
    return [
        case_row(
            i,
            案件名称=f"{'赵' if i % 3 else '钱'}某{i}{'盗窃' if i % 2 else '危险驾驶'}案",
            承办检察官=PROSECUTORS[i % 3],
            案件类别="审查起诉" if i % 4 else "审查逮捕",
            受理日期=f"2025-{1 + i % 12:02d}-{1 + i % 27:02d}",
            办结日期="" if i % 5 == 0 else "2025-12-20",
            移送案由="盗窃罪" if i % 2 else "危险驾驶罪",
        )
        for i in range(1, n + 1)
    ]


def _bench(folder: Path) -> Workbench:
    bench = open_workbench(folder)
    import_cases(bench, write_simple_xlsx(folder / "cases.xlsx", _rows()))
    return bench


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workbench]:
    """Read-only tests share one database."""
    bench = _bench(tmp_path_factory.mktemp("search"))
    yield bench
    bench.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Workbench]:
    bench = _bench(tmp_path)
    yield bench
    bench.close()


def _names(wb: Workbench, f: CaseFilter, sort: tuple[int, bool] | None = None) -> list[str]:
    with wb.db.session() as s:
        q = CaseList(s)
        ids = q.page_ids(f, sort, 0, 1000)
        rows = q.rows(ids)
        assert q.count(f) == len(ids)
        return [rows[i].name for i in ids]


def test_the_folded_text_and_its_short_tokens() -> None:
    text = search_text("朝检刑诉受[２０２５]1号", "张某盗窃案", "Zhang Wei", None)
    assert "[2025]" in text and "zhang wei" in text  # full width to half width, lower case
    tokens = set(short_tokens(fold("张某\x1f盗窃")).split())
    assert "张".encode().hex() in tokens and "张某".encode().hex() in tokens and "某盗".encode().hex() not in tokens


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("钱", 10),  # one character: the short index
        ("危险", 15),  # two characters
        ("危险驾驶", 15),  # trigram phrase
        ("[2025]1", 11),  # number substring: 1, 10-19
        ("［2025］1", 11),  # typed in full width
        ("zhang", 10),  # prosecutor, case-insensitive
        ("ZHANG WEI", 10),
        ("李明", 10),
        ("盗窃罪", 15),  # 案由
        ("不存在", 0),
        ("x", 0),
    ],
)
def test_substring_search_of_any_length(wb: Workbench, needle: str, expected: int) -> None:
    names = _names(wb, CaseFilter(text=needle))
    assert len(names) == expected
    with wb.db.session() as s:
        all_rows = CaseList(s).rows(CaseList(s).matching_ids(CaseFilter()))
    folded = fold(needle)
    truth = sorted(
        r.name
        for r in all_rows.values()
        if folded in fold(f"{r.dept_case_no}\x1f{r.name}\x1f{r.prosecutor}\x1f{r.transferred_charge}")
    )
    assert sorted(names) == truth


def test_walking_the_order_finds_what_the_index_finds(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> None:
    wanted = CaseFilter(text="盗窃", case_type="审查起诉")
    orders = [(1, False), (10, True), (12, False)]
    by_index = [_names(wb, wanted, order) for order in orders]
    monkeypatch.setattr(case_list_module, "WALK_SHARE", 0.0)  # every text search walks the order
    assert [_names(wb, wanted, order) for order in orders] == by_index
    assert by_index[0] == sorted(by_index[0])


def test_a_walk_past_its_bound_gives_way_to_the_index_with_the_same_rows(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A walk stopped by its bound (matches clustered far down the order) sorts the index's matches instead:
    the same rows in the same order, in every order and with other filters."""
    filters = [CaseFilter(text="盗窃"), CaseFilter(text="2025"), CaseFilter(text="2025", case_type="审查起诉")]
    orders = [None, (0, False), (1, True), (5, True), (8, False), (8, True), (10, True), (12, False)]
    by_index = [[_names(wb, f, order) for order in orders] for f in filters]
    monkeypatch.setattr(case_list_module, "WALK_SHARE", 0.0)  # every text search walks the order
    walked = [[_names(wb, f, order) for order in orders] for f in filters]
    stopped: list[None] = []
    real = CaseList._walk_within

    def counted(self: CaseList, *args: object) -> list[int] | None:
        ids = real(self, *args)  # type: ignore[arg-type]
        if ids is None:
            stopped.append(None)
        return ids

    monkeypatch.setattr(CaseList, "_walk_within", counted)
    monkeypatch.setattr(case_list_module, "WALK_FLOOR", 0)
    monkeypatch.setattr(case_list_module, "WALK_SLACK", 0)
    monkeypatch.setattr(case_list_module, "WALK_STEP_GRAIN", 1)  # the bound is reached after a step or two
    bounded = [[_names(wb, f, order) for order in orders] for f in filters]
    assert walked == by_index and bounded == by_index
    assert bool(stopped) == (not ON_POSTGRES)  # PostgreSQL never walks


@pytest.mark.parametrize("needle", ["[2025]1", "［2025］1", "危险驾驶罪", "zhang wei", "不存在的文字"])
def test_a_long_needle_is_evaluated_once_for_count_and_page(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch, needle: str
) -> None:
    """Counted first (as the list does), a long needle's ids drive the page: same rows, in every order and
    with other filters, as the search index asked again."""
    monkeypatch.setattr(case_list_module, "WALK_SHARE", 1.0)  # a share this small is sorted, not walked
    for f in (CaseFilter(text=needle), CaseFilter(text=needle, closed=True)):
        for order in (None, (1, False), (5, True), (10, False)):
            expected = _names(wb, f, order)  # page first: the index, as before
            with wb.db.session() as s:
                q = CaseList(s)
                count = q.count(CaseFilter(text=needle))
                # SQLite's FTS5 phrase; PostgreSQL's trigram index answers LIKE on the column, as before
                assert (fold(needle.strip()) in q._found) == (q.dialect == "sqlite")
                ids = q.page_ids(f, order, 0, 1000, count=q.count(f))
                rows = q.rows(ids)
            assert [rows[i].name for i in ids] == expected
            assert count >= len(expected)


def test_filters_combine(wb: Workbench) -> None:
    assert len(_names(wb, CaseFilter(case_type="审查逮捕"))) == 7
    assert len(_names(wb, CaseFilter(closed=False))) == 6
    assert len(_names(wb, CaseFilter(closed=False, text="钱"))) == 2  # 15 and 30
    assert _names(wb, CaseFilter(review="none")) == _names(wb, CaseFilter())  # nothing reviewed yet
    assert _names(wb, CaseFilter(open_checks=True)) == []


@pytest.mark.parametrize("column", range(len(SORT_COLUMNS)))
@pytest.mark.parametrize("descending", [False, True])
def test_every_column_sorts_and_pages_agree(wb: Workbench, column: int, descending: bool) -> None:
    with wb.db.session() as s:
        q = CaseList(s)
        f = CaseFilter(text="某")
        ids = q.page_ids(f, (column, descending), 0, 100)
        assert len(ids) == 30
        paged = q.page_ids(f, (column, descending), 0, 7) + q.page_ids(f, (column, descending), 7, 100)
        assert paged == ids  # pages are slices of one order
        assert q.page_ids(f, (column, descending), 20, 7, count=30) == ids[20:27]  # read from the far end
        assert q.page_ids(f, (column, descending), 27, 7, count=30) == ids[27:]
        rows = q.rows(ids)
        key = SORT_COLUMNS[column]
        attr = {"unit": "unit", "department": "department", "prosecutor": "prosecutor"}.get(key, key)
        values = [getattr(rows[i], attr) for i in ids]
        present = [v for v in values if v not in (None, "", 0)]
        assert present == sorted(present, reverse=descending)
        assert q.position(f, (column, descending), ids[11]) == 11


def test_a_changed_card_and_a_renamed_prosecutor_are_found_by_their_new_text(fresh: Workbench, tmp_path: Path) -> None:
    wb = fresh
    rows = _rows()
    rows[0]["案件名称"] = "孙某1抢劫案"
    import_cases(wb, write_simple_xlsx(tmp_path / "again.xlsx", rows))
    assert _names(wb, CaseFilter(text="抢劫")) == ["孙某1抢劫案"]
    assert "赵某1盗窃案" not in _names(wb, CaseFilter(text="赵某1"))
    from tests.accounts_fixtures import REVIEWER, login_for, sign_in

    sign_in(wb, "李明", roles=[REVIEWER], unit="北京市朝阳区人民检察院")
    login = login_for("李明")
    from tests.accounts_fixtures import ALL_ROLES

    sign_in(wb, "测试评查员", roles=ALL_ROLES)
    edit_account(wb, login, name="孙亮")
    assert len(_names(wb, CaseFilter(text="孙亮"))) == 10
    assert _names(wb, CaseFilter(text="李明")) == []  # the old pairs are gone from the short index too
    assert _names(wb, CaseFilter(text="孙某1抢")) == ["孙某1抢劫案"]


def test_matching_ids_for_plans_and_the_cases_command(wb: Workbench) -> None:
    index = load_case_index(wb)
    assert len(index.filter(CaseFilter(text="危险驾驶"))) == 15


@pytest.mark.skipif(ON_POSTGRES, reason="the FTS5 tables are SQLite's")
def test_the_fts_tables_hold_one_row_per_case(wb: Workbench) -> None:
    from sqlalchemy import text

    with wb.db.session() as s:
        assert s.scalar(text("SELECT count(*) FROM case_search")) == 30
        hits = s.scalar(
            text("SELECT count(*) FROM case_search_short WHERE case_search_short MATCH :q"),
            {"q": '"' + "钱".encode().hex() + '"'},
        )
        assert hits == 10
