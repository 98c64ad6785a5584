"""The review ledger (评查台账) and the problem list: rows, ranking, and the Excel workbook read back with
openpyxl and LibreOffice."""

from __future__ import annotations

import csv
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from reviewapp.exports.ledger_xlsx import (
    ANALYSIS_SHEET,
    LEDGER_COLUMNS,
    PRINT_COLUMNS,
    PRINT_SHEET,
    PROBLEM_COLUMNS,
    PROBLEM_SHEET,
    LedgerRow,
    period_text,
    write_ledger_xlsx,
)
from reviewapp.services.results.ledger import COMMON, INDIVIDUAL, ledger_rows, problem_ranking
from reviewapp.services.results.notices import issue_notices
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Finding, Review
from tests.core.review_fixtures import dept_case_no, seed_reviewed_cases
from tests.core.services_fixtures import open_workbench, set_issuer


@pytest.fixture
def wb(tmp_path: Path) -> Iterator[Workbench]:
    bench = open_workbench(tmp_path)
    set_issuer(bench)
    yield bench
    bench.close()


@pytest.fixture
def ledger(wb: Workbench, tmp_path: Path) -> tuple[list[LedgerRow], Path]:
    ids = seed_reviewed_cases(wb, 8)
    seed_reviewed_cases(wb, 2, first=9, submitted=False)  # drafts are not in the ledger
    issue_notices(wb, ids[:3], out_dir=tmp_path / "n", issued_on=date(2026, 3, 20))
    rows = ledger_rows(wb)
    path = write_ledger_xlsx(tmp_path / "台账.xlsx", rows, problem_ranking(wb))
    return rows, path


def test_one_row_per_reviewed_case_with_appendix_columns(ledger: tuple[list[LedgerRow], Path]) -> None:
    rows, _ = ledger
    assert [r.seq for r in rows] == list(range(1, 9))
    assert sorted(r.dept_case_no for r in rows) == sorted(dept_case_no(n) for n in range(1, 9))
    by_no = {r.dept_case_no: r for r in rows}
    three = by_no[dept_case_no(3)]
    assert (three.unit, three.prosecutor, three.reviewer, three.review_unit) == (
        "北京市朝阳区人民检察院",
        "张明",
        "赵评查",
        "北京市朝阳区人民检察院",
    )
    assert (three.conclusion, three.grade, three.problem_count) == ("不合格案件", "不合格", 3)
    assert three.problems_text.startswith("E7 ") and "（一般司法错误）" in three.problems_text
    assert three.notice_number == "京朝检案管整改〔2026〕3号"
    assert three.reply_deadline == date(2026, 3, 30)
    four = by_no[dept_case_no(4)]
    assert (four.problems_text, four.problem_count, four.notice_number) == ("未发现问题", 0, "")
    assert three.submitted_on == date(2026, 3, 5) and three.determined_on == date(2026, 3, 6)


def test_date_filter_is_inclusive_on_the_submission_date(wb: Workbench) -> None:
    seed_reviewed_cases(wb, 5)  # case n submitted on 2026-03-02 + n % 5 days
    rows = ledger_rows(wb, date(2026, 3, 3), date(2026, 3, 4))
    assert sorted(r.dept_case_no for r in rows) == [dept_case_no(1), dept_case_no(2)]
    assert [r.seq for r in rows] == [1, 2]


def test_the_opinion_of_the_latest_round_wins(wb: Workbench) -> None:
    (case_id,) = seed_reviewed_cases(wb, 1, findings=[1])
    with wb.db.unchecked_session() as s:
        first = s.scalars(select(Review).where(Review.case_id == case_id, Review.kind == "opinion")).one()
        assert first.submitted_at is not None
        later = Review(
            case_id=case_id,
            reviewer_id=first.reviewer_id,
            round=2,
            kind="opinion",
            standard_id=first.standard_id,
            scheme_id="2026",
            status="determined",
            proposed_grade="合格",
            final_grade="优质",
            submitted_at=first.submitted_at + timedelta(days=10),
        )
        s.add(later)
    (row,) = ledger_rows(wb)
    assert (row.proposed_grade, row.grade, row.conclusion, row.problem_count) == ("合格", "优质", "优质案件", 0)


def test_problem_ranking_counts_cases_and_marks_recurring(wb: Workbench) -> None:
    seed_reviewed_cases(wb, 6)  # P3 in 5 cases, D5 in 3, E7 in 1
    ranking = problem_ranking(wb, 3)
    assert [(p.rank, p.item_code, p.cases, p.kind) for p in ranking] == [
        (1, "P3", 5, COMMON),
        (2, "D5", 3, COMMON),
        (3, "E7", 1, INDIVIDUAL),
    ]
    assert ranking[0].dimension == "办案程序" and ranking[0].severities == "司法瑕疵×5"
    assert [p.kind for p in problem_ranking(wb, 4)] == [COMMON, INDIVIDUAL, INDIVIDUAL]
    assert [p.kind for p in problem_ranking(wb)] == [COMMON, COMMON, INDIVIDUAL]  # configured default: 2


