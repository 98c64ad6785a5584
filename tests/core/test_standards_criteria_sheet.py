"""The 优质标准 sheet as offices head it (序号 | 优质案件评定标准, under a title row, no column 适用等次): read in one
round, each criterion of the default scheme's highest grade as the sheet's name says, and the import result
saying so; refused naming the column where a needed one is missing or no grade can be taken."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.standards import Standard, StandardError, export_standard_xlsx, read_standard_xlsx
from reviewapp.standards.excel_layout import CRITERIA_SHEET, META_SHEET
from tests.core.intake_fixtures import english_ui  # noqa: F401 - the fixture

pytestmark = pytest.mark.usefixtures("english_ui")  # matched on the English text of the messages


def office_sheet(criminal: Standard, path: Path, headings: list[str], *, title: bool, scheme: bool = True) -> Path:
    """The shipped standard's workbook with its criteria under an office's own headings (and title row)."""
    export_standard_xlsx(criminal, path)
    wb = load_workbook(path)
    ws: Worksheet = wb[CRITERIA_SHEET]
    ws.delete_rows(1, ws.max_row)
    body = [[c.code, c.text, "、".join(c.grades)] for c in criminal.criteria]
    top = 1
    if title:
        ws.cell(row=1, column=1, value="附件2：优质案件评定标准")
        top = 2
    for col, heading in enumerate(headings, start=1):
        ws.cell(row=top, column=col, value=heading)
    for r, values in enumerate(body, start=top + 1):
        for col, value in enumerate(values[: len(headings)], start=1):
            ws.cell(row=r, column=col, value=value)
    if not scheme:
        meta = wb[META_SHEET]
        row = next(r for r in meta.iter_rows(min_row=2) if r[2].value == "scheme")
        row[1].value = None
    wb.save(path)
    wb.close()
    return path


def test_an_offices_headings_under_a_title_without_the_grade_column(criminal: Standard, tmp_path: Path) -> None:
    path = office_sheet(criminal, tmp_path / "office.xlsx", ["序号", "优质案件评定标准"], title=True)
    read = read_standard_xlsx(path, version=2)
    assert read.standard.criteria == criminal.criteria  # every one of 优质, as shipped
    assert (
        "Sheet 优质标准: no column 适用等次 — each criterion is one of 优质, the highest grade of the scheme 2026."
        in read.warnings
    )


def test_an_offices_headings_with_the_grades_given(criminal: Standard, tmp_path: Path) -> None:
    path = office_sheet(criminal, tmp_path / "graded.xlsx", ["编号", "评定标准", "等次"], title=False)
    read = read_standard_xlsx(path, version=2)
    assert read.standard.criteria == criminal.criteria
    assert not any("适用等次" in w for w in read.warnings)


def test_a_sheet_without_the_criteria_text_is_refused_naming_the_column(criminal: Standard, tmp_path: Path) -> None:
    path = office_sheet(criminal, tmp_path / "no_text.xlsx", ["序号", "备注"], title=False)
    with pytest.raises(StandardError) as info:
        read_standard_xlsx(path, version=2)
    problems = [p for p in info.value.problems if p.sheet == CRITERIA_SHEET]
    assert [(p.row, p.column) for p in problems] == [(1, "内容")]
    assert problems[0].problem.startswith("the column is missing (the headings on row 1 are 序号、备注)")


def test_no_grade_column_and_no_default_scheme_is_refused(criminal: Standard, tmp_path: Path) -> None:
    path = office_sheet(criminal, tmp_path / "no_scheme.xlsx", ["序号", "评定标准"], title=False, scheme=False)
    with pytest.raises(StandardError) as info:
        read_standard_xlsx(path, version=2)
    problems = [p for p in info.value.problems if p.sheet == CRITERIA_SHEET]
    assert [(p.row, p.column) for p in problems] == [(1, "适用等次")]
    assert "names no default grade scheme" in problems[0].problem


def test_a_row_number_beside_the_code_column_is_not_a_second_code(criminal: Standard, tmp_path: Path) -> None:
    path = office_sheet(criminal, tmp_path / "numbered.xlsx", ["代码", "内容", "适用等次"], title=False)
    wb = load_workbook(path)
    ws = wb[CRITERIA_SHEET]
    ws.insert_cols(1)
    ws.cell(row=1, column=1, value="序号")
    for r in range(2, ws.max_row + 1):
        ws.cell(row=r, column=1, value=r - 1)
    wb.save(path)
    read = read_standard_xlsx(path, version=2)
    assert read.standard.criteria == criminal.criteria  # the codes from 代码, 序号 left out
