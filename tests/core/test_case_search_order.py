"""A search alone in the list's default order (受理日期 newest first, then the id) is read from the trigram
index in that order: the index's key is the case's place in the order. Checked against the order computed
here from every case's stored text and date — any substring, any page, from either end — and the key kept in
step when a re-import moves a case's date or changes its text, or a case is deleted."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from reviewapp.services.cases.case_list import CaseList
from reviewapp.services.cases.index import CaseFilter
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.cases.search_index import ID_MASK, SEP, fold
from reviewapp.services.workbench import Workbench
from reviewapp.storage.database import _alembic_config, current_revision, head_revision, open_database
from reviewapp.storage.models import Case
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.services_fixtures import open_workbench
from tests.db_target import ON_POSTGRES

# Dates with ties, a leap day, the turn of a century and of years: the key's day part must order them all.
DATES = ("2024-02-29", "2024-03-01", "1999-12-31", "2000-01-01", "2025-12-31", "2026-01-01", "2024-02-29")
NAMES = ("张某盗窃案", "李某某危险驾驶案", "王某诈骗案", "赵某帮助信息网络犯罪活动案")


def _rows(n: int = 42) -> list[dict[str, str]]:
    return [
        case_row(
            i,
            部门受案号=f"江口检刑诉受[{DATES[i % len(DATES)][:4]}]{i:04d}号",
            案件名称=f"{NAMES[i % len(NAMES)][:-1]}{i}案",
            受理日期=DATES[i % len(DATES)],
            办结日期="2026-06-30",
        )
        for i in range(1, n + 1)
    ]


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workbench]:
    folder = tmp_path_factory.mktemp("order")
    bench = open_workbench(folder)
    import_cases(bench, write_simple_xlsx(folder / "cases.xlsx", _rows()))
    yield bench
    bench.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Workbench]:
    bench = open_workbench(tmp_path)
    import_cases(bench, write_simple_xlsx(tmp_path / "cases.xlsx", _rows()))
    yield bench
    bench.close()


def _cases(wb: Workbench) -> list[tuple[int, date, str]]:
    with wb.db.session() as s:
        return [(r.id, r.accepted_on, r.search_text or "") for r in s.scalars(select(Case))]


def _expected(wb: Workbench, needle: str) -> list[int]:
    """The list's default order, computed here: newest 受理日期 first, then the highest id."""
    folded = fold(needle)
    found = [(day, cid) for cid, day, txt in _cases(wb) if folded in txt]
    return [cid for _, cid in sorted(found, reverse=True)]


def _page(wb: Workbench, needle: str, offset: int, limit: int, *, counted: bool) -> list[int]:
    with wb.db.session() as s:
        q = CaseList(s)
        f = CaseFilter(text=needle)
        return q.page_ids(f, None, offset, limit, count=q.count(f) if counted else None)


NEEDLES = ("江口检刑诉受[2024", "［２０２４］", "000", "某某危", "1999", "王检察官", "不存在的")


@pytest.mark.parametrize("needle", NEEDLES)
def test_every_page_of_a_search_is_a_slice_of_the_default_order(wb: Workbench, needle: str) -> None:
    expected = _expected(wb, needle)
    assert _page(wb, needle, 0, 1000, counted=False) == expected
    for limit in (1, 5, 7):
        for counted in (False, True):  # a known count reads pages past the middle from the far end
            pages = [_page(wb, needle, o, limit, counted=counted) for o in range(0, len(expected) + limit, limit)]
            assert [i for p in pages for i in p] == expected, (limit, counted)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_substring_any_page(wb: Workbench, data: st.DataObject) -> None:
    texts = [txt for _, _, txt in _cases(wb)]
    source = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, len(source) - 3))
    needle = source[start : start + data.draw(st.integers(3, 12))]
    if SEP in needle:
        needle = needle.split(SEP)[0] if len(needle.split(SEP)[0]) >= 3 else source[:3]
    expected = _expected(wb, needle)
    offset = data.draw(st.integers(0, max(0, len(expected) + 2)))
    limit = data.draw(st.integers(1, 20))
    counted = data.draw(st.booleans())
    assert _page(wb, needle, offset, limit, counted=counted) == expected[offset : offset + limit]