def test_ranking_counts_cases_not_findings(wb: Workbench) -> None:
    (a, _b) = seed_reviewed_cases(wb, 2, findings=[1, 1])
    with wb.db.unchecked_session() as s:  # a second P3 finding in case a (another suspect, say)
        review_id = s.scalars(select(Review.id).where(Review.case_id == a, Review.kind == "opinion")).one()
        s.add(Finding(review_id=review_id, item_code="P3", severity="一般司法错误", reason="又一处"))
    (p3,) = problem_ranking(wb, 2)
    assert (p3.cases, p3.findings, p3.kind) == (2, 3, COMMON)
    assert p3.severities == "司法瑕疵×2；一般司法错误×1"


def test_analysis_sheet_round_trips_through_openpyxl(ledger: tuple[list[LedgerRow], Path]) -> None:
    rows, path = ledger
    book = load_workbook(path)
    assert book.sheetnames == [ANALYSIS_SHEET, PRINT_SHEET, PROBLEM_SHEET]
    ws = book[ANALYSIS_SHEET]
    values = list(ws.iter_rows(values_only=True))
    assert list(values[0]) == [c.header for c in LEDGER_COLUMNS]
    for row, got in zip(rows, values[1:], strict=True):
        expected = [c.value(row) for c in LEDGER_COLUMNS]
        # Excel has no date-only type: dates come back as midnight datetimes.
        as_read = [datetime.combine(v, datetime.min.time()) if isinstance(v, date) else v for v in expected]
        assert [None if v == "" else v for v in as_read] == list(got)
    seq, started, count = values[1][0], values[1][15], values[1][12]
    assert type(seq) is int and type(count) is int and type(started) is datetime
    assert ws.merged_cells.ranges == set()
    assert all(c.fill.fill_type is None for r in ws.iter_rows() for c in r)
    assert ws.auto_filter.ref == f"A1:T{len(rows) + 1}"
    assert ws.freeze_panes == "A2"


def test_print_and_problem_sheets_are_formatted(ledger: tuple[list[LedgerRow], Path]) -> None:
    rows, path = ledger
    book = load_workbook(path)
    ws = book[PRINT_SHEET]
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:I1"]
    assert ws.cell(1, 1).value == "案件质量评查台账"
    assert [c.value for c in ws[2]] == [c.header for c in PRINT_COLUMNS]
    assert ws.max_row == len(rows) + 2
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.print_title_rows == "$2:$2"
    assert ws.cell(3, 8).border.left.style == "thin" and ws.cell(3, 8).alignment.wrap_text
    problems = book[PROBLEM_SHEET]
    assert [c.value for c in problems[1]] == [c.header for c in PROBLEM_COLUMNS]
    assert [r[3] for r in problems.iter_rows(min_row=2, values_only=True)] == ["P3", "D5", "E7"]
    assert problems.auto_filter.ref is not None


def test_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "ledger.xlsx"
    write_ledger_xlsx(target, [], [])
    assert [p.name for p in target.parent.iterdir()] == ["ledger.xlsx"]
    assert list(load_workbook(target)[ANALYSIS_SHEET].iter_rows(values_only=True)) == [
        tuple(c.header for c in LEDGER_COLUMNS)
    ]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_ledger_opens_in_libreoffice(ledger: tuple[list[LedgerRow], Path], tmp_path: Path) -> None:
    rows, path = ledger
    out = tmp_path / "csv"
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with (out / (path.stem + ".csv")).open(encoding="utf-8") as fh:
        table = list(csv.reader(fh))
    assert table[0] == [c.header for c in LEDGER_COLUMNS]  # the first sheet is the analysis sheet
    assert len(table) == len(rows) + 1
    for row, got in zip(rows, table[1:], strict=True):
        assert got[0] == str(row.seq) and got[1] == row.dept_case_no and got[11] == row.problems_text
        assert got[12] == str(row.problem_count)
        assert got[16] == row.submitted_on.isoformat()  # a real date, shown in the cell's yyyy-mm-dd format


def test_period_subtitle_on_the_print_sheet(tmp_path: Path) -> None:
    assert period_text(date(2026, 1, 1), date(2026, 3, 31)) == "评查提交日期：2026年1月1日至2026年3月31日"
    assert period_text(date(2026, 1, 1), None) == "评查提交日期：2026年1月1日起"
    assert period_text(None, date(2026, 3, 31)) == "评查提交日期：截至2026年3月31日"
    assert period_text(None, None) == ""
    path = write_ledger_xlsx(tmp_path / "l.xlsx", [], [], subtitle=period_text(date(2026, 1, 1), None))
    ws = load_workbook(path)[PRINT_SHEET]
    assert ws.cell(2, 1).value == "评查提交日期：2026年1月1日起"
    assert ws.print_title_rows == "$3:$3"
