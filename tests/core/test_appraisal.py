"""Results into appraisal (结果运用): every figure of the score sheet against values computed by hand, the
points setting, the unit scope, the xlsx read back and the ``appraisal`` command."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from reviewapp.domain.roles import Role, Scope
from reviewapp.errors import NotPermitted
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.analysis.appraisal import (
    GRADES,
    OutputError,
    appraisal_sheet,
    export_appraisal,
    parse_points,
)
from reviewapp.services.analysis.periods import parse_period
from reviewapp.services.results.setting_specs import APPRAISAL_BASE, APPRAISAL_POINTS
from reviewapp.services.results.settings import set_setting
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Review
from tests.accounts_fixtures import sign_in
from tests.core.review_fixtures import dept_case_no, seed_reviewed_cases
from tests.core.services_fixtures import open_workbench, set_issuer

Q1 = parse_period("2026Q1")


def _set_opinion(wb: Workbench, n: int, **values: object) -> None:
    """A stored state the fixture cannot make: another grade or review type on case n's review file."""
    with wb.db.unchecked_session() as s:
        case_id = s.scalar(select(Case.id).where(Case.dept_case_no == dept_case_no(n)))
        for review in s.scalars(select(Review).where(Review.case_id == case_id)):
            for k, v in values.items():
                setattr(review, k, v)


@pytest.fixture
def wb(tmp_path: Path) -> Iterator[Workbench]:
    bench = open_workbench(tmp_path)
    set_issuer(bench)
    # Cases 1-8 determined 2026-03-03 + n % 5 days (Q1); case 9 on 2026-04-04 (Q2), case 10 on 2026-03-31.
    seed_reviewed_cases(bench, 8)
    seed_reviewed_cases(bench, 2, first=9, submitted_on=date(2026, 3, 30))
    _set_opinion(bench, 4, final_grade="优质", proposed_grade="优质", review_type="重点评查")
    _set_opinion(bench, 6, final_grade="瑕疵", proposed_grade="瑕疵", scheme_id="2018")
    yield bench
    bench.close()


def test_every_figure_of_the_sheet_matches_the_hand_computation(wb: Workbench) -> None:
    # Case n: prosecutor 张明 (n%3=0) / 李华 (1) / 王芳 (2); grade by n%4: 1,2 基本合格, 3 不合格, 0 合格;
    # case 4 优质 (重点评查), case 6 瑕疵 (2018 scheme). Default points: 常规抽查 +3/−3/−6, 重点评查 +5. Base 30.
    #   张明: 3 不合格 −6, 6 瑕疵 −3                         → −9, score 21, (0, 0, 1, 1)
    #   李华: 1 基本合格 −3, 4 优质(重点) +5, 7 不合格 −6, 10 基本合格 −3 → −7, score 23, (1, 0, 2, 1)
    #   王芳: 2 基本合格 −3, 5 基本合格 −3, 8 合格 0          → −6, score 24, (0, 1, 2, 0)
    #   case 9 was determined in Q2 and is not counted.
    sheet = appraisal_sheet(wb, Q1)
    assert GRADES == ("优质", "合格", "基本合格", "不合格")
    got = {r.prosecutor: (r.cases, r.by_grade, r.points, r.score, r.department) for r in sheet.rows}
    assert got == {
        "张明": (2, (0, 0, 1, 1), -9, 21, "第一检察部"),
        "李华": (4, (1, 0, 2, 1), -7, 23, "第二检察部"),
        "王芳": (3, (0, 1, 2, 0), -6, 24, "第一检察部"),
    }
    # By unit, department, then best score first.
    assert [r.prosecutor for r in sheet.rows] == ["王芳", "张明", "李华"]
    points = {c.dept_case_no: c.points for c in sheet.cases}
    assert points == {
        dept_case_no(1): -3,
        dept_case_no(2): -3,
        dept_case_no(3): -6,
        dept_case_no(4): 5,
        dept_case_no(5): -3,
        dept_case_no(6): -3,
        dept_case_no(7): -6,
        dept_case_no(8): 0,
        dept_case_no(10): -3,
    }
    assert dept_case_no(9) not in points
    q2 = appraisal_sheet(wb, parse_period("2026Q2"))
    assert [(r.prosecutor, r.points, r.score) for r in q2.rows] == [("张明", -3, 27)]


def test_points_and_base_come_from_the_settings_and_the_score_is_capped(wb: Workbench) -> None:
    set_setting(wb, APPRAISAL_POINTS, ["优质=20", "不合格=-8", "瑕疵=-1"])
    set_setting(wb, APPRAISAL_BASE, 35)
    sheet = appraisal_sheet(wb, Q1)
    got = {r.prosecutor: (r.points, r.score) for r in sheet.rows}
    # 张明: −8 (不合格) −1 (瑕疵) = −9 → 26; 李华: +20 −8, 基本合格 takes 瑕疵's −1 twice → 10 → 45 capped at 40;
    # 王芳: 基本合格 −1 twice, 合格 unconfigured 0 → −2 → 33.
    assert got == {"张明": (-9, 26), "李华": (10, 40), "王芳": (-2, 33)}


def test_a_points_line_that_is_not_grade_equals_points_is_refused() -> None:
    table = parse_points(["优质＝＋5", "不合格@重点评查=-8"])
    assert table.for_case("优质案件", "常规抽查") == 5
    assert table.for_case("不合格", "重点评查") == -8
    assert table.score(100) == 40 and table.score(-100) == 0
    with pytest.raises(OutputError, match="优质"):
        parse_points(["优质 五分"])


def test_a_user_sees_only_the_units_of_their_scope(wb: Workbench) -> None:
    sign_in(wb, "外院案管", roles=[RoleSpec(Role.CASE_MANAGEMENT_HEAD, Scope.UNIT)], unit="北京市海淀区人民检察院")
    assert appraisal_sheet(wb, Q1).rows == []
    sign_in(wb, "检察官甲", roles=[RoleSpec(Role.PROSECUTOR, Scope.UNIT)], unit="北京市朝阳区人民检察院")
    with pytest.raises(NotPermitted):
        appraisal_sheet(wb, Q1)


def test_the_workbook_reads_back_with_the_same_figures(wb: Workbench, tmp_path: Path) -> None:
    path = tmp_path / "考核.xlsx"
    export_appraisal(wb, Q1, path)
    book = load_workbook(path)
    assert book.sheetnames == ["考核得分", "案件明细", "计分规则"]
    rows = list(book["考核得分"].iter_rows(min_row=3, values_only=True))
    assert [(r[3], r[4], r[5:9], r[9], r[10]) for r in rows] == [
        ("王芳", 3, (0, 1, 2, 0), -6, 24),
        ("张明", 2, (0, 0, 1, 1), -9, 21),
        ("李华", 4, (1, 0, 2, 1), -7, 23),
    ]
    assert "2026Q1" in book["考核得分"]["A1"].value
    assert book["案件明细"].max_row == 2 + 9
    assert not list(tmp_path.glob(".*tmp"))


def test_only_xlsx_is_written(wb: Workbench, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"\.xlsx"):
        export_appraisal(wb, Q1, tmp_path / "考核.pdf")
    assert not (tmp_path / "考核.pdf").exists()