def _id_of(wb: Workbench, number: str) -> int:
    with wb.db.session() as s:
        found = s.scalar(select(Case.id).where(Case.dept_case_no == number))
        assert found is not None
        return found


def _import_changed(wb: Workbench, folder: Path, number: str, change: dict[str, str]) -> None:
    rows = _rows()
    next(r for r in rows if r["部门受案号"] == number).update(change)
    import_cases(wb, write_simple_xlsx(folder / "again.xlsx", rows))


def test_a_reimport_that_moves_a_date_moves_the_case_in_the_search(fresh: Workbench, tmp_path: Path) -> None:
    needle = "江口检刑诉受"
    before = _expected(fresh, needle)
    assert _page(fresh, needle, 0, 100, counted=False) == before
    newest = before[0]
    number = next(r["部门受案号"] for r in _rows() if _id_of(fresh, r["部门受案号"]) == newest)
    # The newest case's 受理日期 goes back to the oldest day: it is found once, at its new place (last).
    _import_changed(fresh, tmp_path, number, {"受理日期": "1999-01-04"})
    assert _page(fresh, needle, 0, 100, counted=False) == _expected(fresh, needle) == [*before[1:], newest]
    # Its name changes: the old text is gone from the index, the new one found.
    old_name = next(r["案件名称"] for r in _rows() if r["部门受案号"] == number)
    _import_changed(fresh, tmp_path, number, {"受理日期": "1999-01-04", "案件名称": "孙某抢劫案"})
    assert _page(fresh, "孙某抢劫", 0, 100, counted=True) == [newest]
    assert _page(fresh, old_name, 0, 100, counted=False) == []
    if not ON_POSTGRES:
        with fresh.db.session() as s:
            raw = s.connection().connection.driver_connection
            assert raw is not None
            raw.execute("INSERT INTO case_search(case_search) VALUES ('integrity-check')")
            assert s.scalar(text("SELECT count(*) FROM case_search")) == len(_rows())


@pytest.mark.skipif(ON_POSTGRES, reason="the trigram index and its triggers are SQLite's")
def test_a_deleted_case_leaves_no_entry_behind(fresh: Workbench) -> None:
    needle = "江口检刑诉受"
    gone = _expected(fresh, needle)[3]
    with fresh.db.session() as s:
        raw = s.connection().connection.driver_connection
        assert raw is not None
        # No service deletes a case; the trigger is there for any that would (or a hand at the database).
        raw.execute("PRAGMA foreign_keys=OFF")  # the case alone: what refers to it is not the point here
        raw.execute("DELETE FROM cases WHERE id = ?", (gone,))
        raw.commit()
        raw.execute("PRAGMA foreign_keys=ON")
    assert gone not in _page(fresh, needle, 0, 100, counted=False)
    assert _page(fresh, needle, 0, 100, counted=True) == _expected(fresh, needle)


FIXTURE_0018 = Path(__file__).resolve().parent.parent / "fixtures" / "db" / "schema_0018.sqlite3"


@pytest.mark.sqlite_only("upgrades a SQLite fixture file; PostgreSQL keeps its pg_trgm index")
def test_migration_0019_rekeys_the_index_and_goes_back(tmp_path: Path) -> None:
    """A database of the previous schema gets its entries keyed by the order on upgrade (the fixture's case
    found by a search), and the downgrade gives back the table keyed by id, rebuilt from the cases."""
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURE_0018, path)
    db = open_database(path)
    try:
        assert current_revision(db) == head_revision()
        with db.session() as s:
            cid, stored = s.execute(text("SELECT id, search_text FROM cases")).one()
            needle = stored.split(SEP)[0][:6]
            assert CaseList(s).page_ids(CaseFilter(text=needle), None, 0, 10) == [cid]
            key = s.scalar(text("SELECT rowid FROM case_search WHERE case_search MATCH :q"), {"q": f'"{needle}"'})
            assert key is not None and key != cid and key & ID_MASK == cid
        cfg = _alembic_config()
        with db.engine.connect().execution_options(write_path=True) as conn, conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0018")
        with db.session() as s:
            found = s.scalar(text("SELECT rowid FROM case_search WHERE case_search MATCH :q"), {"q": f'"{needle}"'})
            assert found == cid
            triggers = s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).all()
            assert not [t for t in triggers if t.startswith("case_search")]
    finally:
        db.close()
