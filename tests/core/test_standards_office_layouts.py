"""Checklists as provincial offices keep them: the shipped standard's workbook changed the way an office's copy
is, imported through the real service. Each loads as the checklist the office meant, or is refused with the
sheet, row, column and what would be accepted — never silently read as something else."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.services.reviews.standards_store import import_standard, load_standard_version
from reviewapp.services.workbench import Workbench
from reviewapp.standards import Standard, StandardError, export_standard_xlsx
from reviewapp.standards.excel_layout import ITEMS_SHEET
from tests.core.intake_fixtures import english_ui
from tests.core.services_fixtures import open_workbench

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workbench]:
    wb = open_workbench(tmp_path_factory.mktemp("db"))
    yield wb
    wb.close()


def columns(ws: Worksheet, row: int = 1) -> dict[str, int]:
    return {c.value: c.column for c in ws[row] if c.value}


def office_copy(criminal: Standard, path: Path, change: Callable[[Workbook], None]) -> Path:
    """The shipped criminal standard's workbook, changed by ``change`` the way an office's copy is."""
    export_standard_xlsx(criminal, path)
    wb = load_workbook(path)
    change(wb)
    wb.save(path)
    wb.close()
    return path


def imported(bench: Workbench, path: Path) -> Standard:
    return load_standard_version(bench, import_standard(bench, path).id)


def refusal(bench: Workbench, path: Path) -> list[StandardError]:
    with pytest.raises(StandardError) as info:
        import_standard(bench, path)
    return list(info.value.problems)


def test_a_second_column_of_the_same_heading_is_refused_not_silently_read(
    bench: Workbench, criminal: Standard, tmp_path: Path
) -> None:
    def hidden_old_points(wb: Workbook) -> None:
        ws = wb[ITEMS_SHEET]
        last = ws.max_column + 1
        ws.cell(row=1, column=last, value="默认扣分")  # an old copy of the column, hidden
        for row in range(2, ws.max_row + 1):
            ws.cell(row=row, column=last, value=10)
        ws.column_dimensions[get_column_letter(last)].hidden = True

    path = office_copy(criminal, tmp_path / "dup.xlsx", hidden_old_points)
    (problem,) = refusal(bench, path)
    assert (problem.sheet, problem.row, problem.column) == (ITEMS_SHEET, 1, "默认扣分")
    assert "columns F and K" in problem.problem and "hidden columns count too" in problem.problem


def test_a_formula_saved_without_its_result_is_refused_not_read_as_no_deduction(
    bench: Workbench, criminal: Standard, tmp_path: Path
) -> None:
    def formulas(wb: Workbook) -> None:  # as a program writes them: the formula without a cached result
        ws = wb[ITEMS_SHEET]
        points = columns(ws)["默认扣分"]
        ws.cell(row=2, column=points, value="=1+1")
        ws.cell(row=3, column=points, value="=2*1")

    path = office_copy(criminal, tmp_path / "formula.xlsx", formulas)
    problems = refusal(bench, path)
    assert [(p.sheet, p.row, p.column) for p in problems] == [(ITEMS_SHEET, r, "默认扣分") for r in (2, 3)]
    assert "the formula =1+1 but not its result" in problems[0].problem
    assert "open the workbook in Excel or WPS and save it" in problems[0].problem


def test_codes_formatted_with_leading_zeros_stay_as_shown(bench: Workbench, criminal: Standard, tmp_path: Path) -> None:
    def padded(wb: Workbook) -> None:  # typed 1, 2 … in a column formatted 000: Excel shows 001, 002 …
        ws = wb[ITEMS_SHEET]
        for row in range(2, ws.max_row + 1):
            ws.cell(row=row, column=1, value=row - 1).number_format = "000"
        ws.cell(row=2, column=1).number_format = "00.00"  # shows 01.00

    standard = imported(bench, office_copy(criminal, tmp_path / "padded.xlsx", padded))
    assert [it.code for it in standard.items][:3] == ["01.00", "002", "003"]
    assert standard.items[99].code == "100"


def test_title_and_note_rows_above_the_headings_are_passed_over(
    bench: Workbench, criminal: Standard, tmp_path: Path
) -> None:
    def titled(wb: Workbook) -> None:
        for ws in wb.worksheets:
            width = ws.max_column
            ws.insert_rows(1, 2)
            ws.cell(row=1, column=1, value=f"××省人民检察院{ws.title}（2026年版）")
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
            ws.cell(row=2, column=1, value="说明：扣分以每处为单位。")
        ws = wb[ITEMS_SHEET]
        ws.cell(row=5, column=columns(ws, 3)["问题等级"], value="很严重")  # still pointed at its real row

    path = office_copy(criminal, tmp_path / "titled.xlsx", titled)
    (problem,) = refusal(bench, path)
    assert (problem.sheet, problem.row, problem.column) == (ITEMS_SHEET, 5, "问题等级")
    assert problem.item == "item E2" and problem.problem.startswith("unknown severity 很严重: ")
    wb = load_workbook(path)
    wb[ITEMS_SHEET].cell(row=5, column=columns(wb[ITEMS_SHEET], 3)["问题等级"], value="司法瑕疵")
    wb.save(path)
    assert imported(bench, path).to_dict() | {"version": 1} == criminal.to_dict()


def test_headings_and_sheet_names_are_read_without_stray_spaces_line_breaks_or_width(
    bench: Workbench, criminal: Standard, tmp_path: Path
) -> None:
    def retyped(wb: Workbook) -> None:
        wb[ITEMS_SHEET].title = "评查项 "
        ws = wb["评查项 "]
        for cell in ws[1]:
            cell.value = {"评查项内容": "评查项\n内容", "默认扣分": " 默认扣分 "}.get(cell.value, cell.value)
        for cell in wb["等次方案"][1]:
            cell.value = "等次(由高到低)" if cell.value == "等次（由高到低）" else cell.value

    standard = imported(bench, office_copy(criminal, tmp_path / "retyped.xlsx", retyped))
    assert standard.to_dict() | {"version": 1} == criminal.to_dict()


def merge_runs(ws: Worksheet, col: int) -> None:
    """Merge each run of equal cells of a column, as an office merges a dimension over its items."""
    start = 2
    for row in range(3, ws.max_row + 2):
        if row <= ws.max_row and ws.cell(row=row, column=col).value == ws.cell(row=start, column=col).value:
            continue
        if row - 1 > start:
            for r in range(start + 1, row):
                ws.cell(row=r, column=col).value = None
            ws.merge_cells(start_row=start, start_column=col, end_row=row - 1, end_column=col)
        start = row


def test_a_cell_merged_over_several_items_holds_for_each(bench: Workbench, criminal: Standard, tmp_path: Path) -> None:
    def merged(wb: Workbook) -> None:
        ws = wb[ITEMS_SHEET]
        for heading in ("维度", "问题等级", "默认扣分", "适用案件类别"):
            merge_runs(ws, columns(ws)[heading])

    path = office_copy(criminal, tmp_path / "merged.xlsx", merged)
    assert len(load_workbook(path)[ITEMS_SHEET].merged_cells.ranges) > 20
    standard = imported(bench, path)
    assert standard.to_dict() | {"version": 1} == criminal.to_dict()


def test_list_cells_written_one_entry_a_line_or_with_commas(
    bench: Workbench, criminal: Standard, tmp_path: Path
) -> None:
    def listed(wb: Workbook) -> None:
        ws = wb[ITEMS_SHEET]
        col = columns(ws)
        for row in range(2, ws.max_row + 1):
            for heading, separator in (("问题等级", "\n"), ("适用案件类别", "、"), ("常见问题", "\n")):
                cell = ws.cell(row=row, column=col[heading])
                cell.value = cell.value.replace("；", separator) + "\n"
        ws.cell(row=6, column=col["问题等级"], value="司法瑕疵、一般司法错误")
        ws.cell(row=7, column=col["问题等级"], value="司法瑕疵，\n")
        wb["基本信息"].cell(row=5, column=2, value="审查起诉，审查逮捕")

    standard = imported(bench, office_copy(criminal, tmp_path / "listed.xlsx", listed))
    assert standard.to_dict() | {"version": 1} == criminal.to_dict()
    assert any("、" in phrase for it in standard.items for phrase in it.phrases)  # a phrase keeps its 、


def test_veto_items_marked_否决_and_dashes_for_does_not_apply(
    bench: Workbench, criminal: Standard, tmp_path: Path
) -> None:
    def marked(wb: Workbook) -> None:
        ws = wb[ITEMS_SHEET]
        col = columns(ws)
        for row in range(2, ws.max_row + 1):
            veto = ws.cell(row=row, column=col["一票否决"])
            veto.value = ("否决" if row % 2 else "一票否决") if veto.value == "是" else ("—" if row % 2 else "/")
            if ws.cell(row=row, column=col["自动检查"]).value is None:
                ws.cell(row=row, column=col["自动检查"], value="-")

    standard = imported(bench, office_copy(criminal, tmp_path / "veto.xlsx", marked))
    assert standard.to_dict() | {"version": 1} == criminal.to_dict()
    assert sum(it.veto for it in standard.items) == sum(it.veto for it in criminal.items) > 0


def test_a_word_neither_yes_nor_no_lists_the_veto_words_in_a_veto_column(
    bench: Workbench, criminal: Standard, tmp_path: Path
) -> None:
    def unclear(wb: Workbook) -> None:
        ws = wb[ITEMS_SHEET]
        ws.cell(row=4, column=columns(ws)["一票否决"], value="待定")

    (problem,) = refusal(bench, office_copy(criminal, tmp_path / "unclear.xlsx", unclear))
    assert (problem.sheet, problem.row, problem.column) == (ITEMS_SHEET, 4, "一票否决")
    assert problem.problem == "待定 is neither yes nor no" and {"是", "否决", "一票否决", "否"} <= set(problem.allowed)


def test_points_per_finding_or_as_points_lost(bench: Workbench, criminal: Standard, tmp_path: Path) -> None:
    def points(wb: Workbook) -> None:
        ws = wb[ITEMS_SHEET]
        col = columns(ws)["默认扣分"]
        for row in range(2, ws.max_row + 1):
            cell = ws.cell(row=row, column=col)
            cell.value = (f"每处扣{cell.value:g}分", f"-{cell.value:g}", -cell.value, f"－{cell.value:g}分")[row % 4]

    standard = imported(bench, office_copy(criminal, tmp_path / "points.xlsx", points))
    assert [it.deduction for it in standard.items] == [it.deduction for it in criminal.items]


def test_points_as_a_range_are_refused_asking_for_the_default(
    bench: Workbench, criminal: Standard, tmp_path: Path
) -> None:
    def ranges(wb: Workbook) -> None:
        ws = wb[ITEMS_SHEET]
        ws.cell(row=6, column=columns(ws)["默认扣分"], value="2-5分")
        ws.cell(row=7, column=columns(ws)["默认扣分"], value="扣２～５分")

    problems = refusal(bench, office_copy(criminal, tmp_path / "range.xlsx", ranges))
    assert [(p.row, p.column) for p in problems] == [(6, "默认扣分"), (7, "默认扣分")]
    assert problems[0].problem.startswith("2-5分 is a range: write the one deduction a finding takes by default")
    assert "每处扣2分" in problems[1].allowed


def test_an_items_dimension_may_be_written_by_its_name(bench: Workbench, criminal: Standard, tmp_path: Path) -> None:
    names = {d.code: d.name for d in criminal.dimensions}

    def by_name(wb: Workbook) -> None:
        ws = wb[ITEMS_SHEET]
        col = columns(ws)["维度"]
        for row in range(2, ws.max_row + 1, 2):  # every other row: both forms in one sheet
            ws.cell(row=row, column=col, value=names[ws.cell(row=row, column=col).value])
        ws.cell(row=3, column=col, value="证据审查")  # neither a code nor a name

    path = office_copy(criminal, tmp_path / "names.xlsx", by_name)
    (problem,) = refusal(bench, path)
    assert (problem.row, problem.column, problem.problem) == (3, "维度", "unknown dimension 证据审查")
    wb = load_workbook(path)
    wb[ITEMS_SHEET].cell(row=3, column=2, value="E")
    wb.save(path)
    assert imported(bench, path).to_dict() | {"version": 1} == criminal.to_dict()


def test_an_xls_file_or_a_renamed_csv_is_refused_saying_what_to_save_it_as(
    bench: Workbench, criminal: Standard, tmp_path: Path
) -> None:
    old = tmp_path / "old.xls"
    old.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))  # how an Excel 97–2003 file begins
    (problem,) = refusal(bench, old)
    assert problem.file == str(old) and "Excel 97–2003 workbook (.xls) cannot be read" in problem.problem
    assert "save it as an Excel workbook (.xlsx)" in problem.problem
    csv = tmp_path / "table.xlsx"
    csv.write_text("代码,维度\nE1,E\n", encoding="utf-8")
    (problem,) = refusal(bench, csv)
    assert problem.problem.startswith("not an Excel workbook (.xlsx) — a CSV or other file renamed .xlsx")
    named_xls = office_copy(criminal, tmp_path / "saved.xlsx", lambda wb: None).rename(tmp_path / "saved.xls")
    assert imported(bench, named_xls).to_dict() | {"version": 1} == criminal.to_dict()  # an .xlsx named .xls


def test_items_on_one_sheet_per_case_type_are_read_as_items_of_that_case_type(
    bench: Workbench, criminal: Standard, tmp_path: Path
) -> None:
    def per_case_type(wb: Workbook) -> None:
        wb[ITEMS_SHEET].title = "评查项（审查起诉）"
        arrest = wb.copy_worksheet(wb["评查项（审查起诉）"])
        arrest.title = "审查逮捕案件评查表"
        for ws in (wb["评查项（审查起诉）"], arrest):
            for row in range(2, ws.max_row + 1):
                ws.cell(row=row, column=columns(ws)["适用案件类别"]).value = None  # the sheet says it

    row = import_standard(bench, office_copy(criminal, tmp_path / "per_type.xlsx", per_case_type))
    standard = load_standard_version(bench, row.id)
    # One code on both sheets with the same item is one item of both case types.
    assert [it.code for it in standard.items] == [it.code for it in criminal.items]
    assert all(it.case_types == ("审查起诉", "审查逮捕") for it in standard.items)


def test_sheets_per_case_type_refuse_a_code_for_two_items_and_an_unnamed_sheet(
    bench: Workbench, criminal: Standard, tmp_path: Path
) -> None:
    def per_case_type(wb: Workbook) -> None:
        wb[ITEMS_SHEET].title = "评查项（审查起诉）"
        ws = wb["评查项（审查起诉）"]
        for row in range(2, ws.max_row + 1):
            ws.cell(row=row, column=columns(ws)["适用案件类别"]).value = None
        arrest = wb.copy_worksheet(ws)
        arrest.title = "审查逮捕"
        arrest.cell(row=3, column=columns(arrest)["评查项内容"], value="逮捕必要性审查不充分")  # code E2 again
        arrest.cell(row=4, column=columns(arrest)["适用案件类别"], value="审查起诉")  # not this sheet's
        wb.copy_worksheet(arrest).title = "评查项（刑事申诉）"  # no case type of the standard

    problems = refusal(bench, office_copy(criminal, tmp_path / "per_type.xlsx", per_case_type))
    assert [(p.sheet, p.row, p.column) for p in problems] == [
        ("评查项（刑事申诉）", None, None),
        ("审查逮捕", 3, "代码"),
        ("审查逮捕", 4, "适用案件类别"),
    ]
    assert problems[0].problem.startswith(
        "the sheet looks like a sheet of items but names no case type of the standard (审查起诉、审查逮捕)"
    )
    assert problems[1].problem.startswith("code E2 is also on the sheet 评查项（审查起诉）, row 3, for another item")
    assert problems[2].problem.startswith("the sheet holds the items of 审查逮捕, but the row names 审查起诉")


def test_heading_total_and_note_rows_are_read_as_such(bench: Workbench, criminal: Standard, tmp_path: Path) -> None:
    def around(wb: Workbook) -> None:
        ws = wb[ITEMS_SHEET]
        ws.insert_rows(2)
        ws.cell(row=2, column=1, value="一、证据采信")  # a dimension's heading: the items below keep their own
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ws.max_column)
        last = ws.max_row
        ws.cell(row=last + 1, column=1, value="合计")
        ws.cell(row=last + 1, column=columns(ws)["默认扣分"], value=100)
        ws.cell(row=last + 2, column=1, value="注：本表由案件管理部门负责解释。")

    path = office_copy(criminal, tmp_path / "around.xlsx", around)
    row = import_standard(bench, path)
    assert load_standard_version(bench, row.id).to_dict() | {"version": 1} == criminal.to_dict()
    assert row.warnings == (
        "Sheet 评查项: dimension of the items taken from the heading rows above them: 2 (一、证据采信).",
        "Sheet 评查项: total rows not read: 103 (合计).",
        "Sheet 评查项: note under the table not read (row 104): 注：本表由案件管理部门负责解释。",
    )


def test_a_heading_or_note_that_may_change_the_items_under_it_is_refused(
    bench: Workbench, criminal: Standard, tmp_path: Path
) -> None:
    def among(wb: Workbook) -> None:
        ws = wb[ITEMS_SHEET]
        ws.insert_rows(5, 2)
        ws.cell(row=5, column=1, value="（一）以下各项每处扣1分")  # says something of the points below
        ws.cell(row=6, column=3, value="注：E5至E9仅适用于审查起诉案件")  # a note among the items
        ws.cell(row=ws.max_row + 1, column=3, value="证据审查")  # a heading of no dimension

    problems = refusal(bench, office_copy(criminal, tmp_path / "among.xlsx", among))
    assert [(p.sheet, p.row, p.column) for p in problems] == [(ITEMS_SHEET, r, "代码") for r in (5, 6, 104)]
    assert problems[0].problem.startswith(
        "the row holds only （一）以下各项每处扣1分, a heading that may say something"
    )
    assert problems[1].problem.startswith("the note 注：E5至E9仅适用于审查起诉案件 stands among the items")
    assert problems[2].problem.startswith("the row holds only 证据审查, which is no item: a heading row is read only")
