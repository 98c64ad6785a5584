"""Column names, aliases, header row and sheet choice of case exports."""

from __future__ import annotations

import pytest

from reviewapp.domain.case_card import CASE_FIELDS, DOCUMENT_FIELDS, SUSPECT_FIELDS
from reviewapp.intake.headers import (
    alias_table,
    case_sheet_candidates,
    column_letter,
    document_sheet,
    duplicate_columns,
    find_header_row,
    map_columns,
    missing_required,
    normalize_header,
    suspect_sheet,
)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        (" 部门受案号 ", "部门受案号"),
        ("部门 受案号", "部门受案号"),
        ("部门\u3000受案号", "部门受案号"),
        ("部门受案号\n", "部门受案号"),
        ("*部门受案号", "部门受案号"),
        ("涉案金额（元）", "涉案金额(元)"),
        ("第１次退查日期", "第1次退查日期"),
    ],
)
def test_normalize_header(written: str, canonical: str) -> None:
    assert normalize_header(written) == canonical


def test_every_alias_and_canonical_name_maps_to_its_field() -> None:
    for specs in (CASE_FIELDS, SUSPECT_FIELDS, DOCUMENT_FIELDS):
        table = alias_table(specs)
        for spec in specs:
            assert table[normalize_header(spec.column)] is spec
            for alias in spec.aliases:
                # An alias may be another field's canonical name; then the canonical name wins.
                owner = table[normalize_header(alias)]
                assert owner is spec or normalize_header(owner.column) == normalize_header(alias)


def test_full_width_alias_written_half_width_matches() -> None:
    table = alias_table(CASE_FIELDS)
    assert table[normalize_header("涉案金额(元)")].attr == "amount"
    assert table[normalize_header("涉案金额 （元）")].attr == "amount"


def test_header_row_is_first_row_with_the_key_column() -> None:
    rows = [
        ["案件信息导出", "", ""],
        ["导出人：管理员", "部门受案号统计", ""],  # contains the words, but is not the column
        ["", "", ""],
        ["序号", " 案号 ", "案名"],
        ["1", "部门受案号", "x"],
    ]
    assert find_header_row(rows, CASE_FIELDS) == 3


def test_header_row_search_is_bounded() -> None:
    rows: list[list[str]] = [["说明"]] * 30 + [["部门受案号"]]
    assert find_header_row(rows, CASE_FIELDS) is None
    assert find_header_row(rows[1:], CASE_FIELDS) == 29


def test_map_columns_keeps_unknown_and_repeated_columns() -> None:
    columns = map_columns(["部门受案号", "案名", "备注", "", "案件名称", "受理时间", "受理日期"], CASE_FIELDS)
    assert [(c.header, c.spec.attr if c.spec else None) for c in columns] == [
        ("部门受案号", "dept_case_no"),
        ("案名", None),  # an alias beside the field's own name: kept as extra, not overwriting
        ("备注", None),
        ("D", None),  # no header: named by its column letter so its values are kept
        ("案件名称", "name"),
        ("受理时间", None),
        ("受理日期", "accepted_on"),
    ]
    assert duplicate_columns(columns, CASE_FIELDS) == []
    # Two aliases without the field's own name, or one header twice: which is right cannot be told.
    twice = map_columns(["部门受案号", "案名", "受理时间", "收案日期", "备注", "备注"], CASE_FIELDS)
    assert [(a.header, b.header) for a, b in duplicate_columns(twice, CASE_FIELDS)] == [
        ("受理时间", "收案日期"),
        ("备注", "备注"),
    ]
    assert {s.column for s in missing_required(columns, CASE_FIELDS)} == {
        "案件类别",
        "承办单位",
        "承办部门",
        "承办检察官",
    }


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


class TestSheets:
    def test_named_case_sheet_first(self) -> None:
        names = ["说明", "犯罪嫌疑人", "案件信息", "文书"]
        assert case_sheet_candidates(names) == ["案件信息", "说明"]
        assert suspect_sheet(names) == "犯罪嫌疑人"
        assert document_sheet(names) == "文书"

    def test_first_sheet_is_the_default(self) -> None:
        assert case_sheet_candidates(["Sheet1", "嫌疑人", "卷宗"]) == ["Sheet1"]
        assert suspect_sheet(["Sheet1", "嫌疑人", "卷宗"]) == "嫌疑人"
        assert document_sheet(["Sheet1", "嫌疑人", "卷宗"]) == "卷宗"

    def test_sheet_names_are_normalised(self) -> None:
        assert case_sheet_candidates(["嫌疑人", " 案件 "]) == [" 案件 "]
        assert suspect_sheet(["案件"]) is None
