"""Provincial checklists' sheets and files: the items sheet under an office's name, the basis round trip, a workbook
saved by WPS, a sheet per case type, sheets that are not read."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.standards import (
    FLAW,
    Standard,
    export_standard_xlsx,
)
from reviewapp.standards.excel_layout import ITEMS_SHEET
from tests.core.intake_fixtures import english_ui  # noqa: F401 - the fixture
from tests.core.provincial_checklists import TABLE, items, provincial, read, refused, rows

pytestmark = pytest.mark.usefixtures("english_ui")  # matched on the English text of the messages


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
