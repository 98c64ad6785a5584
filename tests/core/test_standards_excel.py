"""Excel round trip of a standard: export → edit → import, validated, all or nothing."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewapp import i18n
from reviewapp.standards import (
    Standard,
    StandardError,
    export_standard_xlsx,
    import_standard_xlsx,
    load_shipped_standards,
)
from reviewapp.standards.excel_layout import ITEMS_SHEET, META_SHEET, RULES_SHEET


@pytest.fixture
def english() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.mark.parametrize("code", ["XS-PCZ", "MXG-GEN"])
def test_round_trip_gives_identical_content_with_new_version(tmp_path: Path, code: str) -> None:
    original = next(s for s in load_shipped_standards() if s.code == code)
    path = tmp_path / "standard.xlsx"
    export_standard_xlsx(original, path)
    imported = import_standard_xlsx(path, version=original.version + 1)
    assert imported.version == original.version + 1
    assert imported == dataclasses.replace(original, version=original.version + 1)
    assert imported.content_fingerprint() == original.content_fingerprint()


def test_workbook_layout(tmp_path: Path, criminal: Standard) -> None:
    path = tmp_path / "standard.xlsx"
    export_standard_xlsx(criminal, path)
    wb = load_workbook(path)
    assert wb.sheetnames == [META_SHEET, "等次方案", "评查维度", ITEMS_SHEET, "优质标准", RULES_SHEET]
    items = wb[ITEMS_SHEET]
    assert items.max_row == 1 + len(criminal.items)
    header = [c.value for c in items[1]]
    row = {h: c.value for h, c in zip(header, items[4], strict=True)}  # E3
    assert row["代码"] == "E3"
    assert row["常见问题"] == "；".join(criminal.item("E3").phrases)
    assert row["问题等级"] == "司法瑕疵"
    wb.close()


def edit(path: Path, sheet: str, row: int, header: str, value: object) -> None:
    wb = load_workbook(path)
    ws = wb[sheet]
    col = [c.value for c in ws[1]].index(header) + 1
    ws.cell(row=row, column=col, value=value)
    wb.save(path)
    wb.close()


def test_administrator_edit_is_imported(tmp_path: Path, criminal: Standard) -> None:
    path = tmp_path / "standard.xlsx"
    export_standard_xlsx(criminal, path)
    edit(path, ITEMS_SHEET, 2, "常见问题", "调取证据程序不规范; 未出示工作证件")  # ASCII ';' accepted too
    edit(path, RULES_SHEET, 4, "启用", "是")  # switch the 60-point rule on
    imported = import_standard_xlsx(path, version=2)
    assert imported.item("E1").phrases == ("调取证据程序不规范", "未出示工作证件")
    assert imported.rules[2].id == "R-SCORE" and imported.rules[2].enabled
    assert imported.content_fingerprint() != criminal.content_fingerprint()


def test_schema_error_names_sheet_row_column(tmp_path: Path, criminal: Standard, english: None) -> None:
    path = tmp_path / "standard.xlsx"
    export_standard_xlsx(criminal, path)
    edit(path, ITEMS_SHEET, 6, "问题等级", "司法瑕疵；很严重")  # row 6 = E5
    with pytest.raises(StandardError) as info:
        import_standard_xlsx(path, version=2)
    err = info.value
    assert (err.sheet, err.row, err.column) == (ITEMS_SHEET, 6, "问题等级")
    assert err.item == "item E5"
    assert err.problem.startswith("unknown severity 很严重: if your checklist uses this word for one of the severities")
    assert "standards.severity_synonyms" in err.problem  # where to teach the app the word
    assert ITEMS_SHEET in str(err) and "row 6" in str(err) and "问题等级" in str(err)


def test_cell_error_names_sheet_row_column(tmp_path: Path, criminal: Standard, english: None) -> None:
    path = tmp_path / "standard.xlsx"
    export_standard_xlsx(criminal, path)
    edit(path, ITEMS_SHEET, 3, "一票否决", "也许")
    with pytest.raises(StandardError) as info:
        import_standard_xlsx(path, version=2)
    err = info.value
    assert (err.sheet, err.row, err.column) == (ITEMS_SHEET, 3, "一票否决")
    assert err.problem == "也许 is neither yes nor no"
    assert {"是", "否", "Y", "N", "√", "×"} <= set(err.allowed)


def test_rule_condition_error_points_at_the_clause_column(tmp_path: Path, criminal: Standard, english: None) -> None:
    path = tmp_path / "standard.xlsx"
    export_standard_xlsx(criminal, path)
    edit(path, RULES_SHEET, 3, "存在以下等级问题", "一般司法错误；特别严重")
    with pytest.raises(StandardError) as info:
        import_standard_xlsx(path, version=2)
    err = info.value
    assert (err.sheet, err.row, err.column) == (RULES_SHEET, 3, "存在以下等级问题")
    assert err.item == "rule R-ERROR"


def test_duplicate_code_and_meta_errors(tmp_path: Path, criminal: Standard, english: None) -> None:
    path = tmp_path / "standard.xlsx"
    export_standard_xlsx(criminal, path)
    edit(path, ITEMS_SHEET, 3, "代码", "E1")
    with pytest.raises(StandardError) as info:
        import_standard_xlsx(path, version=2)
    assert (info.value.sheet, info.value.row, info.value.column) == (ITEMS_SHEET, 3, "代码")
    assert info.value.problem == "duplicate code E1"

    export_standard_xlsx(criminal, path)
    edit(path, META_SHEET, 6, "值", "2030")  # default scheme row
    with pytest.raises(StandardError) as info:
        import_standard_xlsx(path, version=2)
    assert (info.value.sheet, info.value.row) == (META_SHEET, 6)
    assert info.value.problem == "unknown grade scheme 2030"


def test_missing_sheet_and_column(tmp_path: Path, criminal: Standard, english: None) -> None:
    path = tmp_path / "standard.xlsx"
    export_standard_xlsx(criminal, path)
    wb = load_workbook(path)
    del wb[RULES_SHEET]
    wb.save(path)
    wb.close()
    with pytest.raises(StandardError) as info:
        import_standard_xlsx(path, version=2)
    assert info.value.problem.startswith(f"the sheet {RULES_SHEET} is missing (the workbook has 基本信息、")

    export_standard_xlsx(criminal, path)
    edit(path, ITEMS_SHEET, 1, "问题等级", "问题")  # no heading of a severity column
    with pytest.raises(StandardError) as info:
        import_standard_xlsx(path, version=2)
    assert (info.value.sheet, info.value.column) == (ITEMS_SHEET, "问题等级")
    assert info.value.problem.startswith("the column is missing (the sheet's headings are 代码、维度、评查项内容、")
    assert (
        "rename the column that holds it to 问题等级 (it may also be headed 问题性质、瑕疵等级、" in info.value.problem
    )


def test_not_a_workbook(tmp_path: Path, english: None) -> None:
    path = tmp_path / "standard.xlsx"
    path.write_bytes(b"not a zip file")
    with pytest.raises(StandardError) as info:
        import_standard_xlsx(path, version=1)
    assert info.value.file == str(path)
    assert info.value.problem.startswith("not an Excel workbook (.xlsx)")
