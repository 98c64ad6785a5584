"""Exports as other provinces' systems and clerks write them, beyond the layouts the intake was built on: a
custody column holding the coercive measure, amounts after 人民币, dates typed with spaces (2025 年 3 月 1 日),
suspect rows carrying columns the card has no field for (年龄, 身份证号), suspects and documents sheets named in
other words, a date column under another system's name, amounts in 万元 by their header, and the "Excel"
exports of web systems (an HTML table or tab-separated text named .xls). Each one imports right, or is refused
naming where and why."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from reviewapp.domain.case_card import CASE_FIELDS
from reviewapp.intake.errors import FileProblem, IntakeFileError
from reviewapp.intake.guessing import KNOWN, guess_columns
from reviewapp.intake.headers import case_sheet_candidates, document_sheet, suspect_sheet
from reviewapp.intake.parse import ParsedExport, read_export
from reviewapp.intake.profiles import Profile, ReadOptions
from reviewapp.intake.values import BadBool, BadNumber, parse_bool, parse_date_text, parse_decimal
from tests.core.intake_fixtures import case_row, english_ui  # noqa: F401 - pytest fixture

pytestmark = pytest.mark.usefixtures("english_ui")

CASE = ["部门受案号", "案件名称", "案件类别", "承办单位", "承办部门", "承办检察官", "受理日期"]


def _case(n: int, **changes: Any) -> list[Any]:
    row = case_row(n, **changes)
    return [row[c] for c in CASE]


def _xlsx(path: Path, sheets: dict[str, list[list[Any]]], merges: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    for index, (name, rows) in enumerate(sheets.items()):
        ws = wb.active if index == 0 else wb.create_sheet(name)
        assert ws is not None
        ws.title = name
        for row in rows:
            ws.append(row)
        for cells in merges if index == 0 else ():
            ws.merge_cells(cells)
    wb.save(path)
    return path


def _where(parsed: ParsedExport) -> list[tuple[str, int, str | None]]:
    return [(r.sheet, r.row, r.column) for r in parsed.rejects]


# --- values ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "detained"),
    [("取保候审", False), ("监视居住", False), ("指定居所监视居住", False), ("取保", False), ("刑拘", True),
     ("刑事拘留", True), ("逮捕", True), ("在押", True)],
)  # fmt: skip
def test_a_custody_column_holding_the_coercive_measure(written: str, detained: bool) -> None:
    # 羁押状态 (an alias of 是否羁押) holds the measure in some systems: 取保候审 is out of custody, 逮捕 in it.
    assert parse_bool(written, "detained") is detained


def test_a_measure_is_no_yes_or_no_of_any_other_column() -> None:
    with pytest.raises(BadBool):
        parse_bool("取保候审", "plea")
    with pytest.raises(BadBool):
        parse_bool("逮捕")


@pytest.mark.parametrize(
    ("written", "amount"),
    [("人民币5000元", Decimal(5000)), ("人民币 1.2万元", Decimal(12000)), ("RMB 2,000", Decimal(2000)),
     ("rmb2000.50", Decimal("2000.50")), ("CNY 300", Decimal(300)), ("人民币１２，０００元", Decimal(12000))],
)  # fmt: skip
def test_an_amount_written_after_its_currency(written: str, amount: Decimal) -> None:
    assert parse_decimal(written) == amount


@pytest.mark.parametrize("written", ["人民币", "5000人民币", "人民币5000余元", "约人民币5000元", "人民币壹万余元"])
def test_what_follows_the_currency_must_still_be_an_amount(written: str) -> None:
    with pytest.raises(BadNumber):
        parse_decimal(written)


@pytest.mark.parametrize(
    ("written", "day"),
    [("2025 年 3 月 1 日", date(2025, 3, 1)), ("2025年 03月 01日", date(2025, 3, 1)),
     ("２０２５ 年 ３ 月 ８ 日 9时30分", date(2025, 3, 8)), ("2025 年 12 月 31", date(2025, 12, 31))],
)  # fmt: skip
def test_a_date_typed_with_spaces_around_its_numbers(written: str, day: date) -> None:
    # As text copied out of a PDF or a document comes: 2025 年 3 月 1 日.
    assert parse_date_text(written) == day


def test_a_date_with_spaces_is_still_checked() -> None:
    with pytest.raises(ValueError, match="not a valid calendar date"):
        parse_date_text("2025 年 2 月 30 日")


# --- a suspect row's own columns that the card has no field for ------------------------------------------


def test_unknown_columns_of_each_suspect_stay_with_the_suspect(tmp_path: Path) -> None:
    header = [*CASE, "嫌疑人姓名", "性别", "年龄", "身份证号", "强制措施", "备注"]
    rows = [
        ["案件台账"],
        header,
        [*_case(1), "刘一", "男", 25, "370102199901010011", "逮捕", "重点案件"],
        ["", "", "", "", "", "", "", "刘二", "男", 31, "370102199401010012", "逮捕", ""],  # merged case cells
        [*_case(2), "吴一", "女", "40岁", "370102198501010023", "取保候审", "退查一次"],
        [*_case(2), "吴二", "男", "22岁", "370102200301010034", "取保候审", "退查一次"],  # repeated case cells
    ]
    merges = tuple(f"{col}3:{col}4" for col in "ABCDEFGM")
    parsed = read_export(_xlsx(tmp_path / "rows.xlsx", {"案件台账": rows}, merges))
    assert [r for r in _where(parsed) if r[1] != 2] == []  # nothing refused; at most a note at the header
    one, two = parsed.cases
    assert [(s.name, s.measure, s.extra) for s in one.suspects] == [
        ("刘一", "逮捕", {"年龄": "25", "身份证号": "370102199901010011"}),
        ("刘二", "逮捕", {"年龄": "31", "身份证号": "370102199401010012"}),
    ]
    assert [s.extra["年龄"] for s in two.suspects] == ["40岁", "22岁"]
    # A column the same on every row of a case is the case's, wherever it stands.
    assert (one.extra, two.extra) == ({"备注": "重点案件"}, {"备注": "退查一次"})


def test_a_case_column_that_differs_between_its_rows_is_still_refused(tmp_path: Path) -> None:
    header = ["备注", *CASE, "嫌疑人姓名", "性别"]
    rows = [header, ["甲", *_case(1), "刘一", "男"], ["乙", *_case(1), "刘二", "男"]]
    parsed = read_export(_xlsx(tmp_path / "left.xlsx", {"案件": rows}))
    assert _where(parsed) == [("案件", 3, "部门受案号")]  # left of the suspects: the case's, and it differs


# --- sheets named in other words --------------------------------------------------------------------------


def test_suspects_and_documents_sheets_named_in_other_words() -> None:
    names = ["案件信息表", "犯罪嫌疑人信息表", "法律文书目录"]
    assert (suspect_sheet(names), document_sheet(names)) == ("犯罪嫌疑人信息表", "法律文书目录")
    assert case_sheet_candidates(names) == ["案件信息表"]
    assert suspect_sheet(["犯罪嫌疑人", "嫌疑人名单"]) == "犯罪嫌疑人"  # a known name first
    # Never the sheet the cases may be on: one naming 案件, or the only one left.
    assert suspect_sheet(["犯罪嫌疑人登记表"]) is None
    assert document_sheet(["案件", "案件文书"]) is None
    assert document_sheet(["嫌疑人信息表", "文书目录"]) is None


def test_a_workbook_with_such_sheets_reads_its_suspects_and_documents(tmp_path: Path) -> None:
    number = case_row(1)["部门受案号"]
    sheets = {
        "案件信息表": [CASE, _case(1)],
        "犯罪嫌疑人信息表": [["部门受案号", "姓名", "强制措施"], [number, "段一", "逮捕"]],
        "法律文书目录": [["部门受案号", "文书名称", "文件路径"], [number, "起诉书", "卷宗/起诉书.pdf"]],
    }
    parsed = read_export(_xlsx(tmp_path / "names.xlsx", sheets))
    [card] = parsed.cases
    assert [s.name for s in card.suspects] == ["段一"] and [d.title for d in card.documents] == ["起诉书"]
    assert parsed.skipped_sheets == [] and parsed.rejects == []


# --- columns another system names in its own words --------------------------------------------------------


def test_a_date_column_under_another_name_is_said_to_be_the_missing_date(tmp_path: Path) -> None:
    header = ["受案号", "案件名称", "案件类别", "承办单位", "承办部门", "承办检察官", "受案日期"]
    parsed = read_export(_xlsx(tmp_path / "words.xlsx", {"案件": [header, _case(1)]}))
    note = next(r for r in parsed.rejects if r.column == "受案日期")
    assert "受理日期" in note.reason and "统一受案号" not in note.reason  # never a text field for a date


def test_the_mapping_dialog_proposes_other_systems_names() -> None:
    guesses = guess_columns(["所属院", "受案日期", "受案时间"], [], CASE_FIELDS)
    assert [g.attr for g in guesses] == ["unit", "accepted_on", None]  # one column per field


# --- "Excel" exports that are text named .xls ----------------------------------------------------------------

_PAGE = """<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><style>td {{mso-number-format:'\\@';}}</style>
</head><body><table border=1>
<tr><td colspan="10" align=center>案件信息导出&nbsp;（2025年）</td></tr>
<tr>{header}</tr>
<TR><td rowspan="2">{a}</td><td rowspan=2>张某盗窃案</td><td rowspan="2">审查起诉</td><td rowspan="2">朝阳区院</td>
<td rowspan="2">第一检察部</td><td rowspan="2">王检察官</td><td rowspan="2">2025-03-01</td>
<td><font face=宋体>张三</font></td><td>逮捕</td><td rowspan="2">入户盗窃<br>价值&nbsp;5000元</td></TR>
<tr><td>李四</td><td>取保候审</td></tr>
<tr><td>{b}</td><td>赵某诈骗案</td><td>审查起诉</td><td>朝阳区院</td><td>第一检察部</td><td>王检察官</td>
<td>2025年3月2日</td><td>赵五</td><td>刑拘</td><td></td></tr>
</table></body></html>"""


def test_a_web_page_named_xls_is_read_as_excel_shows_it(tmp_path: Path) -> None:
    a, b = case_row(1)["部门受案号"], case_row(2)["部门受案号"]
    header = "".join(f"<th>{h}</th>" for h in [*CASE, "嫌疑人姓名", "强制措施", "案情摘要"])
    path = tmp_path / "导出.xls"
    path.write_bytes(_PAGE.format(header=header, a=a, b=b).encode("gbk"))
    parsed = read_export(path)
    assert parsed.rejects == []
    one, two = parsed.cases
    assert [(s.name, s.measure) for s in one.suspects] == [("张三", "逮捕"), ("李四", "取保候审")]
    assert one.summary == "入户盗窃\n价值 5000元"  # <br> a line break, &nbsp; a space
    assert (one.accepted_on, two.accepted_on) == (date(2025, 3, 1), date(2025, 3, 2))
    assert [(s.name, s.measure) for s in two.suspects] == [("赵五", "拘留")]


def test_tab_separated_text_named_xls_is_read(tmp_path: Path) -> None:
    path = tmp_path / "导出.xls"
    lines = ["\t".join(CASE), "\t".join(map(str, _case(1))), "\t".join(map(str, _case(2)))]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    parsed = read_export(path)
    assert [c.dept_case_no for c in parsed.cases] == [case_row(1)["部门受案号"], case_row(2)["部门受案号"]]


@pytest.mark.parametrize("name", ["导出.txt", "导出.xls", "导出.csv"])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_excel_unicode_text_is_read(tmp_path: Path, name: str, encoding: str) -> None:
    """Excel's "Unicode 文本 (*.txt)": tab-separated UTF-16 with its byte-order mark, CRLF lines."""
    path = tmp_path / name
    lines = ["\t".join(CASE), "\t".join(map(str, _case(1))), "\t".join(map(str, _case(2)))]
    text = "\r\n".join(lines) + "\r\n"
    path.write_bytes(("\ufeff" + text).encode(encoding) if encoding == "utf-16-be" else text.encode(encoding))
    parsed = read_export(path)
    assert [c.dept_case_no for c in parsed.cases] == [case_row(1)["部门受案号"], case_row(2)["部门受案号"]]
    assert parsed.cases[0].name == case_row(1)["案件名称"] and not parsed.rejects


