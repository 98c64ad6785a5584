"""Checklists as other provinces lay them out, on the items sheet of the shipped standard's workbook: here the
columns headed in their own words (layouts in test_standards_provincial_layouts.py, sheets and files in
test_standards_provincial_sheets.py). Each loads the items the office meant with the points it meant, or is
refused naming sheet, row, column and what to rename — a wrong load (wrong points, a dropped item, a note read as
an item) is never the outcome."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.standards import (
    ERROR,
    FLAW,
    SERIOUS,
    Standard,
)
from reviewapp.standards.excel_layout import ITEMS_SHEET
from tests.core.intake_fixtures import english_ui  # noqa: F401 - the fixture
from tests.core.provincial_checklists import items, provincial, read, refused, rows

pytestmark = pytest.mark.usefixtures("english_ui")  # matched on the English text of the messages


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
