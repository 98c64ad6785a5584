"""Provincial checklists laid out their own way: headings of two rows, categories in merged cells or heading rows,
points written as text, total and note rows, hidden and filtered rows, severity words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.services.reviews.standards_store import import_standard, load_standard_version
from reviewapp.standards import (
    ERROR,
    FLAW,
    SERIOUS,
    Standard,
)
from tests.core.intake_fixtures import english_ui  # noqa: F401 - the fixture
from tests.core.provincial_checklists import TABLE, items, provincial, read, refused, rows
from tests.core.services_fixtures import open_workbench

pytestmark = pytest.mark.usefixtures("english_ui")  # matched on the English text of the messages


# --- headings of two rows, categories in merged cells and heading rows ---------------------------------------


def two_row_heading(ws: Worksheet, second: list[Any]) -> None:
    rows(ws, ["序号", "类别", "评查内容", None, "问题等级"], [None, None, *second, None])
    for cells in ("A1:A2", "B1:B2", "C1:D1", "E1:E2"):
        ws.merge_cells(cells)


def test_a_heading_of_two_rows_joins_the_item_text_under_it(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        two_row_heading(ws, ["评查项目", "评查标准"])
        rows(
            ws,
            [1, "证据采信", "证据收集", "证据收集、调取不规范", "瑕"],
            [2, "证据采信", "证据保管", "证据保管不规范", "瑕"],
        )
        ws.insert_cols(5)
        ws.cell(row=1, column=5, value="扣分")
        ws.merge_cells("E1:E2")
        for row, points in ((3, 2), (4, 1)):
            ws.cell(row=row, column=5, value=points)

    read_ = read(provincial(criminal, tmp_path / "two_rows.xlsx", fill))
    # 评查内容 over 评查项目 | 评查标准: both parts of the item's text, kept together.
    assert items(read_.standard) == [
        ("1", "E", "证据收集：证据收集、调取不规范", (FLAW,), 2.0, False),
        ("2", "E", "证据保管：证据保管不规范", (FLAW,), 1.0, False),
    ]
    assert "评查项目 (C) + 评查标准 (D) together as 评查项内容" in read_.warnings[0]


def test_a_heading_of_two_rows_with_the_points_under_it(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        two_row_heading(ws, ["评查项目", "评查标准"])
        rows(
            ws,
            [1, "证据采信", "证据收集、调取不规范", "每处扣2分", "瑕"],
            [2, "证据采信", "证据保管不规范", "扣1分", "瑕"],
        )

    standard = read(provincial(criminal, tmp_path / "two_rows_points.xlsx", fill)).standard
    assert items(standard) == [
        ("1", "E", "证据收集、调取不规范", (FLAW,), 2.0, False),
        ("2", "E", "证据保管不规范", (FLAW,), 1.0, False),
    ]


def test_the_category_in_a_cell_merged_over_its_items(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "类别", "评查内容", "分值", "问题等级"],
            [1, "一、证据采信", "证据收集、调取不规范", 2, "瑕"],
            [2, None, "证据保管不规范", 2, "瑕"],
            [3, None, "非法证据未予排除", 10, "错"],
            [4, "二、事实认定（20分）", "遗漏犯罪事实", 2, "瑕"],
            [5, None, "遗漏量刑情节", 2, "瑕"],
        )
        ws.merge_cells("B2:B4")
        ws.merge_cells("B5:B6")

    standard = read(provincial(criminal, tmp_path / "merged.xlsx", fill)).standard
    assert [it.dimension for it in standard.items] == ["E", "E", "E", "F", "F"]


def test_the_category_in_heading_rows_above_its_items(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "评查内容", "扣分", "问题等级"],
            ["一、证据采信（20分）"],
            [1, "证据收集、调取不规范", 2, "瑕"],
            [2, "证据保管不规范", 2, "瑕"],
            ["二、事实认定"],
            [3, "遗漏犯罪事实", 2, "瑕"],
            ["小计", None, 6, None],
            ["总分：100分"],
        )
        ws.merge_cells("A2:D2")
        ws.merge_cells("A5:D5")

    read_ = read(provincial(criminal, tmp_path / "headings.xlsx", fill))
    assert items(read_.standard) == [
        ("1", "E", "证据收集、调取不规范", (FLAW,), 2.0, False),
        ("2", "E", "证据保管不规范", (FLAW,), 2.0, False),
        ("3", "F", "遗漏犯罪事实", (FLAW,), 2.0, False),
    ]
    assert read_.warnings[1:] == (
        "Sheet 评查项: dimension of the items taken from the heading rows above them: 2 (一、证据采信（20分）)、"
        "5 (二、事实认定).",
        "Sheet 评查项: total rows not read: 7 (小计)、8 (总分：100分).",
    )


def test_items_numbered_under_numbered_headings(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["编号", "评查内容", "扣分", "问题等级"],
            ["1", "证据采信", None, None],
            ["1.1", "证据收集", None, None],
            ["1.1.1", "证据收集、调取不规范", 2, "瑕"],
            ["1.1.2", "证据保管不规范", 2, "瑕"],
            ["1.2", "非法证据", 10, None],  # the points of the items under it
            ["1.2.1", "非法证据未予排除", 10, "错"],
            ["2", "事实认定", None, None],
            ["2.1", "遗漏犯罪事实", 2, "瑕"],
        )

    read_ = read(provincial(criminal, tmp_path / "numbered.xlsx", fill))
    assert items(read_.standard) == [
        ("1.1.1", "E", "证据收集、调取不规范", (FLAW,), 2.0, False),
        ("1.1.2", "E", "证据保管不规范", (FLAW,), 2.0, False),
        ("1.2.1", "E", "非法证据未予排除", (ERROR,), 10.0, False),
        ("2.1", "F", "遗漏犯罪事实", (FLAW,), 2.0, False),
    ]
    assert read_.warnings[2] == (
        "Sheet 评查项: headings of numbered items, not read as items: 3 (1.1 证据收集)、6 (1.2 非法证据)."
    )


def test_a_heading_row_that_may_say_something_of_its_items_is_refused(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["编号", "类别", "评查内容", "扣分", "问题等级"],
            ["1", None, "一票否决事项", None, None],  # the items under it are veto items: not read from a heading
            ["1.1", "证据采信", "刑讯逼供或暴力取证", 30, "严"],
            ["（一）权利告知"],  # names no dimension and heads no numbered items
            ["2", "办案程序", "未依法告知诉讼权利", 2, "瑕"],
        )

    problems = refused(provincial(criminal, tmp_path / "risky.xlsx", fill))
    assert [(p.row, p.column) for p in problems] == [(2, "编号"), (4, "编号")]
    assert problems[0].problem.startswith(
        "the row holds only 一票否决事项, a heading that may say something of the items"
    )
    assert problems[1].problem.startswith(
        "the row holds only （一）权利告知, which is no item: a heading row is read only"
    )


# --- points written as text, totals and notes ------------------------------------------------------------------


def test_points_written_as_text(criminal: Standard, tmp_path: Path) -> None:
    written = ["2分", "每处扣2分", "２", "-2", "2分/处", "扣二分", "每发现一处扣2分", "每处扣2分（最多扣6分）", "两分"]

    def fill(ws: Worksheet) -> None:
        ws.append(["序号", "类别", "评查内容", "扣分", "问题等级"])
        for i, points in enumerate(written, start=1):
            ws.append([i, "证据采信", f"评查项{i}", points, "瑕"])
        ws.append([len(written) + 1, "证据采信", "评查项0", "不扣分", "瑕"])

    standard = read(provincial(criminal, tmp_path / "points.xlsx", fill)).standard
    assert [it.deduction for it in standard.items] == [2.0] * len(written) + [0.0]


def test_points_as_a_range_are_refused(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(ws, ["序号", "类别", "评查内容", "扣分", "问题等级"], [1, "证据采信", "证据保管不规范", "扣1-3分", "瑕"])

    (problem,) = refused(provincial(criminal, tmp_path / "range.xlsx", fill))
    assert (problem.row, problem.column) == (2, "扣分")
    assert problem.problem.startswith("扣1-3分 is a range: write the one deduction a finding takes by default")


def test_a_note_under_the_table_is_left_out_and_quoted(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "类别", "评查内容", "扣分", "问题等级"],
            [1, "证据采信", "证据保管不规范", 2, "瑕"],
            ["合计", None, None, 2, None],
            ["说明：1. 扣分以每处为单位；2. 扣完为止。"],
        )
        ws.merge_cells("A4:E4")

    read_ = read(provincial(criminal, tmp_path / "note.xlsx", fill))
    assert len(read_.standard.items) == 1
    assert read_.warnings[-1] == (
        "Sheet 评查项: note under the table not read (row 4): 说明：1. 扣分以每处为单位；2. 扣完为止。"
    )


def test_a_note_that_changes_the_items_is_refused(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "类别", "评查内容", "扣分", "问题等级"],
            [1, "证据采信", "★刑讯逼供或暴力取证", 30, "严"],
            [2, "证据采信", "证据保管不规范", 2, "瑕"],
            ["注：带★的为必查项目。"],
            ["说明：本表适用于审查起诉案件。"],  # the standard covers 审查起诉 and 审查逮捕
            ["备注：第1项为一票否决项，其余每处扣1分。"],
        )

    problems = refused(provincial(criminal, tmp_path / "marks.xlsx", fill))
    assert [(p.row, p.column) for p in problems] == [(4, "序号"), (5, "序号"), (6, "序号")]
    assert problems[0].problem.startswith("the note 注：带★的为必查项目。 explains the mark ★ that items carry")
    assert problems[1].problem.startswith("the note 说明：本表适用于审查起诉案件。 names the case types 审查起诉")
    assert problems[2].problem.startswith(
        "the note 备注：第1项为一票否决项，其余每处扣1分。 says something of the items'"
    )


# --- hidden and filtered rows ----------------------------------------------------------------------------------


def test_rows_hidden_by_hand_are_left_out_and_named(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(ws, *TABLE)
        ws.row_dimensions[5].hidden = True  # item 4, withdrawn

    read_ = read(provincial(criminal, tmp_path / "hidden.xlsx", fill))
    assert [it.code for it in read_.standard.items] == ["1", "2", "3", "5"]
    assert read_.warnings[0] == (
        "Sheet 评查项: hidden rows not imported: 5 (a row hidden in a checklist is taken for a withdrawn item); if "
        "any is current, unhide it and import again."
    )


def test_rows_a_filter_hides_are_imported_and_named(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(ws, *TABLE)
        ws.auto_filter.ref = "A1:E6"
        ws.auto_filter.add_filter_column(1, ["证据采信"])  # shows 证据采信 only, as Excel saves a filtered sheet
        for row in (4, 5, 6):
            ws.row_dimensions[row].hidden = True

    read_ = read(provincial(criminal, tmp_path / "filtered.xlsx", fill))
    assert [it.code for it in read_.standard.items] == ["1", "2", "3", "4", "5"]
    assert read_.warnings[0] == (
        "Sheet 评查项: rows hidden by the sheet's filter, imported all the same: 4–6 (a filter only hides rows from "
        "view); delete any that is not meant in the workbook."
    )


def test_hidden_rows_reach_the_import_result_the_user_sees(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(ws, *TABLE)
        ws.row_dimensions[3].hidden = True

    bench = open_workbench(tmp_path / "db")
    try:
        row = import_standard(bench, provincial(criminal, tmp_path / "hidden.xlsx", fill))
        assert [it.code for it in load_standard_version(bench, row.id).items] == ["1", "3", "4", "5"]
        assert row.warnings[0].startswith("Sheet 评查项: hidden rows not imported: 3 ")
    finally:
        bench.close()


# --- severity words --------------------------------------------------------------------------------------------


def test_severity_words_that_can_mean_one_tier_are_read(criminal: Standard, tmp_path: Path) -> None:
    words = {"一般瑕疵": FLAW, "轻微瑕疵": FLAW, "不规范": FLAW, "瑕疵": FLAW, "一般错误": ERROR, "严重错误": SERIOUS}

    def fill(ws: Worksheet) -> None:
        ws.append(["序号", "类别", "评查内容", "扣分", "问题性质"])
        for i, word in enumerate(words, start=1):
            ws.append([i, "证据采信", f"评查项{i}", 2, word])
        ws.append([len(words) + 1, "证据采信", "评查项0", 2, "瑕疵/一般 错误"])

    standard = read(provincial(criminal, tmp_path / "words.xlsx", fill)).standard
    assert [it.severities for it in standard.items] == [(s,) for s in words.values()] + [(FLAW, ERROR)]


def test_a_severity_word_of_two_tiers_is_refused_saying_how_to_teach_it(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "类别", "评查内容", "扣分", "问题性质"],
            [1, "证据采信", "证据保管不规范", 2, "严重瑕疵"],
            [2, "证据采信", "非法证据未予排除", 10, "不合格"],
            [3, "证据采信", "证据移送不规范", 2, "较轻"],
        )

    path = provincial(criminal, tmp_path / "tiers.xlsx", fill)
    problems = refused(path)
    assert [(p.row, p.column) for p in problems] == [(2, "问题性质"), (3, "问题性质"), (4, "问题性质")]
    assert problems[0].problem == (
        "the severity 严重瑕疵 could mean 司法瑕疵 or 一般司法错误, so it is not guessed: write the one meant, or "
        "teach the word to the app with the setting standards.severity_synonyms: a line 严重瑕疵=X in Documents → "
        "Shared settings, or the command settings set standards.severity_synonyms 严重瑕疵=X, X being 司法瑕疵 or "
        "一般司法错误; then import again"
    )
    assert problems[1].problem.startswith("不合格 is a grade, not a severity")
    assert problems[2].problem.startswith("unknown severity 较轻: if your checklist uses this word")
    assert "settings set standards.severity_synonyms 较轻=X" in problems[2].problem
    synonyms = ("严重瑕疵=一般司法错误", "不合格=一般司法错误", "较轻=瑕")
    assert [it.severities for it in read(path, synonyms).standard.items] == [(ERROR,), (ERROR,), (FLAW,)]


def test_a_configured_word_wins_over_the_built_in_one(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(ws, ["序号", "类别", "评查内容", "扣分", "问题等级"], [1, "证据采信", "证据保管不规范", 2, "瑕疵"])

    path = provincial(criminal, tmp_path / "override.xlsx", fill)
    assert read(path, ("瑕疵=一般司法错误",)).standard.items[0].severities == (ERROR,)
