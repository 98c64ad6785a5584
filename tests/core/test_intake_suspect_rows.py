"""A cases sheet with one row per suspect: merged case cells, repeated case cells, blank continuation rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from reviewapp.intake.parse import ParsedExport, read_export
from reviewapp.services.cases.intake import import_cases
from reviewapp.storage.models import Case, Suspect
from tests.core.intake_fixtures import case_row, english_ui  # noqa: F401 - pytest fixture
from tests.core.services_fixtures import open_workbench

pytestmark = pytest.mark.usefixtures("english_ui")

CASE_COLUMNS = ["部门受案号", "案件名称", "案件类别", "承办单位", "承办部门", "承办检察官", "受理日期", "办结日期"]
SUSPECT_COLUMNS = ["姓名", "性别", "出生日期", "强制措施", "是否羁押"]


def _case(n: int, **changes: Any) -> list[Any]:
    row = case_row(n, **changes)
    return [row[c] for c in CASE_COLUMNS]


def _write(path: Path, rows: list[list[Any]], merges: list[str] = ()) -> Path:  # type: ignore[assignment]
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "案件信息"
    ws.append(["案件信息导出"])  # a title row above the header
    ws.append(CASE_COLUMNS + SUSPECT_COLUMNS)
    for row in rows:
        ws.append(row)
    for cells in merges:
        ws.merge_cells(cells)
    wb.save(path)
    return path


ZHANG = ["张三", "男", "1990-01-01", "逮捕", "是"]
LI = ["李四", "女", "1991-02-02", "取保候审", "否"]
WANG = ["王五", "男", "1992-03-03", "拘留", "是"]


def _suspects(parsed: ParsedExport) -> dict[str, list[tuple[Any, ...]]]:
    return {
        c.dept_case_no: [(s.name, s.gender, s.birth_date, s.measure, s.detained) for s in c.suspects]
        for c in parsed.cases
    }


EXPECTED = {
    "朝检刑诉受[2025]1号": [
        ("张三", "男", date(1990, 1, 1), "逮捕", True),
        ("李四", "女", date(1991, 2, 2), "取保候审", False),
    ],
    "朝检刑诉受[2025]2号": [("王五", "男", date(1992, 3, 3), "拘留", True)],
}


def test_merged_case_cells_give_one_case_with_all_its_suspects(tmp_path: Path) -> None:
    rows = [_case(1) + ZHANG, _case(1) + LI, _case(2) + WANG]
    # openpyxl keeps only the top-left value of a merged range: the continuation row's case cells are empty.
    merges = [f"{col}3:{col}4" for col in "ABCDEFGH"]
    parsed = read_export(_write(tmp_path / "merged.xlsx", rows, merges))
    assert _suspects(parsed) == EXPECTED
    assert parsed.rejects == []
    assert all(c.extra == {} for c in parsed.cases)  # the suspect columns are not case columns
    assert parsed.cases[0].name == "张某1盗窃案"
    assert parsed.counts.rows_read == 3 and parsed.unknown_columns == {}


def test_case_cells_repeated_or_left_blank_on_suspect_rows(tmp_path: Path) -> None:
    repeated = read_export(_write(tmp_path / "repeated.xlsx", [_case(1) + ZHANG, _case(1) + LI, _case(2) + WANG]))
    blank = read_export(_write(tmp_path / "blank.xlsx", [_case(1) + ZHANG, [""] * 8 + LI, _case(2) + WANG]))
    for parsed in (repeated, blank):
        assert _suspects(parsed) == EXPECTED
        assert parsed.rejects == []


def test_a_suspect_row_whose_case_cells_differ_is_refused_naming_the_column(tmp_path: Path) -> None:
    rows = [_case(1) + ZHANG, _case(1, 承办检察官="李检察官") + LI, _case(2) + WANG]
    parsed = read_export(_write(tmp_path / "differ.xlsx", rows))
    assert _suspects(parsed)["朝检刑诉受[2025]1号"] == EXPECTED["朝检刑诉受[2025]1号"][:1]
    [reject] = parsed.rejects
    assert (reject.sheet, reject.row, reject.column) == ("案件信息", 4, "部门受案号")
    assert "承办检察官" in reject.reason and "李检察官" in reject.reason


def test_a_bad_suspect_cell_is_refused_at_its_row_and_column(tmp_path: Path) -> None:
    rows = [_case(1) + ZHANG, [*_case(1), "李四", "女", "1991-13-45", "取保候审", "否"]]
    parsed = read_export(_write(tmp_path / "bad.xlsx", rows))
    assert [(r.sheet, r.row, r.column) for r in parsed.rejects] == [("案件信息", 4, "出生日期")]
    assert [c.dept_case_no for c in parsed.cases] == ["朝检刑诉受[2025]1号"]


def test_suspects_of_merged_rows_are_stored(tmp_path: Path) -> None:
    rows = [_case(1) + ZHANG, _case(1) + LI, _case(2) + WANG]
    path = _write(tmp_path / "merged.xlsx", rows, [f"{col}3:{col}4" for col in "ABCDEFGH"])
    bench = open_workbench(tmp_path)
    try:
        summary = import_cases(bench, path)
        assert (summary.imported, summary.rejected) == (2, 0)
        with bench.db.session() as s:
            stored = s.execute(select(Case.dept_case_no, Suspect.name).join(Case).order_by(Suspect.id)).all()
        assert [tuple(r) for r in stored] == [
            ("朝检刑诉受[2025]1号", "张三"),
            ("朝检刑诉受[2025]1号", "李四"),
            ("朝检刑诉受[2025]2号", "王五"),
        ]
        assert import_cases(bench, path).unchanged == 2  # re-importing changes nothing
    finally:
        bench.close()


def test_suspect_columns_beside_a_suspects_sheet_give_each_person_once(tmp_path: Path) -> None:
    path = _write(tmp_path / "both.xlsx", [_case(1) + ZHANG, _case(1) + LI])
    from openpyxl import load_workbook

    wb = load_workbook(path)
    sheet = wb.create_sheet("嫌疑人")
    sheet.append(["部门受案号", "姓名", "作案时年龄"])
    sheet.append(["朝检刑诉受[2025]1号", "张三", 35])
    wb.save(path)
    parsed = read_export(path)
    [case] = parsed.cases
    assert [(s.name, s.gender, s.age_at_offence) for s in case.suspects] == [("张三", "男", 35), ("李四", "女", None)]
    assert parsed.rejects == [] and case.extra == {}


def test_one_row_per_case_with_a_names_column_keeps_it_as_the_case_s_column(tmp_path: Path) -> None:
    rows = [[*_case(1), "张三、李四", "男、女", "", "", ""], _case(2) + WANG]
    parsed = read_export(_write(tmp_path / "per_case.xlsx", rows))
    assert [c.suspects for c in parsed.cases] == [[], []]  # never a person named 张三、李四
    assert parsed.cases[0].extra == {"姓名": "张三、李四", "性别": "男、女"}
    assert parsed.rejects == []


def test_a_total_under_the_names_is_a_note_not_a_suspect(tmp_path: Path) -> None:
    rows = [_case(1) + ZHANG, _case(1) + LI, [""] * 8 + ["合计：2人"], ["制表人：张三"]]
    parsed = read_export(_write(tmp_path / "total.xlsx", rows, [f"{col}3:{col}4" for col in "ABCDEFGH"]))
    assert _suspects(parsed) == {"朝检刑诉受[2025]1号": EXPECTED["朝检刑诉受[2025]1号"]}
    assert [(r.row, r.value) for r in parsed.rejects] == [(5, "合计：2人"), (6, "制表人：张三")]
    assert all("not a data row" in r.reason for r in parsed.rejects)


def test_a_row_counter_per_suspect_row_does_not_split_the_case(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "案件信息"
    ws.append(["序号", *CASE_COLUMNS, *SUSPECT_COLUMNS])
    for n, row in enumerate([_case(1) + ZHANG, _case(1) + LI, _case(2) + WANG], 1):
        ws.append([n, *row])
    for col in "BCDEFGHI":
        ws.merge_cells(f"{col}2:{col}3")
    path = tmp_path / "counter.xlsx"
    wb.save(path)
    parsed = read_export(path)
    assert _suspects(parsed) == EXPECTED
    assert parsed.rejects == []
    assert [c.extra for c in parsed.cases] == [{"序号": "1"}, {"序号": "3"}]


def test_a_suspect_row_with_the_number_in_other_brackets_joins_its_case_with_a_note(tmp_path: Path) -> None:
    rows = [_case(1) + ZHANG, _case(1, 部门受案号="朝检刑诉受〔2025〕1号") + LI, _case(2) + WANG]
    parsed = read_export(_write(tmp_path / "brackets.xlsx", rows))
    assert _suspects(parsed) == EXPECTED
    assert [(r.row, r.column, r.value) for r in parsed.rejects] == [(4, "部门受案号", "朝检刑诉受〔2025〕1号")]
    assert "only in its brackets" in parsed.rejects[0].reason
