"""Checklists as other provinces and offices keep them, found in a robustness campaign with files nobody in this repo
wrote: severities ticked in a column per tier, veto items marked in their text, a 院's own 评查表 with its form lines,
tables converted from Word, totals and weights in other words. Each loads what the office meant or is refused naming
sheet (as the workbook names it), row, column and what to do — never a silent wrong load."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.standards import ERROR, FLAW, SERIOUS, Standard
from reviewapp.standards.vocabulary import ImportVocabulary
from tests.core.intake_fixtures import english_ui  # noqa: F401 - the fixture
from tests.core.provincial_checklists import items, provincial, read, refused, rows

pytestmark = pytest.mark.usefixtures("english_ui")  # matched on the English text of the messages


def ticked_table(ws: Worksheet, tiers: list[str], *body: list[object]) -> None:
    """问题性质 merged over a column per severity tier, the item's tier ticked (a 院's 评查表)."""
    rows(ws, ["序号", "评查类别", "评查内容", "扣分", "问题性质", None, None], [None] * 4 + tiers, *body)
    for cells in ("A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:G1"):
        ws.merge_cells(cells)


def test_severities_ticked_in_a_column_per_tier(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        ticked_table(
            ws,
            ["司法瑕疵", "一般司法错误", "严重司法错误"],
            ["1", "证据采信", "证据收集、调取不规范", 2, "√", None, None],
            ["2", "证据采信", "非法证据未予排除", 10, None, "是", "×"],
            ["3", "办案程序", "超期羁押", 20, None, None, "✓"],
            ["4", "事实认定", "情节认定不准确", 2, "√", "√", None],
        )

    read_ = read(provincial(criminal, tmp_path / "ticks.xlsx", fill))
    assert items(read_.standard) == [
        ("1", "E", "证据收集、调取不规范", (FLAW,), 2.0, False),
        ("2", "E", "非法证据未予排除", (ERROR,), 10.0, False),
        ("3", "P", "超期羁押", (SERIOUS,), 20.0, False),
        ("4", "F", "情节认定不准确", (FLAW, ERROR), 2.0, False),
    ]
    assert "司法瑕疵 (E)、一般司法错误 (F)、严重司法错误 (G) as 问题等级, the ticked ones" in read_.warnings[0]


def test_ticked_severities_are_refused_when_none_is_ticked_or_the_word_could_mean_two(
    criminal: Standard, tmp_path: Path
) -> None:
    def fill(ws: Worksheet) -> None:
        ticked_table(
            ws,
            ["瑕疵", "一般错误", "严重瑕疵"],
            ["1", "证据采信", "证据收集、调取不规范", 2, "√", None, None],
            ["2", "证据采信", "非法证据未予排除", 10, None, None, None],
            ["3", "办案程序", "超期羁押", 20, None, None, "√"],
        )

    problems = refused(provincial(criminal, tmp_path / "ticks_bad.xlsx", fill))
    assert [(p.row, p.column) for p in problems] == [(4, "问题性质"), (5, "问题性质")]
    assert problems[0].problem == "no severity is ticked for the item: tick the one meant (瑕疵、一般错误、严重瑕疵)"
    assert problems[1].problem.startswith("the severity 严重瑕疵 could mean 司法瑕疵 or 一般司法错误, so it is not")
    assert "standards.severity_synonyms" in problems[1].problem


def test_an_item_marked_一票否决_in_its_text_is_a_veto_item(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "类别", "评查内容", "扣分", "问题性质"],
            ["P1", "办案程序", "超期羁押的（一票否决）", None, "严重司法错误"],
            ["P2", "办案程序", "送达法律文书不及时", 1, "瑕"],
            ["E1", "证据采信", "刑讯逼供取证造成严重后果的【一票否决】", None, "严"],
            ["E2", "证据采信", "遗漏证据，不实行一票否决的", 2, "瑕"],
        )

    read_ = read(provincial(criminal, tmp_path / "veto_text.xlsx", fill))
    assert [(it.code, it.veto) for it in read_.standard.items] == [
        ("P1", True),
        ("P2", False),
        ("E1", True),
        ("E2", False),
    ]
    assert read_.warnings[-1] == "Sheet 评查项: veto items by the 一票否决 in their text: rows 2、4."

    def contradicted(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "类别", "评查内容", "扣分", "问题性质", "一票否决"],
            ["P1", "办案程序", "超期羁押（一票否决）", 20, "严", "否"],
        )

    (problem,) = refused(provincial(criminal, tmp_path / "veto_no.xlsx", contradicted))
    assert (problem.row, problem.column) == (2, "一票否决")
    assert problem.problem == "the item's text says 一票否决 but the column 一票否决 says no: write which is meant"


def test_一票否决_in_a_column_that_is_not_read_is_refused_not_dropped(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["编号", "类别", "评查内容", "扣分", "问题等级", "备注"],
            ["P1", "办案程序", "超期羁押", 20, "严", "一票否决"],
            ["P2", "办案程序", "送达不及时", 1, "瑕", "2025年修订"],
            ["P3", "办案程序", "违法采取强制措施", 20, "严", "实行一票否决"],
        )

    problems = refused(provincial(criminal, tmp_path / "veto_remark.xlsx", fill))
    assert [(p.row, p.column) for p in problems] == [(2, "备注"), (4, "备注")]
    assert problems[0].problem == (
        "the column 备注 says 一票否决 of this item, but the app does not read that column: write 是 for the item in "
        "a column 一票否决 (add one if the sheet has none)"
    )


def test_a_cell_listing_several_numbered_items_is_refused_not_read_as_one(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "评查类别", "评查内容", "扣分", "问题性质"],
            ["1", "证据采信", "1.证据收集不规范；\n2.证据保管不规范；\n3.证据移送不规范。", "每处扣1分", "瑕"],
            ["2", "事实认定", "（1）遗漏犯罪事实的；（2）遗漏量刑情节的", 2, "瑕"],
            ["3", "办案程序", "有下列情形之一的：\n1.未依法告知权利；\n2.未听取意见。", 1, "瑕"],  # one item, its cases
            ["4", "办案程序", "送达不及时\n（含延期送达）", 1, "瑕"],
        )

    problems = refused(provincial(criminal, tmp_path / "word_lists.xlsx", fill))
    assert [(p.row, p.column) for p in problems] == [(2, "评查内容"), (3, "评查内容")]
    assert problems[0].problem.startswith(
        "the cell lists 3 numbered entries (1. 2. 3.): if each is an item, put each on a row of its own"
    )
    assert problems[1].problem.startswith("the cell lists 2 numbered entries (（1） （2）)")


def test_a_table_converted_from_word_with_words_wrapped_in_their_cells(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序\n号", "评查\n类别", "评查内容\n及要点", "扣分\n标准", "问题\n性质"],
            ["1", "证据\n采信", "讯问笔录未载明告知诉讼权利", "每处\n扣2分", "司法\n瑕疵"],
            ["2", "事实\n认定", "遗漏犯罪事实", "扣3\n分", "一般\n瑕疵"],
        )

    assert items(read(provincial(criminal, tmp_path / "word.xlsx", fill)).standard) == [
        ("1", "E", "讯问笔录未载明告知诉讼权利", (FLAW,), 2.0, False),
        ("2", "F", "遗漏犯罪事实", (FLAW,), 3.0, False),
    ]

    def unknown(ws: Worksheet) -> None:
        rows(ws, ["序号", "类别", "评查内容", "扣分", "问题\n性质"], ["1", "证据采信", "证据保管", 2, "较轻\n问题"])

    (problem,) = refused(provincial(criminal, tmp_path / "word_unknown.xlsx", unknown))
    assert (problem.row, problem.column) == (2, "问题性质")  # the column named on one line, as it reads


def test_a_refusal_names_the_sheet_as_the_workbook_does(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(ws, ["序号", "类别", "评查内容", "扣分", "问题等级"], [1, "证据采信", "证据保管不规范", "很多", "瑕"])

    (problem,) = refused(provincial(criminal, tmp_path / "named.xlsx", fill, sheet="评查表"))
    assert (problem.sheet, problem.row, problem.column) == ("评查表", 2, "扣分")
    assert ", sheet 评查表, row 2, column 扣分: 很多 is not a number" in problem.message()


def test_an_offices_form_lines_under_the_table_are_left_out_and_named(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["××县人民检察院案件质量评查表"],
            ["案件名称：", None, "承办人：", None, "评查人：", None],
            ["序号", "评查类别", "评查内容", "扣分", "问题性质", "得分"],
            ["1", "证据采信", "证据收集不规范", 2, "瑕疵", None],
            ["2", "办案程序", "送达不及时", 1, "瑕疵", None],
            ["评查结论：□优质 □合格 □基本合格 □不合格"],
            ["评查人（签名）：", None, None, "评查日期：    年  月  日"],
        )
        ws.merge_cells("A1:F1")

    read_ = read(provincial(criminal, tmp_path / "form.xlsx", fill, sheet="评查表"))
    assert [it.code for it in read_.standard.items] == ["1", "2"]
    assert read_.warnings[-1] == (
        "Sheet 评查表: note under the table not read (row 7): 评查人（签名）： 评查日期：    年  月  日"
    )


def test_totals_and_dimension_headings_with_their_points_in_other_words(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "评查内容", "分值", "问题等级"],
            ["一、证据采信（本项20分）"],
            ["1", "证据收集不规范", 2, "瑕"],
            ["证据采信小计", None, 20, None],
            ["（二）事实认定(满分20分)"],
            ["2", "遗漏犯罪事实", 2, "瑕"],
            ["小计（20分）"],
            ["合计（100分）"],
        )

    read_ = read(provincial(criminal, tmp_path / "totals.xlsx", fill))
    assert [(it.code, it.dimension) for it in read_.standard.items] == [("1", "E"), ("2", "F")]
    assert "Sheet 评查项: total rows not read: 4 (证据采信小计)、7 (小计（20分）)、8 (合计（100分）)." in read_.warnings


@pytest.mark.parametrize(
    ("written", "points"),
    [
        ("每出现一处扣1分", 1.0),
        ("一处扣2分", 2.0),
        ("每缺一项扣1分", 1.0),
        ("每遗漏一处扣0.5分", 0.5),
        ("扣2分，扣完为止", 2.0),
        ("2分（最多扣6分）", 2.0),
        ("扣2分（本项最多扣6分）", 2.0),
    ],
)
def test_points_per_finding_in_more_words_and_a_cap_after_one_deduction(
    criminal: Standard, tmp_path: Path, written: str, points: float
) -> None:
    def fill(ws: Worksheet) -> None:
        rows(ws, ["序号", "类别", "评查内容", "扣分", "问题等级"], [1, "证据采信", "证据保管不规范", written, "瑕"])

    assert read(provincial(criminal, tmp_path / "points.xlsx", fill)).standard.items[0].deduction == points


def test_a_cap_in_a_sentence_is_no_second_deduction() -> None:
    # 扣分标准 written as a sentence: the item's cap is not a second deduction a finding could take.
    assert ImportVocabulary().deduction_in_text("未依法告知的，扣2分，本项最多扣6分") == (2.0, ())
    assert ImportVocabulary().deduction_in_text("未依法告知的，扣2分，扣3分") == (None, ("扣2分", "扣3分"))


def test_a_range_of_points_left_to_judgement_is_refused_as_a_range(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(ws, ["序号", "类别", "评查内容", "扣分", "问题等级"], [1, "证据采信", "证据保管", "视情节扣1-3分", "瑕"])

    (problem,) = refused(provincial(criminal, tmp_path / "range.xlsx", fill))
    assert problem.problem.startswith("视情节扣1-3分 is a range: write the one deduction a finding takes by default")


def test_优质_criteria_under_the_items_are_refused_naming_their_rows(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["序号", "类别", "评查内容", "扣分", "问题等级"],
            ["1", "证据采信", "证据收集不规范", 2, "瑕"],
            ["优质案件评定标准"],
            ["1", "证据审查全面，关键证据均经审查核实"],
            ["2", "释法说理充分，办案效果良好"],
        )

    (problem,) = refused(provincial(criminal, tmp_path / "criteria.xlsx", fill))
    assert (problem.row, problem.column) == (3, "序号")
    assert problem.problem == (
        "the rows 3–5 are 优质 criteria (优质案件评定标准), not items: put them on the sheet 优质标准 (代码 | 内容 | "
        "适用等次), then delete them here"
    )


def test_codes_numbered_afresh_in_each_merged_category_are_refused(criminal: Standard, tmp_path: Path) -> None:
    def fill(ws: Worksheet) -> None:
        rows(
            ws,
            ["一级指标", "序号", "评查内容", "扣分", "问题等级"],
            ["证据采信", 1, "证据收集不规范", 2, "瑕"],
            [None, 2, "证据保管不规范", 2, "瑕"],
            ["事实认定", 1, "遗漏犯罪事实", 2, "瑕"],
        )
        ws.merge_cells("A2:A3")

    (problem,) = refused(provincial(criminal, tmp_path / "restart.xlsx", fill))
    assert (problem.row, problem.column) == (4, "序号")
    assert problem.problem.startswith("code 1 is also on row 2: each item needs a code of its own, in the whole sheet")


def test_a_sheet_headed_in_other_words_is_refused_naming_its_headings_not_each_row(
    criminal: Standard, tmp_path: Path
) -> None:
    def fill(ws: Worksheet) -> None:
        rows(ws, ["序号", "类别", "评查内容", "扣分", "问题等级"], ["1", "证据采信", "证据收集不规范", 2, "瑕"])

    path = provincial(criminal, tmp_path / "criteria_sheet.xlsx", fill)
    wb = load_workbook(path)
    at = wb.sheetnames.index("优质标准")
    del wb["优质标准"]
    # 序号 | 评定标准 is read (test_standards_criteria_sheet.py); headings in words of no column are not.
    rows(wb.create_sheet("优质标准", at), ["项目", "说明"], ["1", "证据审查全面"], ["2", "释法说理充分"])
    wb.save(path)
    problems = refused(path)
    assert [(p.sheet, p.row, p.column) for p in problems] == [("优质标准", 1, c) for c in ("代码", "内容")]
    assert problems[0].problem == (
        "the column is missing (the headings on row 1 are 项目、说明): add it, or rename the column that holds it "
        "to 代码"
    )