def test_an_html_table_in_utf16_named_xls_is_read(tmp_path: Path) -> None:
    path = tmp_path / "导出.xls"
    head = "".join(f"<th>{h}</th>" for h in CASE)
    rows = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in _case(n)) + "</tr>" for n in (1, 2))
    path.write_bytes(f"<html><body><table><tr>{head}</tr>{rows}</table></body></html>".encode("utf-16"))
    parsed = read_export(path)
    assert [c.dept_case_no for c in parsed.cases] == [case_row(1)["部门受案号"], case_row(2)["部门受案号"]]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("xml.xls", '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
                    "<Worksheet><Table><Row><Cell><Data>部门受案号</Data></Cell></Row></Table></Worksheet></Workbook>"),
        ("notes.xlsx", "部门受案号\t案件名称\n"),  # text named .xlsx: Excel does not open it either
    ],
)  # fmt: skip
def test_other_text_under_a_workbook_name_is_still_no_workbook(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IntakeFileError) as caught:
        read_export(path)
    assert caught.value.problem is FileProblem.NOT_A_WORKBOOK


# --- an amount column whose header gives its unit as 万元 ------------------------------------------------------


def test_an_amount_column_in_wan_yuan_is_read_in_yuan(tmp_path: Path) -> None:
    header = [*CASE, "涉案金额（万元）"]
    amounts = [1.2, "0.5", "3000元", "1.2万元", "", 10**13]
    rows = [header] + [[*_case(n), amount] for n, amount in enumerate(amounts, 1)]
    parsed = read_export(_xlsx(tmp_path / "wan.xlsx", {"案件": rows}))
    assert [c.amount for c in parsed.cases] == [12000, 5000, 3000, 12000, None]  # a cell's own unit is its unit
    assert all(c.extra == {} for c in parsed.cases)  # read as the amount, not kept as extra text
    [refused] = parsed.rejects
    assert (refused.row, refused.column) == (7, "涉案金额（万元）") and "far too large" in refused.reason


