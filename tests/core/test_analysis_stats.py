"""Every statistic on the fixed data set of analysis_fixtures, against figures computed by hand from its table
(the module docstring there): review ratio, grade distribution with 瑕疵 → 基本合格, YoY and PoP change,
rankings, 共性/个性, key cases by trigger, trends, click-through."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from reviewapp.services.analysis import drill, stats
from reviewapp.services.analysis.filters import StatsFilter, opening_period
from reviewapp.services.analysis.periods import parse_period
from reviewapp.services.analysis.stats_grades import MappedGrade
from tests.core.analysis_fixtures import QIAN, WANG, ZHAO, AnalysisDb, make_analysis_db

Q3 = StatsFilter(parse_period("2026Q3"))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AnalysisDb]:
    with pytest.MonkeyPatch.context() as mp:
        d = make_analysis_db(tmp_path_factory.mktemp("analysis"), mp)
        yield d
        d.close()


@pytest.fixture(autouse=True)
def _reader(db: AnalysisDb) -> None:
    db.act_as("统计员")


def test_overview_of_the_quarter(db: AnalysisDb) -> None:
    o = stats.overview(db.wb, Q3)
    # A1–A7 formed in Q3; D1 was started but never formed, O1/O2 never reviewed.
    assert o.reviewed == 7
    # Closed in Q3: A1 A2 A3 (July), A7 (August 1), O1 O2 (August 20), D1 (August 21).
    assert o.closed == 7
    assert o.ratio == pytest.approx(7 / 7)
    assert o.findings == 1 + 2 + 1 + 0 + 1 + 2 + 1
    assert o.with_problems == 6
    assert o.problems_per_case == pytest.approx(8 / 7)
    assert o.problem_share == pytest.approx(6 / 7)
    # A7 is counted with its chosen grade 合格 (its proposal was 基本合格); A5's 2018 瑕疵 as 基本合格.
    assert o.grades == {"优质": 0, "合格": 2, "基本合格": 3, "不合格": 2}
    assert o.mapped == (MappedGrade("瑕疵", "基本合格", 1),)


def test_year_on_year_and_period_on_period(db: AnalysisDb) -> None:
    c = stats.compare(db.wb, Q3)
    assert (c.previous.reviewed, c.previous.closed) == (2, 5)  # B1 B2; A4 A5 A6 B1 B2 closed in Q2
    assert (c.year_before.reviewed, c.year_before.closed) == (4, 4)  # C1–C4
    pop = c.pop("ratio")  # 100 % against 40 %: +60 percentage points, +150 % relative
    assert (pop.delta, pop.relative, pop.points) == (pytest.approx(60.0), pytest.approx(150.0), True)
    yoy = c.yoy("ratio")
    assert (yoy.delta, yoy.relative) == (pytest.approx(0.0), pytest.approx(0.0))
    reviewed = c.yoy("reviewed")  # 7 against 4: +3, +75 %
    assert (reviewed.delta, reviewed.relative, reviewed.points) == (3, pytest.approx(75.0), False)
    assert c.pop("grade:基本合格").delta == 3 - 1
    share = c.yoy("problem_share")  # 6/7 against 1/4
    assert share.delta == pytest.approx((6 / 7 - 1 / 4) * 100)
    assert c.pop("findings").relative == pytest.approx((8 - 1) / 1 * 100)


def test_nothing_before_means_no_relative_change(db: AnalysisDb) -> None:
    c = stats.compare(db.wb, StatsFilter(parse_period("2025-08")))
    assert c.current.reviewed == 4 and c.year_before.reviewed == 0
    assert c.yoy("reviewed").relative is None and c.yoy("reviewed").delta == 4
    assert c.yoy("ratio").delta is None  # nothing closed in 2024-08: no ratio to compare with


def test_grade_distribution_by_prosecutor_and_line(db: AnalysisDb) -> None:
    t = stats.grade_distribution(db.wb, Q3, "prosecutor")
    assert t.grades == ("优质", "合格", "基本合格", "不合格")
    rows = {r.label: r for r in t.rows}
    assert rows[WANG].grades == {"优质": 0, "合格": 1, "基本合格": 2, "不合格": 1}  # A7; A1 A2; A6
    assert (rows[WANG].findings, rows[WANG].with_problems) == (1 + 2 + 2 + 1, 4)
    assert rows[ZHAO].grades == {"优质": 0, "合格": 0, "基本合格": 1, "不合格": 1}  # A5 (瑕疵); A3
    assert rows[QIAN].grades == {"优质": 0, "合格": 1, "基本合格": 0, "不合格": 0}  # A4
    assert t.totals == {"优质": 0, "合格": 2, "基本合格": 3, "不合格": 2}
    assert t.mapped == (MappedGrade("瑕疵", "基本合格", 1),)
    lines = {r.label: r.total for r in stats.grade_distribution(db.wb, Q3, "line").rows}
    assert lines == {"公诉": 5, "侦监": 2}
    types = {r.label: r.total for r in stats.grade_distribution(db.wb, Q3, "type").rows}
    assert types == {"常规抽查": 5, "重点评查": 2}  # A1 and A3 came through the key-case plan
    plans = {r.key: r.total for r in stats.grade_distribution(db.wb, Q3, "plan").rows}
    assert plans == {None: 5, db.plan_id: 2}


def test_rankings(db: AnalysisDb) -> None:
    pros = stats.ranking(db.wb, Q3, "prosecutor")
    # Problems per case: 王 6/4 = 1.5, 赵 2/2 = 1.0, 钱 0/1 = 0.
    assert [(r.rank, r.label) for r in pros] == [(1, WANG), (2, ZHAO), (3, QIAN)]
    assert pros[0].problems_per_case == pytest.approx(1.5) and pros[0].problem_share == pytest.approx(1.0)
    units = stats.ranking(db.wb, Q3, "unit")
    # 朝阳: A1 A2 A4 A6 A7 → 6 findings / 5 files = 1.2; 海淀: A3 A5 → 2 / 2 = 1.0.
    assert [(r.label, r.reviewed, r.findings) for r in units] == [
        ("北京市朝阳区人民检察院", 5, 6),
        ("北京市海淀区人民检察院", 2, 2),
    ]
    depts = stats.ranking(db.wb, Q3, "department")
    assert [r.reviewed for r in depts] == [4, 2, 1]  # 朝阳一部 (1.5), 海淀一部 (1.0), 朝阳二部 (0)
    assert depts[0].label.startswith("第一检察部（北京市朝阳区")  # the same name in two units says which


def test_problem_ranking_common_and_individual(db: AnalysisDb) -> None:
    r = stats.problem_ranking(db.wb, Q3, common_threshold=3)
    assert [(p.item, p.cases, p.findings, p.common) for p in r.items] == [
        ("P3", 4, 4, True),  # A1 A2 A6 A7
        ("D5", 2, 2, False),  # A2 A5
        ("E7", 2, 2, False),  # A3 A6
    ]
    assert r.items[0].dimension == "办案程序" and r.items[0].text
    dims = {d.code: (d.cases, d.findings) for d in r.dimensions}
    assert dims == {"P": (4, 4), "D": (2, 2), "E": (2, 2)}
    lower = stats.problem_ranking(db.wb, Q3, common_threshold=2)
    assert all(p.common for p in lower.items)
    assert stats.problem_ranking(db.wb, Q3).threshold == 2  # the setting notice.common_threshold


def test_key_cases_by_trigger(db: AnalysisDb) -> None:
    rows = stats.key_cases_by_trigger(db.wb, Q3)
    assert [(r.trigger, r.cases, r.with_problems, r.findings) for r in rows] == [("国家赔偿", 2, 2, 2)]
    assert rows[0].grades["基本合格"] == 1 and rows[0].grades["不合格"] == 1  # A1, A3
    assert stats.key_cases_by_trigger(db.wb, StatsFilter(parse_period("2026Q2"))) == []


def test_filters_narrow_every_figure(db: AnalysisDb) -> None:
    zhao = Q3.narrowed(prosecutor_ids=(db.person(ZHAO),))
    o = stats.overview(db.wb, zhao)
    assert (o.reviewed, o.closed, o.findings) == (2, 1, 2)  # A3 A5; A3 closed in Q3
    line = stats.overview(db.wb, Q3.narrowed(lines=("侦监",)))
    assert (line.reviewed, line.closed) == (2, 1)
    key = stats.overview(db.wb, Q3.narrowed(review_types=("重点评查",)))
    assert (key.reviewed, key.closed) == (2, 7)  # review type does not narrow the closed cases
    plan = stats.overview(db.wb, Q3.narrowed(plan_ids=(db.plan_id,)))
    assert plan.reviewed == 2


def test_trend_by_month(db: AnalysisDb) -> None:
    points = stats.trend(db.wb, Q3, 6, "month")
    assert [p.period.code() for p in points] == ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"]
    assert [p.overview.reviewed for p in points] == [0, 2, 0, 0, 4, 3]
    assert [p.overview.closed for p in points] == [2, 0, 3, 3, 4, 0]


def test_click_through_lists_the_cases_behind_each_figure(db: AnalysisDb) -> None:
    wb = db.wb
    assert drill.cases_behind(wb, Q3, drill.Figure("reviewed")) == db.ids("A1", "A2", "A3", "A4", "A5", "A6", "A7")
    assert drill.cases_behind(wb, Q3, drill.Figure("closed")) == db.ids("A1", "A2", "A3", "A7", "O1", "O2", "D1")
    # 基本合格 includes the 2018 瑕疵 of A5; 合格 includes A7, whose proposal was 基本合格.
    assert drill.cases_behind(wb, Q3, drill.Figure(grade="基本合格")) == db.ids("A1", "A2", "A5")
    assert drill.cases_behind(wb, Q3, drill.Figure(grade="合格")) == db.ids("A4", "A7")
    assert drill.cases_behind(wb, Q3, drill.Figure("findings", item="P3")) == db.ids("A1", "A2", "A6", "A7")
    assert drill.cases_behind(wb, Q3, drill.Figure("findings", dimension="E")) == db.ids("A3", "A6")
    assert drill.cases_behind(wb, Q3, drill.Figure(trigger="国家赔偿")) == db.ids("A1", "A3")
    by = drill.Figure("with_problems", by="prosecutor", key=db.person(WANG))
    assert drill.cases_behind(wb, Q3, by) == db.ids("A1", "A2", "A6", "A7")
    previous = drill.Figure(period=parse_period("2026Q2"))
    assert drill.cases_behind(wb, Q3, previous) == db.ids("B1", "B2")
    rows = drill.case_rows(wb, db.ids("A5", "O1"))
    assert [(r.grade, r.findings, r.file_no != "") for r in rows] == [("瑕疵", 1, True), ("", 0, False)]
    assert rows[0].formed_on is not None and rows[0].formed_on.isoformat() == "2026-09-14"


@pytest.mark.parametrize(
    ("today", "opened"),
    [
        (date(2026, 10, 15), "2026Q3"),  # the last complete quarter has files: the quarterly report's
        (date(2026, 8, 20), "2026Q2"),  # Q2 has B1 B2, though Q3 already has more
        (date(2025, 8, 25), "2025Q3"),  # Q2 2025 is empty, the current quarter has C1–C4
        (date(2026, 1, 10), "2025Q4"),  # neither has any: the last complete quarter, empty
    ],
)
def test_the_window_opens_on_a_quarter_with_review_files(db: AnalysisDb, today: date, opened: str) -> None:
    assert opening_period(db.wb, today) == parse_period(opened)
