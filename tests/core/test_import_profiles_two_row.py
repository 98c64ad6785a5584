"""An export of another system with a two-row header (a group name over its columns, the other names merged
down): the mapping dialog shows the names of both rows, and the profile made there reads the export — found
by itself the next time, dates and all."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from reviewapp.intake import headers
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.cases.profiles import mapping_needed, read_layout, save_profile
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case
from tests.core.other_system_export import CASE_HEADERS, CASES_SHEET, case_number, write_other_system_export
from tests.core.test_import_profiles import _guessed_profile, wb

GROUP = "办理时间"
UNDER_GROUP = ("收案时间", "审结时间")
__all__ = ["wb"]  # the fixture: a workbench with a signed-in importer


def _two_row_export(tmp_path: Path) -> Path:
    """The other system's export with its header (row 2) split over rows 2 and 3, as Excel reports are laid
    out: 办理时间 merged over 收案时间 and 审结时间, whose names are in row 3; every other name merged down."""
    export = write_other_system_export(tmp_path / "other.xlsx")
    book = load_workbook(export.path)
    sheet = book[CASES_SHEET]
    sheet.insert_rows(3)
    first = CASE_HEADERS.index(UNDER_GROUP[0]) + 1
    for column, name in enumerate(CASE_HEADERS, start=1):
        if name in UNDER_GROUP:
            sheet.cell(3, column, name)
            sheet.cell(2, column, GROUP if column == first else None)
        else:
            sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    sheet.merge_cells(start_row=2, start_column=first, end_row=2, end_column=first + 1)
    path = tmp_path / "two-row.xlsx"
    book.save(path)
    return path


def test_a_group_row_is_joined_only_when_it_reads_as_names() -> None:
    top = ["案件编码", "案件名称", GROUP, "", "备注"]
    assert headers.grouped_names(top, ["", "", "收案时间", "审结时间", ""]) == [
        "案件编码",
        "案件名称",
        "收案时间",
        "审结时间",
        "备注",
    ]
    # A data row: values under every name, nothing under a column without a name.
    assert headers.grouped_names(top, ["朝检[2025]1号", "赵某盗窃案", "2025-03-01", "", "无"]) is None
    # A data row with a column left empty, under a sheet with a column no one named.
    assert headers.grouped_names(["案件编码", "案件名称", "", "备注"], ["朝检[2025]1号", "甲", "乙", ""]) is None
    # A number or a date is never a name.
    assert headers.grouped_names(top, ["", "", 45000, "审结时间", ""]) is None
    # Names under names alone (a second title row) are not a group's columns.
    assert headers.grouped_names(top, ["", "案件名称", GROUP, "", ""]) is None
    assert headers.grouped_names(top, ["", "", "", "", ""]) is None


def test_the_dialog_shows_both_rows_and_the_profile_reads_the_export(wb: Workbench, tmp_path: Path) -> None:
    path = _two_row_export(tmp_path)
    layout = read_layout(path)
    cases = layout.sheet("cases")
    assert cases is not None
    assert cases.header_index == 2, "the header's second row is the row above the data"
    assert cases.headers == CASE_HEADERS, "the group's columns named by the row under it"
    assert cases.samples[0][0] == case_number(1)

    profile = _guessed_profile(wb, path)
    save_profile(wb, profile)
    assert mapping_needed(wb, path) is None, "the saved profile is found by the joined names"
    summary = import_cases(wb, path)  # not named: it applies itself
    assert summary.profile == "省院新系统"
    assert summary.rejected == 0, summary.rejects
    assert summary.imported == 4
    with wb.db.session() as s:
        second = s.scalar(select(Case).where(Case.dept_case_no == case_number(2)))
        assert second is not None
        assert str(second.accepted_on) == "2025-03-01" and str(second.closed_on) == "2025-04-25"
