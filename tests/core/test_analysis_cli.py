"""The ``stats`` command (text, --json, --out xlsx), permissions and scope of the statistics' reads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewapp.errors import NotPermitted
from reviewapp.services.analysis import drill, stats
from reviewapp.services.analysis.filters import StatsFilter
from reviewapp.services.analysis.periods import parse_period
from reviewapp.services.analysis.stats_names import UnknownName, filter_choices, resolve
from tests.accounts_fixtures import PASSWORD, login_for
from tests.core.analysis_fixtures import HAIDIAN_HEAD, READER, WANG, ZHAO, AnalysisDb, make_analysis_db
from tests.core.cli_fixtures import CliRunner, Result

Q3 = StatsFilter(parse_period("2026Q3"))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AnalysisDb]:
    with pytest.MonkeyPatch.context() as mp:
        d = make_analysis_db(tmp_path_factory.mktemp("analysis_cli"), mp)
        yield d
        d.close()


def run(db: AnalysisDb, monkeypatch: pytest.MonkeyPatch, *argv: str, user: str = READER) -> Result:
    return CliRunner(db.wb.db.url, monkeypatch)(*argv, user=login_for(user), password=PASSWORD)


def test_stats_json_has_every_figure(db: AnalysisDb, monkeypatch: pytest.MonkeyPatch) -> None:
    r = run(db, monkeypatch, "stats", "--period", "2026Q3", "--by", "prosecutor", "--json")
    assert r.code == 0, r.err
    data = r.json()
    assert data["current"]["reviewed"] == 7 and data["current"]["closed"] == 7
    assert data["current"]["grades"] == {"优质": 0, "合格": 2, "基本合格": 3, "不合格": 2}
    assert data["current"]["mapped"] == [{"from": "瑕疵", "to": "基本合格", "count": 1}]
    assert data["period_on_period"]["ratio"] == {
        "delta": pytest.approx(60.0),
        "relative_percent": 150.0,
        "in_points": True,
    }
    assert data["year_on_year"]["reviewed"]["delta"] == 3
    assert {row["name"]: row["total"] for row in data["grades_by"]} == {WANG: 4, ZHAO: 2, "钱检察官": 1}
    assert [(p["item"], p["cases"], p["common"]) for p in data["problems"]["items"]] == [
        ("P3", 4, True),
        ("D5", 2, True),  # the default threshold is notice.common_threshold = 2
        ("E7", 2, True),
    ]
    assert data["problems"]["common_threshold"] == 2
    assert data["key_cases"][0]["trigger"] == "国家赔偿"
    assert [p["name"] for p in data["prosecutors"]] == [WANG, ZHAO, "钱检察官"]


def test_stats_text_filters_and_xlsx(db: AnalysisDb, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    out = tmp_path / "统计.xlsx"
    r = run(
        db,
        monkeypatch,
        "stats",
        "--period",
        "2026Q3",
        "--unit",
        "海淀",
        "--threshold",
        "1",
        "--out",
        str(out),
        "--lang",
        "zh_CN",
    )
    assert r.code == 0, r.err
    assert "2026年第三季度" in r.out and "瑕疵" in r.out  # A5's 2018 grade is said to be mapped
    book = load_workbook(out)
    overview = book.worksheets[0]
    values = {row[0].value: row[1].value for row in overview.iter_rows(min_row=2) if row[0].value}
    assert values["评查案件数"] == 2  # A3 A5 in 海淀
    notes = [row[0].value for row in overview.iter_rows() if row[0].value and "2018" in str(row[0].value)]
    assert notes and "基本合格" in notes[0]
    assert [ws.title for ws in book.worksheets][1:3] == ["等次分布", "问题排名"]
    problems = book.worksheets[2]
    assert [(row[1].value, row[5].value) for row in problems.iter_rows(min_row=2, max_row=3)] == [
        ("D5", "共性"),
        ("E7", "共性"),
    ]


def test_stats_refuses_a_bad_period_and_unknown_names(db: AnalysisDb, monkeypatch: pytest.MonkeyPatch) -> None:
    r = run(db, monkeypatch, "stats", "--period", "2026Q5")
    assert r.code != 0 and "2026Q3" in r.err and "Traceback" not in r.err
    r = run(db, monkeypatch, "stats", "--prosecutor", "没有这个人")
    assert r.code != 0 and "没有这个人" in r.err


def test_reads_need_read_reviews_and_count_only_the_readers_units(db: AnalysisDb) -> None:
    db.act_as(WANG)  # a handling prosecutor: no READ_REVIEWS, no EXPORT_RESULTS
    with pytest.raises(NotPermitted):
        stats.overview(db.wb, Q3)
    with pytest.raises(NotPermitted):
        drill.cases_behind(db.wb, Q3, drill.Figure())
    db.act_as(HAIDIAN_HEAD)  # 部门负责人 of 海淀: READ_REVIEWS over 海淀 only
    o = stats.overview(db.wb, Q3)
    assert (o.reviewed, o.closed) == (2, 1)  # A3 A5; A3 closed — 朝阳's cases are not counted, in the SQL
    assert drill.cases_behind(db.wb, Q3, drill.Figure()) == db.ids("A3", "A5")
    assert [c.label for c in filter_choices(db.wb).units] == ["北京市海淀区人民检察院"]
    with pytest.raises(UnknownName):
        resolve(db.wb, Q3.period, units=["朝阳"])  # not a unit this reader may count
    db.act_as(READER)


def test_resolve_by_part_of_a_name(db: AnalysisDb) -> None:
    db.act_as(READER)
    f = resolve(db.wb, Q3.period, units=["海淀"], prosecutors=[ZHAO], review_types=["重点评查"])
    assert stats.overview(db.wb, f).reviewed == 1  # A3
    with pytest.raises(UnknownName, match="朝阳"):
        resolve(db.wb, Q3.period, units=["北京市"])  # several units match: the message lists them
