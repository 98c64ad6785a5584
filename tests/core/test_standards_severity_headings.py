"""Severity given by heading rows (一、严重司法错误 over its items) instead of a column: read in one round, in either
nesting with the dimensions, and refused — naming the rows — where an item is under none or its cell says another."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.standards import ERROR, FLAW, SERIOUS, Standard
from reviewapp.standards.excel_severity_headings import severity_heading
from reviewapp.standards.vocabulary import ImportVocabulary
from tests.core.intake_fixtures import english_ui  # noqa: F401 - the fixture
from tests.core.provincial_checklists import items, provincial, read, refused, rows

pytestmark = pytest.mark.usefixtures("english_ui")  # matched on the English text of the messages

HEADINGS = ["序号", "评查类别", "评查内容", "扣分"]


@pytest.mark.parametrize(
    ("label", "tier"),
    [
        ("一、严重司法错误", SERIOUS),
        ("（二）一般司法错误类：", ERROR),
        ("三、司法瑕疵问题", FLAW),
        ("第一部分 严重司法错误", SERIOUS),
        ("3. 瑕疵", FLAW),  # a built-in word of one tier
        ("严重问题", None),  # could mean 一般 or 严重司法错误: never a severity heading
        ("一般规定", None),
        ("一般司法错误（每处扣2分）", None),  # says something of the points: refused as a heading, not read
        ("证据采信", None),
    ],
)
def test_which_heading_names_a_severity(label: str, tier: str | None) -> None:
    assert severity_heading(label, ImportVocabulary()) == tier


def test_severity_headings_over_dimensions_in_a_sheet_without_a_severity_column(
    criminal: Standard, tmp_path: Path
) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            HEADINGS,
            ["一、严重司法错误"],
            ["1", "证据采信", "非法证据未予排除", 20],
            ["2", "办案程序", "超期羁押", 20],
            ["二、一般司法错误"],
            ["3", "事实认定", "认定事实错误但未影响定罪", 10],
            ["三、司法瑕疵"],
            ["4", "证据采信", "证据收集、调取不规范", 2],
            ["5", "办案程序", "文书送达不及时", 1],
        )

    read_ = read(provincial(criminal, tmp_path / "outer.xlsx", fill))
    assert items(read_.standard) == [
        ("1", "E", "非法证据未予排除", (SERIOUS,), 20.0, False),
        ("2", "P", "超期羁押", (SERIOUS,), 20.0, False),
        ("3", "F", "认定事实错误但未影响定罪", (ERROR,), 10.0, False),
        ("4", "E", "证据收集、调取不规范", (FLAW,), 2.0, False),
        ("5", "P", "文书送达不及时", (FLAW,), 1.0, False),
    ]
    assert (
        "Sheet 评查项: severity of the items taken from the heading rows above them: 2 (一、严重司法错误)、"
        "5 (二、一般司法错误)、7 (三、司法瑕疵)." in read_.warnings
    )


def test_severity_headings_inside_dimension_headings(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "评查内容", "扣分", "依据"],
            ["一、证据采信"],
            ["（一）严重司法错误"],
            ["E1", "非法证据未予排除", 20, "刑事诉讼法第56条"],
            ["（二）司法瑕疵"],
            ["E2", "证据收集、调取不规范", 2, "刑事诉讼法第54条"],
            ["二、办案程序"],
            ["（一）一般司法错误"],
            ["P1", "未依法告知诉讼权利", 10, "刑事诉讼法第173条"],
        )

    read_ = read(provincial(criminal, tmp_path / "inner.xlsx", fill))
    assert items(read_.standard) == [
        ("E1", "E", "非法证据未予排除", (SERIOUS,), 20.0, False),
        ("E2", "E", "证据收集、调取不规范", (FLAW,), 2.0, False),
        ("P1", "P", "未依法告知诉讼权利", (ERROR,), 10.0, False),
    ]


def test_an_item_under_no_severity_heading_is_refused_not_given_the_last_one(
    criminal: Standard, tmp_path: Path
) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "评查内容", "扣分", "依据"],
            ["一、证据采信"],
            ["（一）严重司法错误"],
            ["E1", "非法证据未予排除", 20, "刑事诉讼法第56条"],
            ["二、办案程序"],  # severities group inside dimensions: this one starts with none
            ["P1", "未依法告知诉讼权利", 10, "刑事诉讼法第173条"],
        )

    problems = refused(provincial(criminal, tmp_path / "uncovered.xlsx", fill))
    assert [(p.row, p.column) for p in problems] == [(6, None)]
    assert problems[0].problem.startswith("the item has no severity: it is under no heading row naming one")


def test_an_items_own_severity_against_its_heading_is_refused(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            [*HEADINGS, "问题等级"],
            ["一、严重司法错误"],
            ["1", "证据采信", "非法证据未予排除", 20, None],  # the heading's
            ["2", "办案程序", "超期羁押", 20, "严重司法错误"],  # the same
            ["3", "事实认定", "情节认定不准确", 2, "司法瑕疵"],  # another: which is meant?
        )

    problems = refused(provincial(criminal, tmp_path / "against.xlsx", fill))
    assert [(p.row, p.column) for p in problems] == [(5, "问题等级")]
    assert problems[0].problem == (
        "the item is under the heading 一、严重司法错误 but its column 问题等级 says 司法瑕疵: write which is meant"
    )


def test_a_severity_heading_beside_its_number_in_the_code_column(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            HEADINGS,
            ["一", "严重司法错误"],
            ["1", "证据采信", "非法证据未予排除", 20],
            ["二", None, "司法瑕疵"],
            ["2", "办案程序", "文书送达不及时", 1],
        )

    read_ = read(provincial(criminal, tmp_path / "numbered.xlsx", fill))
    assert items(read_.standard) == [
        ("1", "E", "非法证据未予排除", (SERIOUS,), 20.0, False),
        ("2", "P", "文书送达不及时", (FLAW,), 1.0, False),
    ]