def test_a_profile_mapping_the_wan_yuan_column_keeps_its_unit(tmp_path: Path) -> None:
    header = ["案件编码", *CASE[1:], "涉案金额（万元）"]
    path = _xlsx(tmp_path / "profiled.xlsx", {"案件": [header, [*_case(1), 1.5]]})
    profile = Profile("万元台账", columns={"cases": {"案件编码": "dept_case_no", "涉案金额（万元）": "amount"}})
    parsed = read_export(path, options=ReadOptions((profile.to_json(),), forced=True))
    assert [c.amount for c in parsed.cases] == [15000]
    [guess] = guess_columns(["涉案金额（万元）"], [], CASE_FIELDS)
    assert (guess.attr, guess.why) == ("amount", KNOWN)


def test_excel_unicode_text_imports_through_the_guarded_reader(tmp_path: Path) -> None:
    """The import service reads in its own child process and streams: the same UTF-16 file stores its cases."""
    from reviewapp.services.cases.intake import import_cases
    from tests.core.services_fixtures import open_workbench

    path = tmp_path / "导出.txt"
    lines = ["\t".join(CASE)] + ["\t".join(map(str, _case(n))) for n in range(1, 4)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    wb = open_workbench(tmp_path / "db")
    try:
        summary = import_cases(wb, path)
        assert (summary.imported, summary.rows_rejected) == (3, 0), summary
    finally:
        wb.close()
