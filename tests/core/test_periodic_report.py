"""The periodic report: every figure of the narrative against tests/core/periodic_fixtures.py's hand count,
the appendix, the 优质 and typical-problem sections, the 瑕疵 ↔ 基本合格 note, the English form, a plan's
专项评查报告, the scope, and the ``report periodic`` command beside ``report CASE``."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from reviewapp.cli import results as cli_results
from reviewapp.domain.roles import Role, Scope
from reviewapp.errors import KnownError
from reviewapp.exports.periodic_report.model import Chart, Paragraph
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.analysis.periodic import periodic_report
from reviewapp.services.analysis.periodic_text import report_document
from reviewapp.services.analysis.periods import parse_period
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import AuditEntry, Case, Review
from tests.accounts_fixtures import sign_in
from tests.core.periodic_fixtures import seed_periodic
from tests.core.review_fixtures import UNIT, dept_case_no
from tests.core.services_fixtures import open_workbench, set_issuer

Q1 = parse_period("2026Q1")
ISSUED = dt.date(2026, 4, 8)


@pytest.fixture
def wb(tmp_path: Path) -> Iterator[Workbench]:
    bench = open_workbench(tmp_path / "db")
    set_issuer(bench)
    seed_periodic(bench)
    yield bench
    bench.close()


def _texts(doc: Any) -> list[str]:
    return [it.text for it in doc.items if isinstance(it, Paragraph)]


def test_the_narrative_says_the_figures_and_their_changes(wb: Workbench) -> None:
    doc = report_document(periodic_report(wb, Q1, issued_on=ISSUED))
    assert doc.title == "2026年第一季度案件质量评查情况报告"
    texts = _texts(doc)
    assert texts[0] == (
        "本季度共评查案件12件，占同期办结案件（20件）的60.0%，同比上升10.0个百分点，环比无可比数据。"
        "评查案件数同比增加7件，环比增加12件。"
    )
    assert texts[1] == (
        "经评查，评定优质案件0件、合格案件3件、基本合格案件6件、不合格案件3件，分别占评查案件的"
        "0.0%、25.0%、50.0%、25.0%。不合格案件占比同比上升5.0个百分点。"
    )
    assert texts[2] == (
        "12件评查案件中，发现问题的案件9件，占75.0%，同比下降5.0个百分点；共发现问题18个，平均每件1.50个。"
        "从评查维度看，办案程序方面9个、文书制作和使用方面6个、证据采信方面3个。"
    )
    typical = [t for t in texts if t[:2] in ("1．", "2．", "3．")]
    assert typical[0].startswith("1．P3 ") and "涉及9件案件，发现问题9个。如被告人" in typical[0]
    assert typical[1].startswith("2．D5 ") and "涉及6件案件，发现问题6个" in typical[1]
    assert "本期未评定优质案件。" in texts
    assert doc.date_text == "2026年4月8日" and doc.note == ""


def test_charts_carry_the_grade_and_dimension_figures(wb: Workbench) -> None:
    doc = report_document(periodic_report(wb, Q1, issued_on=ISSUED))
    grades, dims = [it for it in doc.items if isinstance(it, Chart)]
    assert grades.categories == (UNIT,) and grades.stacked
    assert dict((name, v[0]) for name, v in grades.series) == {"优质": 0, "合格": 3, "基本合格": 6, "不合格": 3}
    assert dims.categories == ("办案程序", "文书制作和使用", "证据采信")
    assert dims.series == (("问题数", (9.0, 6.0, 3.0)), ("涉及案件数", (9.0, 6.0, 3.0)))


def test_the_appendix_lists_the_cases_with_problems(wb: Workbench) -> None:
    report = periodic_report(wb, Q1, issued_on=ISSUED)
    doc = report_document(report)
    table = doc.appendix
    assert table is not None
    assert table.headers == ("序号", "办案单位", "案件名称", "承办人", "评查员", "评查单位", "评查结论", "评查发现问题")
    names = [row[2] for row in table.rows]
    # Cases without a finding (4, 8, 12) are not listed; order: formed date, then case number.
    assert sorted(names) == sorted(f"被告人{n}号盗窃案" for n in (1, 2, 3, 5, 6, 7, 9, 10, 11))
    assert [row[0] for row in table.rows] == [str(i) for i in range(1, 10)]
    row = next(r for r in table.rows if r[2] == "被告人3号盗窃案")
    assert row[1] == UNIT and row[3] == "张明" and row[4] == "赵评查" and row[6] == "不合格案件"
    assert row[7].count("；") == 2 and "E7" in row[7] and "（一般司法错误）" in row[7]


def test_excellent_cases_and_the_2018_grade_note(wb: Workbench) -> None:
    with wb.db.unchecked_session() as s:
        ids = {no: cid for cid, no in s.execute(select(Case.id, Case.dept_case_no))}
        for review in s.scalars(select(Review).where(Review.case_id == ids[dept_case_no(4)])):
            review.final_grade = review.proposed_grade = "优质"
        for review in s.scalars(select(Review).where(Review.case_id == ids[dept_case_no(6)])):
            review.final_grade = review.proposed_grade = "瑕疵"
            review.scheme_id = "2018"
    doc = report_document(periodic_report(wb, Q1, issued_on=ISSUED))
    texts = _texts(doc)
    assert f"1．{UNIT}李华承办的被告人4号盗窃案（" in texts[-1] or any(
        t.startswith(f"1．{UNIT}李华承办的被告人4号盗窃案") for t in texts
    )
    assert "评定优质案件1件、合格案件2件、基本合格案件6件、不合格案件3件" in texts[1]
    assert doc.note == "注：2026年2月1日前按原等次评定的瑕疵案件1件计入基本合格案件。"


def test_the_english_form(wb: Workbench) -> None:
    doc = report_document(periodic_report(wb, Q1, issued_on=ISSUED), "en")
    texts = _texts(doc)
    assert doc.title == "Case-quality review report, Q1 2026"
    assert texts[0].startswith(
        "This quarter reviewed 12 cases, 60.0% of the 20 cases closed in the same period "
        "(year on year up 10.0 percentage points, on the previous period no comparable figure)."
    )
    assert "3 unqualified (25.0%)" in texts[1]
    assert doc.appendix is not None and doc.appendix.headers[1] == "Handling unit"


def test_an_unknown_plan_is_refused_plainly(wb: Workbench) -> None:
    assert not periodic_report(wb, Q1, issued_on=ISSUED).is_plan
    with pytest.raises(KnownError, match="专项不存在"):
        periodic_report(wb, Q1, plan="专项不存在")


def test_a_reader_of_another_unit_sees_nothing(wb: Workbench) -> None:
    sign_in(wb, "外院案管", roles=[RoleSpec(Role.CASE_MANAGEMENT_HEAD, Scope.UNIT)], unit="北京市海淀区人民检察院")
    report = periodic_report(wb, Q1, issued_on=ISSUED)
    assert report.comparison.current.reviewed == 0 and report.appendix == ()


def _run(wb: Workbench, argv: list[str]) -> tuple[int, Any]:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true")
    parser = argparse.ArgumentParser()
    cli_results.add_parsers(parser.add_subparsers(dest="command", required=True), common)
    out: list[Any] = []
    code = cli_results.dispatch(wb, parser.parse_args(argv), lambda a, data, text: out.append(data if a.json else text))
    return code, out[0] if out else None


def test_report_periodic_and_report_case_both_work(wb: Workbench, tmp_path: Path) -> None:
    target = tmp_path / "out" / "季度报告.pdf"
    code, data = _run(wb, ["report", "periodic", "--period", "2026Q1", "--out", str(target), "--json"])
    assert code == 0 and data["reviewed"] == 12 and data["closed"] == 20 and data["appendix"] == 9
    assert target.exists() and not list(target.parent.glob(".*tmp"))
    with wb.db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "analysis.export")).one()
        assert str(target.resolve()) in str(entry.detail) and "periodic_report" in str(entry.detail)
    code, data = _run(wb, ["report", dept_case_no(2), "--out", str(tmp_path / "个案.pdf"), "--json"])
    assert code == 0 and data["case"] == dept_case_no(2) and (tmp_path / "个案.pdf").exists()
    code, _ = _run(wb, ["report", "periodic", "--out", str(tmp_path / "x.pdf")])
    assert code == 1 and not (tmp_path / "x.pdf").exists()  # no --period: a plain message
    code, _ = _run(wb, ["report", "periodic", "--period", "2026Q1", "--out", str(tmp_path / "x.xlsx")])
    assert code == 1 and not (tmp_path / "x.xlsx").exists()
