"""Which sheet holds the cases: the first with every required column and rows below its header, visible
sheets before hidden ones; the sheets passed over are named with the reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from reviewapp.intake.errors import FileProblem, IntakeFileError
from reviewapp.intake.headers import case_sheet_candidates
from reviewapp.intake.parse import read_export_here
from tests.core.intake_fixtures import case_row, english_ui

pytestmark = pytest.mark.usefixtures("english_ui")  # reasons are matched in English
__all__ = ["english_ui"]

ROWS = [case_row(n, 电子卷宗=None) for n in (1, 2, 3)]
COLUMNS = list(ROWS[0])


def book(path: Path, sheets: list[tuple[str, list[list[Any]], bool]]) -> Path:
    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    for title, rows, hidden in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
        if hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def cases(names: list[str] | None = None) -> list[list[Any]]:
    rows = [r for r in ROWS if names is None or r["案件名称"] in names]
    return [COLUMNS] + [[r[c] for c in COLUMNS] for r in rows]


def test_hidden_sheets_are_tried_after_the_visible_ones() -> None:
    assert case_sheet_candidates(["Sheet1", "导出", "说明"], hidden={"Sheet1"}) == ["导出", "说明", "Sheet1"]


def test_a_hidden_old_copy_does_not_win_over_the_visible_export(tmp_path: Path) -> None:
    old = [COLUMNS, [*(ROWS[0][c] for c in COLUMNS[:2]), "旧名称", *(ROWS[0][c] for c in COLUMNS[3:])]]
    path = book(tmp_path / "e.xlsx", [("Sheet1", old, True), ("案件导出", cases(), False)])
    parsed = read_export_here(path)
    assert parsed.sheets["cases"] == "案件导出"
    assert [c.name for c in parsed.cases] == [r["案件名称"] for r in ROWS]
    assert [s for s, _ in parsed.skipped_sheets] == ["Sheet1"]
    assert "hidden" in parsed.skipped_sheets[0][1]


def test_a_header_only_template_or_a_field_list_is_passed_over(tmp_path: Path) -> None:
    fields = [["部门受案号", "说明"], ["案件名称", "案件的名称"]]
    sheets = [("模板", [COLUMNS], False), ("字段说明", fields, False), ("导出数据", cases(), False)]
    parsed = read_export_here(book(tmp_path / "e.xlsx", sheets))
    assert parsed.sheets["cases"] == "导出数据" and len(parsed.cases) == 3
    assert {s for s, _ in parsed.skipped_sheets} == {"模板", "字段说明"}
    assert all("required column" in why for _, why in parsed.skipped_sheets)


def test_without_a_complete_sheet_the_first_with_the_key_column_names_what_it_lacks(tmp_path: Path) -> None:
    short = [["部门受案号", "案件名称"], [ROWS[0]["部门受案号"], "甲"]]
    parsed = read_export_here(book(tmp_path / "e.xlsx", [("导出", short, False)]))
    assert parsed.sheets["cases"] == "导出" and parsed.cases == []
    assert any(r.row == 1 and "承办单位" in (r.column or "") for r in parsed.rejects)


def test_a_workbook_with_only_a_suspects_sheet_says_no_cases_sheet_was_found(tmp_path: Path) -> None:
    suspects = [["部门受案号", "姓名", "性别"], [ROWS[0]["部门受案号"], "张某", "男"]]
    path = book(tmp_path / "e.xlsx", [("嫌疑人", suspects, False), ("Sheet1", [], False)])
    with pytest.raises(IntakeFileError) as info:
        read_export_here(path)
    assert info.value.problem is FileProblem.NO_CASES_SHEET
    message = str(info.value)
    assert "no sheet with the case columns" in message and "is empty" not in message
    assert "嫌疑人、Sheet1" in message and "e.xlsx" in message
