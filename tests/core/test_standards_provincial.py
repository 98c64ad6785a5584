"""Checklists as other provinces lay them out, on the items sheet of the shipped standard's workbook: columns headed
in their own words, headings of two rows, categories in merged cells or heading rows, points written as text, total
and note rows, numbered sub-headings, hidden and filtered rows, a workbook saved by WPS. Each loads the items the
office meant with the points it meant, or is refused naming sheet, row, column and what to rename — a wrong load
(wrong points, a dropped item, a note read as an item) is never the outcome."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp import i18n
from reviewapp.services.reviews.standards_store import import_standard, load_standard_version
from reviewapp.standards import (
    ERROR,
    FLAW,
    SERIOUS,
    ImportVocabulary,
    Standard,
    StandardError,
    StandardImport,
    export_standard_xlsx,
    load_shipped_standards,
    parse_severity_synonyms,
    read_standard_xlsx,
)
from reviewapp.standards.excel_layout import ITEMS_SHEET
from tests.core.services_fixtures import open_workbench

Item = tuple[str, str, str, tuple[str, ...], float, bool]  # code, dimension, text, severities, deduction, veto


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture(scope="module")
def criminal() -> Standard:
    return next(s for s in load_shipped_standards() if s.code == "XS-PCZ")


def provincial(criminal: Standard, path: Path, fill: Callable[[Worksheet], None], *, sheet: str = ITEMS_SHEET) -> Path:
    """The shipped standard's workbook with its items sheet replaced by an office's own table (``fill``)."""
    export_standard_xlsx(criminal, path)
    wb = load_workbook(path)
    at = wb.sheetnames.index(ITEMS_SHEET)
    del wb[ITEMS_SHEET]
    fill(wb.create_sheet(sheet, at))
    wb.save(path)
    wb.close()
    return path


def read(path: Path, synonyms: tuple[str, ...] = ()) -> StandardImport:
    return read_standard_xlsx(
        path, version=2, vocabulary=ImportVocabulary(severity_synonyms=parse_severity_synonyms(synonyms))
    )


def items(standard: Standard) -> list[Item]:
    return [(it.code, it.dimension, it.text, it.severities, it.deduction, it.veto) for it in standard.items]


def refused(path: Path) -> list[StandardError]:
    with pytest.raises(StandardError) as info:
        read(path)
    return list(info.value.problems)


def rows(ws: Worksheet, *values: list[Any]) -> None:
    for row in values:
        ws.append(row)


# --- headings in other words ------------------------------------------------------------------------------------


def test_a_flat_table_headed_in_a_provinces_words(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["××省检察机关刑事案件质量评查标准（2026年版）"],
            ["序号", "类别", "评查内容", "分值", "问题性质", "法律依据", "备注", "得分"],
            [1, "证据采信", "证据收集、调取不规范", "2分", "一般瑕疵", "《刑事诉讼法》第52条", None, None],
            [2, "证据采信", "非法证据未予排除", "每处扣10分", "一般错误", "《刑事诉讼法》第56条", None, None],
            [None] * 8,  # a blank row between the groups
            [3, "事实认定", "遗漏犯罪事实", "２", "瑕疵", None, "2025年新增", None],
            [4, "办案程序", "超期羁押", "一票否决", "严重错误", None, None, None],
        )
        ws.merge_cells("A1:H1")

    read_ = read(provincial(criminal, tmp_path / "flat.xlsx", fill))
    assert items(read_.standard) == [
        ("1", "E", "证据收集、调取不规范", (FLAW,), 2.0, False),
        ("2", "E", "非法证据未予排除", (ERROR,), 10.0, False),
        ("3", "F", "遗漏犯罪事实", (FLAW,), 2.0, False),
        ("4", "P", "超期羁押", (SERIOUS,), 0.0, True),  # 一票否决 where the points would be
    ]
    assert read_.standard.items[0].basis == "《刑事诉讼法》第52条"
    assert read_.warnings[:2] == (
        "Sheet 评查项: read 序号 (A) as 代码, 类别 (B) as 维度, 评查内容 (C) as 评查项内容, 分值 (D) as 默认扣分, "
        "问题性质 (E) as 问题等级, 法律依据 (F) as 依据.",
        "Sheet 评查项: not read: 备注 (G), 得分 (H).",
    )


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (("编号", "评查类别", "评查要点", "扣分分值", "瑕疵等级"), "item text 评查要点"),
        (("代码", "一级指标", "评查事项", "每处扣分", "严重程度"), "item text 评查事项"),
        (("序号", "项目类别", "评查重点", "标准分", "问题等级"), "item text 评查重点"),
        (("序 号", "类  别", "评查\n内容", "分值(分)", "*问题性质"), "headings wrapped, spaced, marked"),
    ],
)
def test_each_provinces_words_for_the_same_columns(
    criminal: Standard, tmp_path: Path, headings: tuple[str, ...], expected: str
) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            list(headings),
            ["E1", "证据采信", "证据收集、调取不规范", 2, "瑕"],
            ["F1", "F", "遗漏犯罪事实", 3, "瑕"],
        )

    standard = read(provincial(criminal, tmp_path / "words.xlsx", fill)).standard
    assert items(standard) == [
        ("E1", "E", "证据收集、调取不规范", (FLAW,), 2.0, False),
        ("F1", "F", "遗漏犯罪事实", (FLAW,), 3.0, False),
    ], expected


def test_a_running_number_gives_way_to_the_code_and_full_points_to_the_deduction(
    criminal: Standard, tmp_path: Path
) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "编号", "评查项目", "评查内容", "分值", "扣分标准", "问题等级"],
            [1, "E1", "证据采信", "证据收集、调取不规范", 5, "每处扣1分", "瑕"],
            [2, "E2", "证据采信", "证据保管不规范", 5, "每处扣2分，扣完为止", "瑕"],
            [3, "F1", "事实认定", "遗漏犯罪事实", 10, "发现一处扣3分", "瑕"],
        )
        ws.merge_cells("C2:C3")  # the category merged over its items

    read_ = read(provincial(criminal, tmp_path / "weights.xlsx", fill))
    # 评查项目 holds dimension names, so it is the dimension; 扣分标准 says what one finding takes, 分值 is the
    # item's full points — the app keeps the first, says it does not read the second.
    assert items(read_.standard) == [
        ("E1", "E", "证据收集、调取不规范", (FLAW,), 1.0, False),
        ("E2", "E", "证据保管不规范", (FLAW,), 2.0, False),
        ("F1", "F", "遗漏犯罪事实", (FLAW,), 3.0, False),
    ]
    assert read_.warnings[1] == (
        "Sheet 评查项: not read: 序号 (A), as 编号 gives the 代码, 分值 (E), as 扣分标准 gives the 默认扣分."
    )


def test_a_deduction_written_in_a_sentence_is_read_when_it_names_one(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "类别", "评查内容", "分值", "扣分标准", "问题等级"],
            [1, "证据采信", "证据收集、调取不规范", 5, "未依法收集的，扣2分", "瑕"],
            [2, "证据采信", "证据保管不规范", 5, "发现一处扣1分，扣完为止", "瑕"],
        )

    read_ = read(provincial(criminal, tmp_path / "sentence.xlsx", fill))
    assert [it.deduction for it in read_.standard.items] == [2.0, 1.0]
    assert "扣分标准 (E) as 默认扣分, the one deduction each sentence names" in read_.warnings[0]


def test_a_sentence_naming_several_deductions_a_range_or_none_is_refused(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "类别", "评查内容", "分值", "扣分标准", "问题等级"],
            [1, "证据采信", "证据收集、调取不规范", 5, "未依法收集的，扣2分", "瑕"],
            [2, "证据采信", "证据保管不规范", 5, "保管不当的扣1分；丢失的扣3分", "瑕"],
            [3, "事实认定", "遗漏犯罪事实", 10, "视情节扣1至3分", "瑕"],
            [4, "事实认定", "遗漏量刑情节", 10, "根据情况扣分", "瑕"],
        )

    problems = refused(provincial(criminal, tmp_path / "sentences.xlsx", fill))
    assert [(p.sheet, p.row, p.column) for p in problems] == [(ITEMS_SHEET, r, "扣分标准") for r in (3, 4, 5)]
    assert problems[0].problem.startswith("保管不当的扣1分；丢失的扣3分 names several deductions (扣1分、扣3分)")
    assert problems[1].problem.startswith("视情节扣1至3分 names a range of points (扣1至3分)")
    assert problems[2].problem.startswith("根据情况扣分 names no deduction")


def test_an_items_text_naming_other_points_than_its_points_column_is_refused(
    criminal: Standard, tmp_path: Path
) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "类别", "评查标准", "分值", "问题等级"],
            [1, "证据采信", "未依法收集证据的，扣2分", 5, "瑕"],  # 5 is the item's full points, not one finding's
            [2, "证据采信", "证据保管不规范的，扣2分", 2, "瑕"],
        )

    (problem,) = refused(provincial(criminal, tmp_path / "twice.xlsx", fill))
    assert (problem.row, problem.column) == (2, "分值")
    assert problem.problem.startswith("the item's text says 2 but the column 分值 gives 5")


def test_a_project_column_is_the_item_or_the_category_by_what_it_holds(criminal: Standard, tmp_path: Path) -> None:
    def as_item(ws: Worksheet) -> None:
        rows(ws, ["序号", "类别", "评查项目", "分值", "问题等级"], [1, "证据采信", "证据保管不规范", 2, "瑕"])

    def as_category(ws: Worksheet) -> None:
        rows(ws, ["序号", "评查项目", "评查内容", "分值", "问题等级"], [1, "证据采信", "证据保管不规范", 2, "瑕"])

    for fill in (as_item, as_category):
        standard = read(provincial(criminal, tmp_path / "project.xlsx", fill)).standard
        assert items(standard) == [("1", "E", "证据保管不规范", (FLAW,), 2.0, False)]


def test_two_columns_either_of_which_could_be_the_item_are_refused(criminal: Standard, tmp_path: Path) -> None:
    def two_texts(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "类别", "评查内容", "评查要点", "分值", "问题等级"],
            [1, "E", "证据收集", "证据收集不规范", 2, "瑕"],
        )

    def project_and_standard(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "评查项目", "评查标准", "分值", "问题等级", "维度"],
            [1, "证据收集", "证据收集、调取不规范", 2, "瑕", "E"],
            [2, "证据保管", "证据保管不规范", 2, "瑕", "E"],
        )

    (problem,) = refused(provincial(criminal, tmp_path / "texts.xlsx", two_texts))
    assert (problem.sheet, problem.row, problem.column) == (ITEMS_SHEET, 1, "评查要点")
    assert problem.problem == (
        "the columns 评查内容 (C) and 评查要点 (D) could both be the column 评查项内容: rename the one that is "
        "meant to 评查项内容 and the other to 备注 (a column of that name is left out), or delete it; to keep both "
        "as the item's text, head them together with one cell 评查内容 merged above"
    )
    (problem,) = refused(provincial(criminal, tmp_path / "project.xlsx", project_and_standard))
    assert (problem.column, problem.problem.split(":")[0]) == (
        "评查标准",
        "the columns 评查项目 (B) and 评查标准 (C) could both be the column 评查项内容",
    )


def test_a_category_column_of_other_names_than_the_dimensions_is_refused(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "评查项目", "评查内容", "分值", "问题等级"],
            [1, "实体质量", "证据收集、调取不规范", 2, "瑕"],
            [2, "实体质量", "证据保管不规范", 2, "瑕"],
        )

    (problem,) = refused(provincial(criminal, tmp_path / "categories.xlsx", fill))
    assert problem.column == "评查项目"
    assert problem.problem.startswith(
        "the column 评查项目 (B) groups the items like a dimension, but 实体质量 is no dimension of the sheet 评查维度"
    )


def test_a_heading_that_suggests_a_missing_field_is_refused_not_dropped(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "类别", "评查内容", "扣分", "问题等级", "否决情况", "图示"],
            [1, "证据采信", "刑讯逼供或暴力取证", 30, "严", "是", None],
            [2, "证据采信", "证据保管不规范", 2, "瑕", None, "见附图"],
        )

    (problem,) = refused(provincial(criminal, tmp_path / "hint.xlsx", fill))
    assert (problem.row, problem.column) == (1, "否决情况")
    assert problem.problem == (
        "the column 否决情况 (F) may be the column 一票否决, which the sheet has not: rename it to 一票否决 if it is, "
        "or to 备注 to leave it out"
    )


def test_a_missing_column_names_the_sheets_headings_and_its_other_words(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(ws, ["序号", "类别", "评查内容", "分值"], [1, "证据采信", "证据保管不规范", 2])

    (problem,) = refused(provincial(criminal, tmp_path / "missing.xlsx", fill))
    assert (problem.sheet, problem.row, problem.column) == (ITEMS_SHEET, 1, "问题等级")
    assert problem.problem.startswith(
        "the column is missing (the sheet's headings are 序号、类别、评查内容、分值): add it, or rename the column "
        "that holds it to 问题等级 (it may also be headed 问题性质、瑕疵等级、严重程度"
    )


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

TABLE = [
    ["序号", "类别", "评查内容", "扣分", "问题等级"],
    [1, "证据采信", "证据收集、调取不规范", 2, "瑕"],
    [2, "证据采信", "证据保管不规范", 2, "瑕"],
    [3, "事实认定", "遗漏犯罪事实", 2, "瑕"],
    [4, "办案程序", "未制作审查报告（已废止）", 5, "错"],
    [5, "事实认定", "遗漏量刑情节", 2, "瑕"],
]


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
        "teach the word to the app with the setting standards.severity_synonyms: the command settings set "
        "standards.severity_synonyms 严重瑕疵=X, X being 司法瑕疵 or 一般司法错误; then import again"
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


# --- sheets and files ------------------------------------------------------------------------------------------


def test_the_items_sheet_under_an_offices_name(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(ws, *TABLE[:3])

    path = provincial(criminal, tmp_path / "named.xlsx", fill, sheet="评查标准")
    assert [it.code for it in read(path).standard.items] == ["1", "2"]
    wb = load_workbook(path)
    wb.copy_worksheet(wb["评查标准"]).title = ITEMS_SHEET
    wb.save(path)
    (problem,) = refused(path)  # two sheets, either could hold the items: reading one would drop the other
    assert problem.problem.startswith("the workbook has the sheet 评查项 and the sheet 评查标准, and either could hold")


def test_the_basis_round_trips_through_the_workbook(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["代码", "维度", "评查项内容", "问题等级", "默认扣分", "评查依据"],
            ["E1", "E", "证据收集、调取不规范", "瑕", 2, "《人民检察院刑事诉讼规则》第XX条"],
        )

    standard = read(provincial(criminal, tmp_path / "basis.xlsx", fill)).standard
    assert standard.items[0].basis == "《人民检察院刑事诉讼规则》第XX条"
    again = tmp_path / "again.xlsx"
    export_standard_xlsx(standard, again)
    assert read(again).standard.items == standard.items
    assert load_workbook(again)[ITEMS_SHEET]["J1"].value == "依据"
    assert "basis" not in criminal.to_dict()["items"][0]  # no basis, no key: stored fingerprints stay as they were


def as_saved_by_wps(path: Path) -> None:
    """Rewrite the workbook the way WPS saves it: its application and KSO properties, a cell-image part, the items
    sheet's strings in a shared-strings part with rich-text runs and phonetic properties, and a picture placed in a
    cell (WPS's DISPIMG formula, saved with the formula's text as its value)."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["docProps/app.xml"] = (
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        b"<Application>WPS \xe8\xa1\xa8\xe6\xa0\xbc</Application><DocSecurity>0</DocSecurity></Properties>"
    )
    parts["docProps/custom.xml"] = (
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
        b"<vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>"
    )
    parts["xl/cellimages.xml"] = b'<etc:cellImages xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"/>'
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/docProps/custom.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
        '<Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()
    rels = (
        parts["_rels/.rels"]
        .decode()
        .replace(
            "</Relationships>",
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'custom-properties" Target="docProps/custom.xml"/></Relationships>',
        )
    )
    parts["_rels/.rels"] = rels.encode()
    workbook_rels = (
        parts["xl/_rels/workbook.xml.rels"]
        .decode()
        .replace(
            "</Relationships>",
            '<Relationship Id="rId90" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/>'
            '<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        )
    )
    parts["xl/_rels/workbook.xml.rels"] = workbook_rels.encode()
    strings = ["序号", "类别", "评查内容", "分值", "问题性质", "图示", "证据采信", "证据收集、调取不规范", "一般瑕疵"]
    strings += ["事实认定", "遗漏犯罪事实"]
    shared = [f'<si><t>{s}</t><phoneticPr fontId="1" type="noConversion"/></si>' for s in strings]
    shared[2] = '<si><r><rPr><b/><sz val="11"/></rPr><t>评查</t></r><r><rPr><sz val="11"/></rPr><t>内容</t></r></si>'
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">{1}'
        "</sst>".format(len(shared), "".join(shared))
    ).encode()
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheetPr filterMode="0"/><dimension ref="A1:F3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        '<selection activeCell="C5" sqref="C5"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" outlineLevelCol="5"/><sheetData>'
        '<row r="1" spans="1:6" ht="27" customHeight="1">'
        + "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCDEF"))
        + '</row><row r="2" spans="1:6"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>6</v></c><c r="C2" t="s"><v>7</v>'
        '</c><c r="D2"><v>2</v></c><c r="E2" t="s"><v>8</v></c><c r="F2" t="str"><f>_xlfn.DISPIMG("ID_5F0A",1)</f>'
        '<v>=DISPIMG("ID_5F0A",1)</v></c></row><row r="3" spans="1:6"><c r="A3"><v>2</v></c><c r="B3" t="s"><v>9'
        '</v></c><c r="C3" t="s"><v>10</v></c><c r="D3"><v>3</v></c><c r="E3" t="s"><v>8</v></c></row></sheetData>'
        '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
        "<headerFooter/></worksheet>"
    )
    workbook = parts["xl/workbook.xml"].decode()
    rid = re.search(r'<sheet [^>]*name="评查项"[^>]*r:id="(rId\d+)"', workbook)
    assert rid is not None
    relation = next(r for r in re.findall(r"<Relationship [^>]*/>", workbook_rels) if f'Id="{rid.group(1)}"' in r)
    target = re.search(r'Target="/?([^"]+)"', relation)
    assert target is not None
    part = target.group(1)
    parts[part if part.startswith("xl/") else f"xl/{part}"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part_name, data in parts.items():
            z.writestr(part_name, data)


def test_a_workbook_saved_by_wps(criminal: Standard, tmp_path: Path) -> None:
    path = provincial(criminal, tmp_path / "wps.xlsx", lambda ws: ws.append(["占位"]))
    as_saved_by_wps(path)
    read_ = read(path)
    assert items(read_.standard) == [
        ("1", "E", "证据收集、调取不规范", (FLAW,), 2.0, False),
        ("2", "F", "遗漏犯罪事实", (FLAW,), 3.0, False),
    ]
    assert "Sheet 评查项: not read: 图示 (F)." in read_.warnings  # the picture's column is no field


def test_a_sheet_per_case_type(criminal: Standard, tmp_path: Path) -> None:
    path = tmp_path / "per_type.xlsx"
    export_standard_xlsx(criminal, path)
    wb = load_workbook(path)
    at = wb.sheetnames.index(ITEMS_SHEET)
    del wb[ITEMS_SHEET]
    heading = ["序号", "类别", "评查内容", "分值", "问题性质"]
    arrest = wb.create_sheet("审查逮捕案件评查表", at)
    rows(
        arrest,
        ["审查逮捕案件质量评查表"],
        heading,
        ["捕1", "证据采信", "逮捕必要性证据审查不充分", 5, "瑕"],
        ["共1", "办案程序", "超期羁押", "一票否决", "严"],
    )
    charge = wb.create_sheet("评查项（审查起诉）", at + 1)
    rows(
        charge,
        heading,
        ["诉1", "法律适用", "量刑建议不当", 2, "瑕"],
        ["共1", "办案程序", "超期羁押", "一票否决", "严"],  # the same item on both sheets: one item of both
    )
    wb.save(path)
    standard = read(path).standard
    assert [(it.code, it.case_types, it.deduction, it.veto) for it in standard.items] == [
        ("捕1", ("审查逮捕",), 5.0, False),
        ("共1", ("审查逮捕", "审查起诉"), 0.0, True),
        ("诉1", ("审查起诉",), 2.0, False),
    ]


def test_another_sheet_headed_like_items_is_named_as_not_read(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(ws, *TABLE[:3])

    path = provincial(criminal, tmp_path / "draft.xlsx", fill)
    wb = load_workbook(path)
    wb.copy_worksheet(wb[ITEMS_SHEET]).title = "Sheet1"  # an old draft of the table
    wb.save(path)
    assert "Sheet Sheet1 looks like a sheet of items and was not read." in read(path).warnings


def test_a_sheet_without_one_item_is_refused_not_stored_empty(criminal: Standard, tmp_path: Path) -> None:
    def all_hidden(ws: Worksheet) -> None:
        rows(ws, *TABLE[:2])
        ws.row_dimensions[2].hidden = True

    (problem,) = refused(provincial(criminal, tmp_path / "none.xlsx", all_hidden))
    assert (problem.sheet, problem.row) == (ITEMS_SHEET, None)
    assert problem.problem.startswith("no item was found: the rows under the headings hold none")


def test_codes_numbered_afresh_under_each_heading_are_refused_saying_so(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "评查内容", "扣分", "问题等级"],
            ["一、证据采信"],
            [1, "证据收集、调取不规范", 2, "瑕"],
            ["二、事实认定"],
            [1, "遗漏犯罪事实", 2, "瑕"],
        )

    (problem,) = refused(provincial(criminal, tmp_path / "afresh.xlsx", fill))
    assert (problem.row, problem.column) == (5, "序号")
    assert problem.problem.startswith("code 1 is also on row 3: each item needs a code of its own, in the whole sheet")
