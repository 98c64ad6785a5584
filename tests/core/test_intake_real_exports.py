"""Exports as other provinces' systems write them and people tidy them in Excel or WPS: group header rows,
total and note rows under the data, filtered (hidden) rows, hidden and blank columns, √ for yes, dates with
a time of day, case types with 案件 appended, repeated rows. Each one imports right or is refused at its cell;
never a note row as a case, a value in another column, or a case dropped without a word."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from reviewapp.intake.parse import ParsedExport, read_export
from tests.core.intake_fixtures import case_row, english_ui  # noqa: F401 - pytest fixture

pytestmark = pytest.mark.usefixtures("english_ui")

COLUMNS = ["部门受案号", "案件名称", "案件类别", "承办单位", "承办部门", "承办检察官", "受理日期", "办结日期"]
NO = "朝检刑诉受[2025]{}号"


def _row(n: int, **changes: Any) -> list[Any]:
    row = case_row(n, **changes)
    return [row.get(c, "") for c in COLUMNS]


def _xlsx(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = (), hidden_rows: tuple[int, ...] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "案件信息"
    for row in rows:
        ws.append(row)
    for cells in merges:
        ws.merge_cells(cells)
    for number in hidden_rows:
        ws.row_dimensions[number].hidden = True
    wb.save(path)
    return path


def _numbers(parsed: ParsedExport) -> list[str]:
    return [c.dept_case_no for c in parsed.cases]


def _where(parsed: ParsedExport) -> list[tuple[str, int, str | None]]:
    return [(r.sheet, r.row, r.column) for r in parsed.rejects]


def test_total_and_note_rows_under_the_data_are_skipped_and_named(tmp_path: Path) -> None:
    rows = [
        COLUMNS,
        _row(1),
        _row(2),
        ["合 计", "2件"],
        ["", "合计：2"],
        ["制表人：张三", "", "", "导出时间：2025-04-01"],
        ["导出时间：2025-04-01 10:00"],
    ]
    parsed = read_export(_xlsx(tmp_path / "e.xlsx", rows))
    assert _numbers(parsed) == [NO.format(1), NO.format(2)]
    assert _where(parsed) == [
        ("案件信息", 4, "部门受案号"),
        ("案件信息", 5, "案件名称"),
        ("案件信息", 6, "部门受案号"),
        ("案件信息", 7, "部门受案号"),
    ]
    assert all("not a data row" in r.reason for r in parsed.rejects)
    assert parsed.counts.rejected_rows == 0


def test_total_row_of_a_gb18030_csv(tmp_path: Path) -> None:
    path = tmp_path / "案件.csv"
    with path.open("w", encoding="gb18030", newline="") as f:
        writer = csv.writer(f)
        writer.writerows([["案件信息导出"], COLUMNS, _row(1), ["合计", "1"]])
    parsed = read_export(path)
    assert _numbers(parsed) == [NO.format(1)]
    assert _where(parsed) == [("案件", 4, "部门受案号")]


def test_a_row_with_a_case_number_is_never_taken_for_a_note(tmp_path: Path) -> None:
    rows = [COLUMNS, _row(1, 案件名称="合计类案件"), _row(2, 部门受案号="制表受[2025]2号")]
    parsed = read_export(_xlsx(tmp_path / "e.xlsx", rows))
    assert _numbers(parsed) == [NO.format(1), "制表受[2025]2号"]
    assert parsed.rejects == []


def test_a_row_repeated_but_for_spaces_is_one_case_with_a_note(tmp_path: Path) -> None:
    rows = [COLUMNS, _row(1), _row(1, 案件名称=" 张某1盗窃案 "), _row(2)]
    parsed = read_export(_xlsx(tmp_path / "e.xlsx", rows))
    assert _numbers(parsed) == [NO.format(1), NO.format(2)]
    assert _where(parsed) == [("案件信息", 3, "部门受案号")]
    assert "row 2" in parsed.rejects[0].reason
    assert parsed.counts.duplicate_rows == 1 and parsed.counts.rejected_rows == 0


def test_identical_rows_are_one_case_and_a_differing_one_is_refused(tmp_path: Path) -> None:
    rows = [COLUMNS, _row(1), _row(1), _row(1, 承办检察官="李检察官")]
    parsed = read_export(_xlsx(tmp_path / "e.xlsx", rows))
    assert _numbers(parsed) == [NO.format(1)]
    assert parsed.duplicates == [("案件信息", 3)]
    assert _where(parsed) == [("案件信息", 4, "部门受案号")]
    assert "承办检察官" in parsed.rejects[0].reason


def test_group_header_row_hidden_rows_and_a_blank_column(tmp_path: Path) -> None:
    header = [*COLUMNS[:3], "", *COLUMNS[3:]]
    group = ["基本信息", "", "", "", "办案信息", "", "", "", ""]
    body = [[*r[:3], "", *r[3:]] for r in (_row(1), _row(2), _row(3))]
    path = _xlsx(tmp_path / "e.xlsx", [group, header, *body], merges=("A1:D1", "E1:I1"), hidden_rows=(4,))
    parsed = read_export(path)
    # A filter's hidden rows are still rows of the export: every case is read, and the hidden ones are named.
    assert _numbers(parsed) == [NO.format(1), NO.format(2), NO.format(3)]
    assert _where(parsed) == [("案件信息", 4, "部门受案号")]
    assert "hidden in Excel" in parsed.rejects[0].reason and parsed.counts.rejected_rows == 0
    assert parsed.unknown_columns == {}
    assert parsed.cases[0].unit == "北京市朝阳区人民检察院"  # no value shifted by the blank column


def test_check_marks_dates_with_a_time_and_case_type_variants(tmp_path: Path) -> None:
    header = [*COLUMNS, "是否羁押", "认罪认罚"]
    rows = [
        header,
        [*_row(1, 受理日期="2025年3月1日10时30分", 办结日期="2025.03.20", 案件类别="审查起诉案件"), "√", ""],
        [*_row(2, 受理日期="2025.3.1", 办结日期="2025年03月20日", 案件类别="公诉案件"), "", "√"],
        [*_row(3, 案件类别="起诉"), "√", "√"],
    ]
    parsed = read_export(_xlsx(tmp_path / "e.xlsx", rows))
    one, two = parsed.cases
    assert (one.accepted_on, one.closed_on, one.case_type) == (date(2025, 3, 1), date(2025, 3, 20), "审查起诉")
    assert (two.accepted_on, two.closed_on, two.case_type) == (date(2025, 3, 1), date(2025, 3, 20), "审查起诉")
    # Both yes/no columns mark yes with √ and leave no empty: an empty cell there is 否, said once per column.
    assert (one.detained, one.plea, two.detained, two.plea) == (True, False, False, True)
    notes = [r for r in parsed.rejects if r.row == 1]
    assert [n.column for n in notes] == ["是否羁押", "认罪认罚"] and "read as 否" in notes[0].reason
    # 起诉 is a result, not a case type: refused at its cell, never guessed.
    assert [w for w in _where(parsed) if w[1] != 1] == [("案件信息", 4, "案件类别")]


def test_a_tick_column_reads_empty_as_no_for_the_whole_sheet(tmp_path: Path) -> None:
    """The first rows decide (they are what the reader holds before the rest streams): a column of ✔ and
    empty cells is a tick column down to the last row; a column that also writes 否 keeps empty as unknown."""
    header = [*COLUMNS, "认罪认罚", "是否羁押"]
    rows = [header]
    for n in range(1, 121):
        plea = "✔" if n % 3 == 0 else ""
        detained = "否" if n == 2 else ("是" if n % 4 == 0 else "")
        rows.append([*_row(n), plea, detained])
    rows.append(["合计", "120件"])  # a total row: empty in every yes/no column, not a case
    parsed = read_export(_xlsx(tmp_path / "e.xlsx", rows))
    assert len(parsed.cases) == 120
    assert [c.plea for c in parsed.cases[:6]] == [False, False, True, False, False, True]
    assert parsed.cases[-1].plea is True and parsed.cases[-2].plea is False  # rows 120 and 119, past the first
    assert [c.detained for c in parsed.cases[:4]] == [None, False, None, True]  # 是/否 written: empty unknown
    [note] = [r for r in parsed.rejects if r.row == 1]
    assert note.column == "认罪认罚" and "✔" in note.reason


def test_a_column_ticked_everywhere_or_nowhere_is_read_as_written(tmp_path: Path) -> None:
    rows = [[*COLUMNS, "认罪认罚", "是否羁押"], *([*_row(n), "√", ""] for n in range(1, 4))]
    parsed = read_export(_xlsx(tmp_path / "e.xlsx", rows))
    assert [(c.plea, c.detained) for c in parsed.cases] == [(True, None)] * 3
    assert parsed.rejects == []


def test_two_row_header_with_names_merged_down_and_a_group_over_the_dates(tmp_path: Path) -> None:
    top = [*COLUMNS[:6], "办案日期", ""]
    below = ["", "", "", "", "", "", "受理日期", "办结日期"]
    merges = (*(f"{c}2:{c}3" for c in "ABCDEF"), "G2:H2", "A1:H1")
    rows = [["2025年审查起诉案件信息表"], top, below, _row(1), _row(2, 办结日期="")]
    parsed = read_export(_xlsx(tmp_path / "e.xlsx", rows, merges=merges))
    assert _numbers(parsed) == [NO.format(1), NO.format(2)]
    assert parsed.rejects == [] and parsed.unknown_columns == {}
    assert [(c.accepted_on, c.closed_on) for c in parsed.cases] == [
        (date(2025, 3, 1), date(2025, 3, 20)),
        (date(2025, 3, 1), None),
    ]


def test_a_first_data_row_is_never_taken_for_a_second_header_row(tmp_path: Path) -> None:
    rows = [COLUMNS, ["", "受理日期", "审查起诉", "x", "y", "z", "2025-03-01", ""], _row(1)]
    parsed = read_export(_xlsx(tmp_path / "e.xlsx", rows))
    assert _numbers(parsed) == [NO.format(1)]
    assert ("案件信息", 2, "部门受案号") in _where(parsed)  # refused as a data row without its number


def test_hidden_rows_are_named_in_spans(tmp_path: Path) -> None:
    rows = [COLUMNS, *(_row(n) for n in range(1, 8))]
    parsed = read_export(_xlsx(tmp_path / "e.xlsx", rows, hidden_rows=(3, 4, 5, 7)))
    assert len(parsed.cases) == 7
    [note] = parsed.rejects
    assert (note.row, note.column) == (3, "部门受案号") and "3–5、7" in note.reason


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("刑事审查起诉", "审查起诉"),
        ("刑事审查起诉案件", "审查起诉"),
        ("审查逮捕（批捕）", "审查逮捕"),
        ("刑事审查逮捕", "审查逮捕"),
    ],
)
def test_case_types_as_other_systems_write_them(tmp_path: Path, written: str, stored: str) -> None:
    parsed = read_export(_xlsx(tmp_path / "e.xlsx", [COLUMNS, _row(1, 案件类别=written)]))
    assert [c.case_type for c in parsed.cases] == [stored] and parsed.rejects == []


def test_a_row_repeated_with_a_date_typed_as_text_is_one_case(tmp_path: Path) -> None:
    rows = [COLUMNS, _row(1, 受理日期=date(2025, 3, 1)), _row(1, 受理日期="2025-03-01"), _row(1, 受理日期="2025-03-02")]
    parsed = read_export(_xlsx(tmp_path / "e.xlsx", rows))
    assert [(c.dept_case_no, c.accepted_on) for c in parsed.cases] == [(NO.format(1), date(2025, 3, 1))]
    assert [(r.row, "row 2" in r.reason) for r in parsed.rejects] == [(3, True), (4, True)]
    assert "受理日期" in parsed.rejects[1].reason and parsed.counts.rejected_rows == 1


def test_the_mapping_dialog_layout_reads_a_two_row_header_as_the_import_does(tmp_path: Path) -> None:
    from reviewapp.intake.layout import read_layout_here

    top = [*COLUMNS[:6], "办案日期", ""]
    below = ["", "", "", "", "", "", "受理日期", "办结日期"]
    layout = read_layout_here(_xlsx(tmp_path / "e.xlsx", [top, below, _row(1)], merges=("G1:H1",)))
    [sheet] = layout.sheets
    assert (sheet.header_index, sheet.headers, sheet.rows) == (1, COLUMNS, 1)
