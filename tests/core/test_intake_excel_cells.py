"""What python-calamine does not tell of an .xlsx cell (intake/xlsx_cells.py): an Excel error cell (#N/A …) is
not a blank cell, and a number formatted 000 is the text Excel shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from reviewapp.services.cases.intake import import_cases
from reviewapp.storage.models import Case, Person
from tests.core.intake_fixtures import case_row, english_ui
from tests.core.services_fixtures import open_workbench

pytestmark = pytest.mark.usefixtures("english_ui")  # reasons are matched in English
__all__ = ["english_ui"]


@pytest.fixture
def wb(tmp_path: Path):  # type: ignore[no-untyped-def]
    bench = open_workbench(tmp_path)
    yield bench
    bench.close()


def export(path: Path, rows: list[dict[str, Any]], formats: dict[str, str] | None = None) -> Path:
    """One cases sheet; ``formats``: column → number format of its data cells."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "案件"
    columns = list(dict.fromkeys(c for r in rows for c in r))
    ws.append(columns)
    for r in rows:
        ws.append([r.get(c) for c in columns])  # openpyxl writes "#N/A" and its kind as an error cell
    for column, fmt in (formats or {}).items():
        for cell in ws[chr(ord("A") + columns.index(column))][1:]:
            cell.number_format = fmt
    book.save(path)
    return path


def test_an_error_cell_is_refused_in_a_required_column_and_empty_with_a_note_in_an_optional_one(
    wb,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    rows = [
        case_row(1, 电子卷宗=None, 承办检察官="#N/A", 备注="甲"),
        case_row(2, 电子卷宗=None, 涉案金额="#DIV/0!", 备注="#REF!"),
        case_row(3, 电子卷宗=None, 受理日期="#VALUE!", 备注="乙"),
    ]
    summary = import_cases(wb, export(tmp_path / "e.xlsx", rows))
    assert (summary.imported, summary.rows_rejected) == (1, 2)
    found = [(r.sheet, r.row, r.column, r.value, r.reason) for r in summary.rejects]
    assert found == [
        ("案件", 2, "承办检察官", "#N/A", "Excel formula error #N/A: the cell holds no value"),
        ("案件", 3, "涉案金额", "#DIV/0!", "Excel formula error #DIV/0!: imported as empty"),
        ("案件", 3, "备注", "#REF!", "Excel formula error #REF!: imported as empty"),
        ("案件", 4, "受理日期", "#VALUE!", "Excel formula error #VALUE!: the cell holds no value"),
    ]
    with wb.db.session() as s:
        case = s.scalars(select(Case)).one()
        assert (case.dept_case_no, case.amount_fen, case.extra) == (case_row(2)["部门受案号"], None, {})


def test_a_staff_number_formatted_with_leading_zeros_keeps_them(wb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [case_row(1, 电子卷宗=None, 承办人工号=7), case_row(2, 电子卷宗=None, 承办检察官="李检察官", 承办人工号=12)]
    rows.append(case_row(3, 电子卷宗=None, 承办检察官="赵检察官", 承办人工号=123456))
    summary = import_cases(wb, export(tmp_path / "e.xlsx", rows, {"承办人工号": "000"}))
    assert (summary.imported, summary.rejects) == (3, [])
    with wb.db.session() as s:
        staff = {name: no for name, no in s.execute(select(Person.name, Person.staff_no))}
    assert {k: staff[k] for k in ("王检察官", "李检察官", "赵检察官")} == {
        "王检察官": "007",
        "李检察官": "012",
        "赵检察官": "123456",
    }
