"""Every statistic of review-rules §6 worked out by hand on the data set of hand_statistics_fixtures (its table
is the paper the figures below are computed from), against the statistics API, the periodic report with its
appendix 评查发现问题案件列表, the statistics and appraisal workbooks read back, the review ledger and the
rectification ledger. The module runs on Beijing time: a few steps happen between midnight and 08:00, when
the UTC day is still the day before.

Readings of the code where the rules are silent (tested as the code has them):
- a formed but undetermined opinion (K4, awaiting the prosecutor's feedback) counts in the statistics with
  its formed grade, but not in the appraisal, which takes determined results only (§1 steps 10, 14);
- a 2018-scheme 瑕疵 is counted as 基本合格 in every figure (§2), but the appendix prints it as graded (瑕疵案件);
- a determination voided by the chief and formed again moves the case to the period it was formed again in
  (K4: formed 2025-11-03, counted in 2026 only); its voided determination counts in no appraisal;
- closed and reviewed are different sets of cases: the ratio of a unit may reach 100 % with a case closed
  the year before (K4);
- ties of a ranking share the rank and are listed by the name's code points (赵 before 钱); problems found
  in as many cases are listed by letter, then number (E7 before E10) in the statistics, the ledger and the
  report alike;
- shares and problems per case are printed rounded half up (四舍五入, domain/rounding.py): 9 / 8 = 1.125
  prints as 1.13.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewapp.exports.stats_xlsx import write_stats_xlsx
from reviewapp.services.analysis import stats
from reviewapp.services.analysis.appraisal import appraisal_sheet, export_appraisal
from reviewapp.services.analysis.filters import StatsFilter
from reviewapp.services.analysis.periodic import periodic_report
from reviewapp.services.analysis.periodic_text import report_document
from reviewapp.services.analysis.periods import parse_period
from reviewapp.services.analysis.stats_grades import MappedGrade
from reviewapp.services.analysis.stats_json import report_of
from reviewapp.services.panel.labels import CN_RECTIFICATION
from reviewapp.services.panel.rectification import list_rectifications
from reviewapp.services.results.ledger import ledger_rows, problem_ranking
from reviewapp.services.reviews.commands import review_state
from tests.core.hand_statistics_fixtures import (
    BEIJING,
    CY,
    HD,
    LI,
    QIAN,
    READER,
    WANG,
    WU,
    ZHAO,
    ZHOU,
    StatsDb,
    case_name,
    case_no,
    make_stats_db,
)

Y2026 = StatsFilter(parse_period("2026"))
Y2025 = StatsFilter(parse_period("2025"))
GRADES = ("优质", "合格", "基本合格", "不合格")
P3 = "P3 未在三日内告知委托辩护人、申请法律援助、委托诉讼代理人等诉讼权利（司法瑕疵）"


def grades(*counts: int) -> dict[str, int]:
    return dict(zip(GRADES, counts, strict=True))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StatsDb]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TZ", BEIJING)
        time.tzset()
        d = make_stats_db(tmp_path_factory.mktemp("hand_stats"))
        yield d
        d.wb.close()
    time.tzset()


@pytest.fixture(autouse=True)
def _reader(db: StatsDb) -> None:
    db.act_as(READER)


def test_review_ratio_per_unit_and_overall(db: StatsDb) -> None:
    def figures(f: StatsFilter) -> tuple[int, int, float | None]:
        o = stats.overview(db.wb, f)
        return o.reviewed, o.closed, o.ratio

    cy, hd = (db.unit(CY),), (db.unit(HD),)
    # 2026: formed A5 K4 A1 A2 A3 A4 A6 A7 = 8 (A8 only started, A9 never reviewed); closed A1–A9 = 9;
    # 8 / 9 = 88.9 %.
    assert figures(Y2026) == (8, 9, pytest.approx(8 / 9))
    # 朝阳: reviewed A1 A2 A3 A4 of closed A1 A2 A3 A4 A9 = 4 / 5 = 80.0 %.
    assert figures(Y2026.narrowed(unit_ids=cy)) == (4, 5, pytest.approx(0.8))
    # 海淀: reviewed A5 A6 A7 and K4 (closed in 2025) of closed A5 A6 A7 A8 = 4 / 4 = 100 %.
    assert figures(Y2026.narrowed(unit_ids=hd)) == (4, 4, pytest.approx(1.0))
    # 2025: K1 K2 of K1–K4 = 2 / 4 = 50 %; 朝阳 K1 of K1 K3, 海淀 K2 of K2 K4 (K4 moved to 2026).
    assert figures(Y2025) == (2, 4, pytest.approx(0.5))
    assert figures(Y2025.narrowed(unit_ids=cy)) == figures(Y2025.narrowed(unit_ids=hd)) == (1, 2, pytest.approx(0.5))


def test_problems_per_case_and_grades_of_the_year(db: StatsDb) -> None:
    o = stats.overview(db.wb, Y2026)
    # With problems: A5 K4 A1 A2 A3 A7 = 6 of 8 = 75.0 %; findings 1 + 1 + 3 + 2 + 1 + 1 = 9, 9 / 8 = 1.125.
    assert (o.with_problems, o.findings) == (6, 9)
    assert (o.problem_share, o.problems_per_case) == (pytest.approx(0.75), pytest.approx(1.125))
    # 优质 A6; 合格 A4; 基本合格 A1 A7 + 瑕疵 A5 K4 (2018 scheme, §2 mapping); 不合格 A2 and A3 (E10 veto).
    # K4 counts though undetermined (its proposal), A8 (never submitted) does not.
    assert o.grades == grades(1, 1, 4, 2)
    assert o.mapped == (MappedGrade("瑕疵", "基本合格", 2),)
    veto = review_state(db.wb, db.opinions["A3"]).proposal  # §2: a veto item forces 不合格
    assert (veto.grade, veto.rule_id, veto.deciding_findings) == ("不合格", "R-VETO", ("E10",))
    assert [o.grade_share(g) for g in GRADES] == pytest.approx([1 / 8, 1 / 8, 4 / 8, 2 / 8])
    before = stats.overview(db.wb, Y2025)  # K1 瑕疵 (D5), K2 合格: 1 of 2 with problems, 1 finding
    assert (before.with_problems, before.findings, before.grades) == (1, 1, grades(0, 1, 1, 0))
    assert before.mapped == (MappedGrade("瑕疵", "基本合格", 1),)


def test_year_on_year(db: StatsDb) -> None:
    c = stats.compare(db.wb, Y2026)
    assert c.previous == c.year_before  # a year's previous period is the year before
    ratio = c.yoy("ratio")  # 88.89 % − 50 % = +38.89 points, relative (8/9 − 1/2) / (1/2) = +77.78 %
    assert (ratio.delta, ratio.relative) == (pytest.approx(38.888889), pytest.approx(77.777778))
    reviewed = c.yoy("reviewed")  # 8 − 2 = +6, +300 %
    assert (reviewed.delta, reviewed.relative) == (6, pytest.approx(300.0))
    assert c.yoy("problem_share").delta == pytest.approx(25.0)  # 75 % − 50 %
    assert c.yoy("share:不合格").delta == pytest.approx(25.0)  # 2/8 − 0/2
    assert c.yoy("findings").delta == 8  # 9 − 1


def test_grade_distribution_by_year_unit_line_and_type(db: StatsDb) -> None:
    years = stats.trend(db.wb, Y2026, 2, "year")
    assert [(p.period.code(), p.overview.grades) for p in years] == [
        ("2025", grades(0, 1, 1, 0)),  # K2; K1 瑕疵
        ("2026", grades(1, 1, 4, 2)),
    ]

    def table(by: str) -> dict[str, dict[str, int]]:
        t = stats.grade_distribution(db.wb, Y2026, by)
        assert t.grades == GRADES and t.mapped == (MappedGrade("瑕疵", "基本合格", 2),)
        return {r.label: r.grades for r in t.rows}

    # 朝阳: A4 合格, A1 基本合格, A2 A3 不合格; 海淀: A6 优质, A5 K4 A7 基本合格.
    assert table("unit") == {CY: grades(0, 1, 1, 2), HD: grades(1, 0, 3, 0)}
    # 公诉 A1 A2 A5 A6; 侦监 A3 A4; 未检 A7 K4.
    assert table("line") == {"公诉": grades(1, 0, 2, 1), "侦监": grades(0, 1, 0, 1), "未检": grades(0, 0, 2, 0)}
    # 重点评查 A6 (国家赔偿 plan), 专项评查 A3 (thematic plan), 常规抽查 the six ad hoc reviews.
    assert table("type") == {
        "专项评查": grades(0, 0, 0, 1),
        "常规抽查": grades(0, 1, 4, 1),
        "重点评查": grades(1, 0, 0, 0),
    }
    [key] = stats.key_cases_by_trigger(db.wb, Y2026)  # A6, selected by its 国家赔偿 trigger
    assert (key.trigger, key.cases, key.with_problems, key.findings) == ("国家赔偿", 1, 0, 0)
    assert key.grades == grades(1, 0, 0, 0)


def test_cases_per_prosecutor_and_per_reviewer(db: StatsDb) -> None:
    def totals(f: StatsFilter, by: str) -> dict[str, int]:
        return {r.label: r.total for r in stats.grade_distribution(db.wb, f, by).rows}

    # 王 A1 A2, 钱 A3 A4, 赵 A5 A6, 周 A7 K4.
    assert totals(Y2026, "prosecutor") == {WANG: 2, QIAN: 2, ZHAO: 2, ZHOU: 2}
    # 吴 A1 A2 A3 A4 A7; 李 A5 A6 K4 (A8, which 李 never submitted, not counted).
    assert totals(Y2026, "reviewer") == {WU: 5, LI: 3}
    assert totals(Y2025, "reviewer") == {WU: 1, LI: 1}  # K1; K2
    # Closed per prosecutor in 2026 (the ratio's denominator): 王 A1 A2 A9 = 3 → 2 / 3.
    wang = stats.overview(db.wb, Y2026.narrowed(prosecutor_ids=(db.person(WANG),)))
    assert (wang.reviewed, wang.closed) == (2, 3)


def test_prosecutor_department_and_unit_rankings(db: StatsDb) -> None:
    pros = stats.ranking(db.wb, Y2026, "prosecutor")
    # Problems per case, then share with problems: 王 (3 + 2) / 2 = 2.5; 周 (1 + 1) / 2 = 1.0; 赵 1 / 2 = 0.5
    # and 钱 1 / 2 = 0.5 (both share 1/2): tied, both rank 3.
    assert [(r.rank, r.label, r.findings, r.with_problems) for r in pros] == [
        (1, WANG, 5, 2),
        (2, ZHOU, 2, 2),
        (3, ZHAO, 1, 1),
        (3, QIAN, 1, 1),
    ]
    depts = stats.ranking(db.wb, Y2026, "department")
    # 朝阳一部 (王) 5 / 2 = 2.5; 海淀一部 (赵 周) 3 / 4 = 0.75; 朝阳二部 (钱) 1 / 2 = 0.5.
    assert [(r.rank, r.label, r.reviewed, r.findings) for r in depts] == [
        (1, f"第一检察部（{CY}）", 2, 5),
        (2, f"第一检察部（{HD}）", 4, 3),
        (3, "第二检察部", 2, 1),
    ]
    units = stats.ranking(db.wb, Y2026, "unit")  # 朝阳 6 / 4 = 1.5, 海淀 3 / 4 = 0.75
    assert [(r.label, r.reviewed, r.findings, r.with_problems) for r in units] == [(CY, 4, 6, 3), (HD, 4, 3, 3)]


def test_problem_ranking_common_and_individual(db: StatsDb) -> None:
    r = stats.problem_ranking(db.wb, Y2026)  # threshold: the setting notice.common_threshold, 2
    assert (r.threshold, r.reviewed) == (2, 8)
    # P3 in A1 A2 A7 K4; D5 in A1 A5: 共性. D11 (A1), E7 (A2), E10 (A3): 个性.
    assert [(p.item, p.cases, p.findings, p.common) for p in r.items] == [
        ("P3", 4, 4, True),
        ("D5", 2, 2, True),
        ("D11", 1, 1, False),
        ("E7", 1, 1, False),  # E7 before E10 (item_order), as the ledger and the report list them
        ("E10", 1, 1, False),
    ]
    # Per dimension (cases, findings): E A2 A3 (2, 2); P (4, 4); D A1 (two items) and A5 (2, 3).
    assert [(d.name, d.cases, d.findings) for d in r.dimensions] == [
        ("证据采信", 2, 2),
        ("办案程序", 4, 4),
        ("文书制作和使用", 2, 3),
    ]
    ledger = problem_ranking(db.wb, date_from=date(2026, 1, 1), date_to=date(2026, 12, 31))
    assert [(p.item_code, p.cases, p.kind) for p in ledger] == [
        ("P3", 4, "共性"),
        ("D5", 2, "共性"),
        ("D11", 1, "个性"),
        ("E7", 1, "个性"),
        ("E10", 1, "个性"),
    ]
    assert ledger[0].dept_case_nos == tuple(sorted(case_no(c) for c in ("A1", "A2", "A7", "K4")))


def test_the_periodic_report_and_its_appendix(db: StatsDb) -> None:
    doc = report_document(periodic_report(db.wb, parse_period("2026"), issued_on=date(2027, 1, 8)))
    texts = [getattr(it, "text", "") for it in doc.items if type(it).__name__ == "Paragraph"]
    assert texts[0] == (
        "本年度共评查案件8件，占同期办结案件（9件）的88.9%，同比上升38.9个百分点，环比上升38.9个百分点。"
        "评查案件数同比增加6件，环比增加6件。"
    )
    assert texts[1] == (
        "经评查，评定优质案件1件、合格案件1件、基本合格案件4件、不合格案件2件，分别占评查案件的"
        "12.5%、12.5%、50.0%、25.0%。不合格案件占比同比上升25.0个百分点。"
    )
    assert texts[2] == (
        "8件评查案件中，发现问题的案件6件，占75.0%，同比上升25.0个百分点；共发现问题9个，平均每件1.13个。"
        "从评查维度看，办案程序方面4个、文书制作和使用方面3个、证据采信方面2个。"
    )
    assert texts[3].startswith("1．P3 ") and "涉及4件案件，发现问题4个" in texts[3]
    assert texts[4].startswith("2．D5 ") and "涉及2件案件，发现问题2个" in texts[4]
    assert texts[5].startswith(f"1．{HD}{ZHAO}承办的{case_name('A6')}（")
    assert doc.note == "注：2026年2月1日前按原等次评定的瑕疵案件2件计入基本合格案件。"
    assert doc.appendix is not None
    # The six cases with problems, by the day formed: A5 01-28, K4 02-10, A1 03-10, A2 04-01, A3 05-20,
    # A7 08-01; the conclusion keeps the scheme it was graded under (瑕疵案件); problems in checklist order.
    assert [row[1:] for row in doc.appendix.rows] == [
        (HD, case_name("A5"), ZHAO, LI, CY, "瑕疵案件", "D5 签名、盖章、日期缺失（司法瑕疵）"),
        (HD, case_name("K4"), ZHOU, LI, CY, "瑕疵案件", P3),
        (CY, case_name("A1"), WANG, WU, HD, "基本合格案件",
         f"{P3}；D5 签名、盖章、日期缺失（司法瑕疵）；D11 法律用语不规范（司法瑕疵）"),
        (CY, case_name("A2"), WANG, WU, HD, "不合格案件", f"E7 瑕疵证据未予补正（一般司法错误）；{P3}"),
        (CY, case_name("A3"), QIAN, WU, HD, "不合格案件", "E10 刑讯逼供或暴力取证（严重司法错误）"),
        (HD, case_name("A7"), ZHOU, WU, HD, "基本合格案件", P3),
    ]  # fmt: skip
    assert [row[0] for row in doc.appendix.rows] == ["1", "2", "3", "4", "5", "6"]


def test_the_statistics_workbook_holds_the_same_figures(db: StatsDb, tmp_path: Path) -> None:
    path = write_stats_xlsx(report_of(db.wb, Y2026, "unit"), tmp_path / "统计.xlsx")
    book = load_workbook(path)
    overview, by_unit, problems, dims, pros, depts, keys = book.worksheets
    rows = {r[0]: r[1:] for r in overview.iter_rows(min_row=2, values_only=True) if r and r[0]}
    # Figure: 2026, previous (2025), a year before (2025), change, relative change, change, relative change.
    assert rows["评查案件数"] == (8, 2, 2, 6, 3.0, 6, 3.0)  # +300 %
    assert rows["办结案件数"] == (9, 4, 4, 5, 1.25, 5, 1.25)  # +125 %
    assert rows["评查率"][:3] == (pytest.approx(8 / 9), 0.5, 0.5) and rows["评查率"][3] == pytest.approx(38.888889)
    assert rows["发现问题案件数"][:3] == (6, 1, 1) and rows["发现问题数"][:3] == (9, 1, 1)
    assert rows["件均问题数"][:3] == (1.125, 0.5, 0.5)
    assert [rows[g][0] for g in GRADES] == [1, 1, 4, 2]
    grid = [r for r in by_unit.iter_rows(min_row=2, values_only=True) if r and r[0]]
    assert grid[:3] == [(CY, 0, 1, 1, 2, 4, 6), (HD, 1, 0, 3, 0, 4, 3), ("合计", 1, 1, 4, 2, 8, None)]
    items = [r[1:6] for r in problems.iter_rows(min_row=2, values_only=True) if r and r[1]]
    assert [(i[0], i[2], i[3], i[4]) for i in items] == [
        ("P3", 4, 4, "共性"),
        ("D5", 2, 2, "共性"),
        ("D11", 1, 1, "个性"),
        ("E7", 1, 1, "个性"),
        ("E10", 1, 1, "个性"),
    ]
    # Dimension share of reviewed cases: E 2 / 8, P 4 / 8, D 2 / 8.
    assert [r for r in dims.iter_rows(min_row=2, values_only=True)] == [
        ("证据采信", 2, 2, 0.25),
        ("办案程序", 4, 4, 0.5),
        ("文书制作和使用", 2, 3, 0.25),
    ]
    assert [r[:6] for r in pros.iter_rows(min_row=2, values_only=True)] == [
        (1, WANG, 2, 2, 5, 2.5),
        (2, ZHOU, 2, 2, 2, 1.0),
        (3, ZHAO, 2, 1, 1, 0.5),
        (3, QIAN, 2, 1, 1, 0.5),
    ]
    assert [r[:6] for r in depts.iter_rows(min_row=2, values_only=True)][2] == (3, "第二检察部", 2, 1, 1, 0.5)
    assert [r for r in keys.iter_rows(min_row=2, values_only=True)] == [("国家赔偿", 1, 0, 0, 1, 0, 0, 0)]


def test_the_ledger_dates_a_review_by_the_local_day_as_the_statistics_do(db: StatsDb) -> None:
    # A2 was formed on 2026-04-01 at 07:00 Beijing time (still 31 March in UTC): the statistics count it in
    # Q2, and the ledger of 1 April – 30 June must list it too (§6: one period, one set of reviewed cases).
    q2 = stats.overview(db.wb, StatsFilter(parse_period("2026Q2")))
    rows = ledger_rows(db.wb, date(2026, 4, 1), date(2026, 6, 30))
    assert q2.reviewed == len(rows) == 3
    assert [(r.dept_case_no, r.submitted_on) for r in rows] == [
        (case_no("A2"), date(2026, 4, 1)),
        (case_no("A3"), date(2026, 5, 20)),
        (case_no("A4"), date(2026, 6, 10)),
    ]
    assert case_no("A2") not in {r.dept_case_no for r in ledger_rows(db.wb, date(2026, 1, 1), date(2026, 3, 31))}
    # K2 was determined on 2026-01-01 at 07:30 Beijing time: the ledger's 审定日期 is that day.
    [k2] = [r for r in ledger_rows(db.wb, date(2025, 12, 1), date(2025, 12, 31)) if r.dept_case_no == case_no("K2")]
    assert k2.determined_on == date(2026, 1, 1)


def test_appraisal_points_of_the_determined_results(db: StatsDb, tmp_path: Path) -> None:
    # §1 step 14 with the default points (重点/专项 +5 / −5 / −8, 常规抽查 +3 / −3 / −6, 合格 0), base 30, by
    # the day each result was determined. K4's determination was voided: in no sheet.
    #   王: A1 基本合格 −3, A2 不合格 −6                     → −9, 21
    #   钱: A3 不合格 (专项) −8, A4 合格 0                    → −8, 22
    #   赵: K2 合格 0 (2026-01-01 07:30), A5 瑕疵 −3, A6 优质 (重点) +5 → +2, 32
    #   周: A7 基本合格 −3                                    → −3, 27
    sheet = appraisal_sheet(db.wb, parse_period("2026"))
    assert [(r.prosecutor, r.cases, r.by_grade, r.points, r.score) for r in sheet.rows] == [
        (WANG, 2, (0, 0, 1, 1), -9, 21),
        (QIAN, 2, (0, 1, 0, 1), -8, 22),
        (ZHAO, 3, (1, 1, 1, 0), 2, 32),
        (ZHOU, 1, (0, 0, 1, 0), -3, 27),
    ]
    # 2025: K1 瑕疵 −3 → 27 only (K2 determined in 2026, K4 voided).
    before = appraisal_sheet(db.wb, parse_period("2025"))
    assert [(r.prosecutor, r.cases, r.by_grade, r.points, r.score) for r in before.rows] == [
        (WANG, 1, (0, 0, 1, 0), -3, 27)
    ]
    export_appraisal(db.wb, parse_period("2026"), tmp_path / "考核.xlsx")
    book = load_workbook(tmp_path / "考核.xlsx")
    scores = [(r[3], r[4], r[5:9], r[9], r[10]) for r in book["考核得分"].iter_rows(min_row=3, values_only=True)]
    assert scores == [(r.prosecutor, r.cases, r.by_grade, r.points, r.score) for r in sheet.rows]
    cases = {r[2]: (r[7], r[8]) for r in book["案件明细"].iter_rows(min_row=3, values_only=True)}
    assert cases[case_no("K2")][1] == 0 and str(cases[case_no("K2")][0])[:10] == "2026-01-01"
    assert sum(points for _, points in cases.values()) == -9 - 8 + 2 - 3


def test_the_rectification_ledger_statuses(db: StatsDb) -> None:
    # Deadlines: 10 days after the issue day (规则 665), the issue day not counted, to the next working day
    # (CPL 105): A1 03-25 + 10 = 04-04, 清明 04-04…06 → 04-07; A2 05-11 → 05-21; A3 06-03 → 06-13 (Saturday)
    # → 06-15; A5 09-01 → 09-11.
    rows = list_rectifications(db.wb, today=date(2026, 9, 2))
    got = [(r.cases, r.issued_on, r.due_on, CN_RECTIFICATION[r.status], r.overdue) for r in rows]
    assert got == [
        ((case_no("A1"),), date(2026, 3, 25), date(2026, 4, 7), "已整改", False),
        ((case_no("A2"),), date(2026, 5, 11), date(2026, 5, 21), "逾期", True),
        ((case_no("A3"),), date(2026, 6, 3), date(2026, 6, 15), "整改中", False),
        ((case_no("A5"),), date(2026, 9, 1), date(2026, 9, 11), "待整改", False),
    ]
    assert rows[1].overdue_on == date(2026, 5, 21)  # dated its deadline, not the day it was recorded
    # A5's deadline passes on 2026-09-12 without a report: overdue by then, before anyone records it.
    assert [r.cases for r in list_rectifications(db.wb, overdue_only=True, today=date(2026, 9, 12))] == [
        (case_no("A2"),),
        (case_no("A5"),),
    ]
