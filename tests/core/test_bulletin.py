"""The 案卡 data-quality bulletin: every figure against the hand count of tests/core/bulletin_fixtures.py,
repeat offenders over N periods, the scope, the PDF read back like the notices, the xlsx and the command."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from reviewapp.domain.roles import Role, Scope
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.analysis.bulletin import category_of, data_quality_bulletin, export_bulletin
from reviewapp.services.analysis.periodic_common import OutputError
from reviewapp.services.analysis.periods import parse_period
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.checks.run import run_checks
from reviewapp.services.results.setting_specs import BULLETIN_REPEAT_PERIODS
from reviewapp.services.results.settings import set_setting
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import CheckResult
from tests.accounts_fixtures import sign_in
from tests.core.bulletin_fixtures import CHAOYANG, HAIDIAN, seed_bulletin_cases
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.pdf_probe import MM, non_embedded_fonts, page_glyphs, page_sizes, page_texts, squash
from tests.core.services_fixtures import open_workbench, set_issuer

MARCH = parse_period("2025-03")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workbench]:
    folder = tmp_path_factory.mktemp("bulletin")
    wb = open_workbench(folder)
    set_issuer(wb)
    seed_bulletin_cases(wb, folder)
    yield wb
    wb.close()


@pytest.fixture
def wb(seeded: Workbench) -> Workbench:
    sign_in(seeded)  # the ALL_ROLES account, again after a test that changed the user
    return seeded


def test_categories_of_the_rules() -> None:
    assert category_of("CK-REQUIRED-FIELDS", "violation") == "漏填"
    assert category_of("DL-NOTICE-SUSPECT", "not_checkable") == "漏填"
    assert category_of("DL-PROSECUTION", "violation") == "迟填"
    assert category_of("CK-DATE-ORDER", "violation") == "错填"


def test_a_result_not_checkable_for_want_of_the_holiday_calendar_is_no_card_problem(tmp_path: Path) -> None:
    # An open 审查起诉 card whose month ends in a year no holiday calendar knows: with four days left the
    # deadline rule cannot say more than "not checkable", yet nothing is missing from the card.
    assert category_of("DL-PROSECUTION", "not_checkable", names_missing=False) is None
    wb = open_workbench(tmp_path)
    try:
        row = case_row(1, 受理日期="2090-12-01", 办结日期="", 是否羁押="否", 电子卷宗="")
        assert not import_cases(wb, write_simple_xlsx(tmp_path / "案卡.xlsx", [row])).rejects
        run_checks(wb, today=dt.date(2090, 12, 28), workers=1)
        with wb.db.session() as s:
            stored = s.scalars(select(CheckResult).where(CheckResult.rule_id == "DL-PROSECUTION")).one()
            assert (stored.status, stored.missing_fields) == ("not_checkable", [])
        b = data_quality_bulletin(wb, parse_period("2090-12"), repeat=2)
    finally:
        wb.close()
    rules = {r.rule_id for r in b.by_rule}
    assert "DL-PROSECUTION" not in rules
    assert {"DL-NOTICE-SUSPECT", "DL-NOTICE-VICTIM"} <= rules  # no notice dates on the card: 漏填 as before


def test_totals_of_the_month_and_the_month_before(wb: Workbench) -> None:
    b = data_quality_bulletin(wb, MARCH, repeat=3)
    assert b.previous_period == parse_period("2025-02")
    assert b.cases == 4  # cards 3, 4, 5 and the open card 8
    assert b.cases_flagged == 4
    assert b.totals == {"迟填": 1, "错填": 1, "漏填": 3 + 3 + 3 + 2}
    assert b.previous_totals == {"迟填": 0, "错填": 0, "漏填": 6}  # cards 2 and 7
    assert (b.total, b.previous_total) == (13, 6)


def test_by_unit_department_and_prosecutor_with_the_change(wb: Workbench) -> None:
    b = data_quality_bulletin(wb, MARCH, repeat=3)

    def table(rows):  # type: ignore[no-untyped-def]
        return [(r.name, r.unit, r.late, r.wrong, r.missing, r.total, r.cases, r.previous, r.change) for r in rows]

    assert table(b.by_unit) == [
        (CHAOYANG, CHAOYANG, 1, 1, 11, 13, 4, 3, 10),
        (HAIDIAN, HAIDIAN, 0, 0, 0, 0, 0, 3, -3),  # problems last month only: shown with its improvement
    ]
    assert table(b.by_department) == [
        ("第一检察部", CHAOYANG, 0, 1, 8, 9, 3, 3, 6),
        ("第二检察部", CHAOYANG, 1, 0, 3, 4, 1, 0, 4),
        ("第一检察部", HAIDIAN, 0, 0, 0, 0, 0, 3, -3),
    ]
    assert table(b.by_prosecutor) == [
        ("王检察官", CHAOYANG, 0, 1, 8, 9, 3, 3, 6),
        ("李检察官", CHAOYANG, 1, 0, 3, 4, 1, 0, 4),
        ("赵检察官", HAIDIAN, 0, 0, 0, 0, 0, 3, -3),
    ]
    assert [(r.rule_id, r.category, r.problems, r.cases) for r in b.by_rule] == [
        ("DL-NOTICE-SUSPECT", "漏填", 4, 4),
        ("DL-NOTICE-VICTIM", "漏填", 4, 4),
        ("CK-REQUIRED-FIELDS", "漏填", 3, 3),
        ("CK-DATE-ORDER", "错填", 1, 1),
        ("DL-PROSECUTION", "迟填", 1, 1),
    ]


def test_repeat_offenders_over_n_consecutive_periods(wb: Workbench) -> None:
    three = data_quality_bulletin(wb, MARCH, repeat=3)
    assert [p.code() for p in three.repeat_window] == ["2025-01", "2025-02", "2025-03"]
    # 王: January card 1, February card 2, March cards 3, 4, 8. 李 has nothing in February.
    assert [(o.prosecutor, o.counts) for o in three.repeat_offenders] == [("王检察官", (3, 3, 9))]
    two = data_quality_bulletin(wb, MARCH, repeat=2)
    assert [(o.prosecutor, o.counts) for o in two.repeat_offenders] == [("王检察官", (3, 9))]
    feb = data_quality_bulletin(wb, parse_period("2025-02"), repeat=2)
    # February: 王 (Jan 3, Feb 3) yes; 赵 had nothing in January; 李 nothing in February.
    assert [(o.prosecutor, o.counts) for o in feb.repeat_offenders] == [("王检察官", (3, 3))]


def test_n_comes_from_the_setting(wb: Workbench) -> None:
    set_setting(wb, BULLETIN_REPEAT_PERIODS, 4)
    try:
        b = data_quality_bulletin(wb, MARCH)
        assert len(b.repeat_window) == 4 and b.repeat_offenders == []  # nobody was flagged in 2024-12
    finally:
        set_setting(wb, BULLETIN_REPEAT_PERIODS, 3)


def test_a_quarter_takes_every_card_of_it(wb: Workbench) -> None:
    b = data_quality_bulletin(wb, parse_period("2025Q1"), repeat=2)
    assert b.cases == 8 and b.totals == {"迟填": 1, "错填": 1, "漏填": 7 * 3 + 2}
    assert b.previous_total == 0 and b.repeat_offenders == []


def test_a_unit_scoped_reader_counts_their_unit_only(wb: Workbench) -> None:
    sign_in(wb, "海淀案管", roles=[RoleSpec(Role.CASE_MANAGEMENT_HEAD, Scope.UNIT)], unit=HAIDIAN)
    b = data_quality_bulletin(wb, MARCH, repeat=2)
    assert b.cases == 0 and b.total == 0 and b.previous_total == 3
    assert [r.name for r in b.by_unit] == [HAIDIAN]


def test_the_pdf_reads_back_in_the_official_layout(wb: Workbench, tmp_path: Path) -> None:
    path = tmp_path / "通报.pdf"
    export_bulletin(wb, MARCH, path, repeat=3)
    text = squash("".join(page_texts(path)))
    for needle in (
        "2025年3月案卡数据质量通报",
        "发现数据质量问题13个，其中迟填1个、错填1个、漏填11个，涉及案件4件",
        "与上期（2025年2月）的6个相比，增加7个",
        "王检察官：迟填0个、错填1个、漏填8个，共9个，涉及案件3件，较上期增加6个。",
        "赵检察官：迟填0个、错填0个、漏填0个，共0个，涉及案件0件，较上期减少3个。",
        "北京市朝阳区人民检察院第一检察部王检察官：各期问题数分别为3、3、9个。",
        "— 1 —",
    ):
        assert squash(needle) in text, needle
    assert non_embedded_fonts(path) == []
    for w, h in page_sizes(path):
        assert (round(w / MM), round(h / MM)) == (210, 297)
    for glyphs in page_glyphs(path):
        body = [g for g in glyphs if g.bottom > 33 * MM]
        # Continuation lines start at the margin; a digit's ink sits a little inside its cell.
        assert min(g.left for g in body) == pytest.approx(28 * MM, abs=1.5 * MM)
        assert min(g.left for g in body) >= 28 * MM - 0.5
        assert max(g.right for g in body) <= (210 - 26) * MM + 0.5
        assert max(g.top for g in body) == pytest.approx(297 * MM - 37 * MM, abs=1 * MM)
    meta = PdfReader(path).metadata
    assert meta is not None and meta.title is not None and "2025-03" in meta.title


def test_the_workbook_holds_the_same_figures(wb: Workbench, tmp_path: Path) -> None:
    path = tmp_path / "通报.xlsx"
    export_bulletin(wb, MARCH, path, repeat=3)
    book = load_workbook(path)
    assert book.sheetnames == ["总体", "各单位", "各部门", "承办人", "屡错屡犯", "问题类型"]
    totals = {r[0]: r[1:] for r in book["总体"].iter_rows(min_row=3, values_only=True)}
    assert totals["迟填"] == (1, 0, 1) and totals["漏填"] == (11, 6, 5) and totals["合计"] == (13, 6, 7)
    people = list(book["承办人"].iter_rows(min_row=3, values_only=True))
    assert [r[1:] for r in people] == [
        ("王检察官", CHAOYANG, 0, 1, 8, 9, 3, 3, 6),
        ("李检察官", CHAOYANG, 1, 0, 3, 4, 1, 0, 4),
        ("赵检察官", HAIDIAN, 0, 0, 0, 0, 0, 3, -3),
    ]
    repeat = list(book["屡错屡犯"].iter_rows(min_row=2, values_only=True))
    assert repeat == [
        ("序号", "承办人", "所属单位", "承办部门", "2025-01", "2025-02", "2025-03"),
        (1, "王检察官", CHAOYANG, "第一检察部", 3, 3, 9),
    ]


def test_other_file_types_are_refused(wb: Workbench, tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        export_bulletin(wb, MARCH, tmp_path / "通报.docx")
