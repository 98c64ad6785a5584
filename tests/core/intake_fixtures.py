"""Builders of messy case-export files for intake, database and GUI tests.

Every ``write_*`` function writes into a folder you give it (usually pytest's ``tmp_path``) and returns the
path(s) together with what a correct import must find, so tests assert against one description:

    export = write_messy_xlsx(tmp_path)
    parsed = read_export(export.path)
    assert [c.dept_case_no for c in parsed.cases] == export.good_case_nos
    assert {(r.sheet, r.row, r.column) for r in parsed.rejects} == export.rejects

Builders:
    write_messy_xlsx(folder)      title rows + merged title, aliases, mixed dates, full-width digits, blank and
                                  duplicate rows, bad rows, suspects (merged key cells) and documents sheets
    write_csv_twins(folder)       the same cases as UTF-8 (BOM) CSV and GB18030 CSV
    write_broken_files(folder)    one file per whole-file problem (FileProblem value → path)
    write_simple_xlsx(path, rows) a plain one-sheet export of ``case_row`` dicts
    fixture_path(name)            committed binary fixtures (small_export.xls, encrypted.xlsx)
    english_ui                    module-scoped pytest fixture: run in English (import it, then
                                  ``pytestmark = pytest.mark.usefixtures("english_ui")``)
"""

from __future__ import annotations

import csv
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from reviewapp.i18n import current_language, set_language

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "intake"

# Canonical column → value of a complete, valid case. Tests change a copy.
CANONICAL_COLUMNS = (
    "部门受案号",
    "统一受案号",
    "案件名称",
    "案件类别",
    "承办单位",
    "承办部门",
    "承办检察官",
    "受理日期",
    "办结日期",
    "是否羁押",
    "认罪认罚",
    "退回补充侦查次数",
    "涉案金额",
    "电子卷宗",
)


def case_row(n: int, **changes: Any) -> dict[str, Any]:
    """A valid case row (canonical column → value), numbered ``n``; keyword changes use column names."""
    row: dict[str, Any] = {
        "部门受案号": f"朝检刑诉受[2025]{n}号",
        "统一受案号": f"11010520250{n:05d}",
        "案件名称": f"张某{n}盗窃案",
        "案件类别": "审查起诉",
        "承办单位": "北京市朝阳区人民检察院",
        "承办部门": "第一检察部",
        "承办检察官": "王检察官",
        "受理日期": "2025-03-01",
        "办结日期": "2025-03-20",
        "是否羁押": "是",
        "认罪认罚": "否",
        "退回补充侦查次数": "0",
        "涉案金额": "5000",
        "电子卷宗": f"卷宗/{n}/起诉意见书.pdf",
    }
    row.update(changes)
    return row


def write_simple_xlsx(path: Path, rows: list[dict[str, Any]], sheet: str = "案件") -> Path:
    """One sheet, canonical header in row 1, one row per dict (columns absent from a dict stay empty)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    columns = list(dict.fromkeys(c for r in rows for c in r)) or list(CANONICAL_COLUMNS)
    ws.append(columns)
    for r in rows:
        ws.append([r.get(c) for c in columns])
    wb.save(path)
    return path


@dataclass
class MessyExport:
    """A messy workbook and what a correct import of it finds."""

    path: Path
    good_case_nos: list[str]  # in sheet order, as normalised by the intake
    rejects: set[tuple[str, int, str | None]]  # (sheet, Excel row, header as written or None)
    blank_rows: int
    duplicate_rows: int
    suspects: dict[str, list[str]] = field(default_factory=dict)  # case number → suspect names
    documents: dict[str, list[str]] = field(default_factory=dict)  # case number → document titles
    unknown_columns: dict[str, list[str]] = field(default_factory=dict)


# The messy header: aliases, stray and full-width spaces, a full-width bracket, an unknown column.
MESSY_HEADER = (
    " 部门 受案号 ",  # A key column, with stray spaces
    "案名",  # B alias of 案件名称
    "案件类型",  # C alias of 案件类别
    "承办院",  # D alias of 承办单位
    "办案部门",  # E
    "承办人",  # F
    "受理时间",  # G alias of 受理日期
    "办结\u3000日期",  # H full-width space inside
    "羁押状态",  # I
    "认罪认罚",  # J
    "退查次数",  # K
    "涉案金额（元）",  # L full-width brackets
    "电子卷宗",  # M
    "备注",  # N unknown: kept as extra
)
CASES_SHEET = "案件信息"
SUSPECTS_SHEET = "犯罪嫌疑人"
DOCUMENTS_SHEET = "文书"


def _case(no: str, name: str, **kw: Any) -> list[Any]:
    base: dict[str, Any] = {
        "type": "审查起诉",
        "unit": "北京市朝阳区人民检察院",
        "dept": "第一检察部",
        "pros": "李检察官",
        "acc": "2025-03-01",
        "closed": "",
        "det": "是",
        "plea": "否",
        "ret": 0,
        "amount": "",
        "dossier": "",
        "note": "",
    }
    base.update(kw)
    keys = ("type", "unit", "dept", "pros", "acc", "closed", "det", "plea", "ret", "amount", "dossier", "note")
    return [no, name, *(base[k] for k in keys)]


def write_messy_xlsx(folder: Path, name: str = "messy_export.xlsx") -> MessyExport:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = CASES_SHEET
    ws.append(["北京市朝阳区人民检察院 案件信息导出"])  # row 1, merged over the header width
    ws.merge_cells("A1:N1")
    ws.append(["导出时间：2025-06-01 10:00", None, None, "操作人：管理员"])  # row 2
    ws.append([])  # row 3
    ws.append(list(MESSY_HEADER))  # row 4
    k1, k2, k3, k4 = "朝检刑诉受[2025]1号", "朝检刑诉受[2025]2号", "朝检/2025/3", "朝检刑诉受[2025]4号"
    rows: list[list[Any]] = [
        # 5: typed date cells, decimal amount, unknown column value
        _case(
            k1,
            "张三盗窃案",
            acc=datetime(2025, 3, 1, 9, 30),
            closed=date(2025, 3, 28),
            amount=12345.5,
            note="重点案件",
            dossier="卷宗/1/起诉书.pdf；卷宗/1/审查报告.docx",
        ),
        # 6: 年月日 date, full-width digits, 万元
        _case(k2, "李四诈骗案", acc="2025年3月2日", closed="2025/4/1", ret="１", amount="1.5万元", det="否"),
        [],  # 7: blank
        # 8: Excel serial number, yyyymmdd text, √ and full-width key digits
        _case("朝检/２０２５/３", "王五故意伤害案", acc=45717, closed="20250415", det="√", plea="Y", amount="3,000元"),
        [],  # 9: exact duplicate of row 5 (filled below)
        _case("朝检刑诉受[2025]10号", "坏日期案", acc="2025-02-30"),  # 10: no such day
        _case("朝检刑诉受[2025]11号", "坏类别案", type="刑事"),  # 11: unknown case type
        _case("朝检刑诉受[2025]12号", "", acc="2025.3.5"),  # 12: required 案名 missing
        _case("朝检刑诉受[2025]13号", "退查过多案", ret=12),  # 13: returns outside 0–9
        _case(k2, "李四诈骗案（另一行）", acc="2025-03-02"),  # 14: same key as row 6, different content
        # 15: full-width date with time, full-width key
        _case("朝检刑诉受［２０２５］４号", "赵六危险驾驶案", acc="２０２５－０３－０４ 10:30", det="未羁押"),
        ["  ", "", " "],  # 16: whitespace only = blank
        _case("朝检刑诉受[2025]17号", "两处错误案", acc="昨天", det="也许"),  # 17: two bad cells
    ]
    rows[4] = list(rows[0])
    for r in rows:
        ws.append(r)

    sus = wb.create_sheet(SUSPECTS_SHEET)
    sus.append(["部门受案号", "姓名", "性别", "出生日期", "作案时年龄", "是否羁押", "强制措施", "户籍地"])  # 1
    sus.append([k1, "张三", "男", "1990-01-01", "35", "羁押", "逮捕", "北京"])  # 2
    sus.append([None, "张三之弟", "男", "1995/5/5", 30, "否", "取保候审", "北京"])  # 3: key merged with row 2
    sus.merge_cells("A2:A3")
    sus.append(["朝检刑诉受[2025]99号", "无案人", "女", "", "", "", "", ""])  # 4: no such case
    sus.append(["朝检刑诉受[2025]10号", "坏案人", "男", "", "", "", "", ""])  # 5: its case was rejected
    sus.append([k3, "王五", "男", "2008-02-01", "十七", "是", "", ""])  # 6: age not a number
    sus.append([k4, "赵六", "男", "1988年8月8日", "36岁", "未羁押", "取保候审", ""])  # 7

    docs = wb.create_sheet(DOCUMENTS_SHEET)
    docs.append(["受案号", "文书名称", "文件路径"])  # 1 (alias of the key)
    docs.append([k1, "起诉书", "文书/起诉书.pdf"])  # 2
    docs.append([k3, "审查报告", "文书\\王五\\审查报告.docx"])  # 3
    docs.append([k3, "", "文书/无名.pdf"])  # 4: 文书名称 missing
    path = folder / name
    wb.save(path)

    return MessyExport(
        path=path,
        good_case_nos=[k1, k2, k3, "朝检刑诉受[2025]4号"],
        rejects={
            (CASES_SHEET, 10, "受理时间"),
            (CASES_SHEET, 11, "案件类型"),
            (CASES_SHEET, 12, "案名"),
            (CASES_SHEET, 13, "退查次数"),
            (CASES_SHEET, 14, " 部门 受案号 ".strip()),
            (CASES_SHEET, 17, "受理时间"),
            (CASES_SHEET, 17, "羁押状态"),
            (SUSPECTS_SHEET, 4, "部门受案号"),
            (SUSPECTS_SHEET, 5, "部门受案号"),
            (SUSPECTS_SHEET, 6, "作案时年龄"),
            (DOCUMENTS_SHEET, 4, "文书名称"),
        },
        blank_rows=2,
        duplicate_rows=1,
        # 王五 (row 6) is rejected for his age, so case 3 has no suspect.
        suspects={k1: ["张三", "张三之弟"], k4: ["赵六"]},
        documents={k1: ["起诉书"], k3: ["审查报告"]},
        unknown_columns={CASES_SHEET: ["备注"], SUSPECTS_SHEET: ["户籍地"]},
    )


def csv_rows() -> list[list[str]]:
    """Text rows of a CSV export: a title line, the header, good, blank, duplicate and bad rows."""
    header = [
        "部门受案号",
        "案件名称",
        "案件类别",
        "承办单位",
        "承办部门",
        "承办检察官",
        "受理日期",
        "办结日期",
        "认罪认罚",
        "涉案金额",
        "备注",
    ]
    good = [
        [
            "朝检刑诉受[2025]1号",
            "张三盗窃案",
            "审查起诉",
            "朝阳区院",
            "第一检察部",
            "王检",
            "2025/3/1",
            "2025/3/20",
            "是",
            "1,200元",
            "已归档",
        ],
        [
            "朝检刑诉受[2025]2号",
            "李四诈骗案",
            "审查逮捕",
            "朝阳区院",
            "第二检察部",
            "刘检",
            "２０２５年３月２日",
            "",
            "否",
            "2万元",
            "",
        ],
    ]
    return [
        ["案件信息导出（2025年6月）"],
        header,
        good[0],
        [],
        good[1],
        list(good[0]),
        ["朝检刑诉受[2025]3号", "坏案", "审查起诉", "朝阳区院", "第一检察部", "王检", "2025-13-01", "", "", "", ""],
    ]


def write_csv_twins(folder: Path) -> tuple[Path, Path]:
    """The same rows as UTF-8 with BOM and as GB18030 (what Excel on a Chinese Windows saves)."""
    paths = (folder / "export_utf8.csv", folder / "export_gb18030.csv")
    for path, encoding in zip(paths, ("utf-8-sig", "gb18030"), strict=True):
        with path.open("w", encoding=encoding, newline="") as fh:
            csv.writer(fh).writerows(csv_rows())
    return paths


def fixture_path(name: str) -> Path:
    return FIXTURES / name


def write_xls_fixture(path: Path) -> Path:
    """Regenerate tests/fixtures/intake/small_export.xls (needs xlwt, which only writes the fixture)."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("案件")
    sheet.write_merge(0, 0, 0, 6, "案件信息导出")
    header = ["部门受案号", "案件名称", "案件类别", "承办单位", "承办部门", "承办检察官", "受理日期"]
    for col, text in enumerate(header):
        sheet.write(1, col, text)
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    rows: list[list[Any]] = [
        ["朝检刑诉受[2025]1号", "张三盗窃案", "审查起诉", "朝阳区院", "第一检察部", "王检", date(2025, 3, 1)],
        [20250002, "李四诈骗案", "审查逮捕", "朝阳区院", "第二检察部", "刘检", "2025年3月2日"],
        ["朝检刑诉受[2025]3号", "坏案", "侦查", "朝阳区院", "第一检察部", "王检", "2025-03-03"],
    ]
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values):
            sheet.write(r, c, value, date_style if isinstance(value, date) else xlwt.Style.default_style)
    book.save(str(path))
    return path


def write_broken_files(folder: Path) -> dict[str, Path]:
    """One file per whole-file problem, keyed by the FileProblem value the intake must report."""
    out: dict[str, Path] = {}
    rnd = random.Random(20250301)

    random_bytes = folder / "random.xlsx"
    random_bytes.write_bytes(bytes(rnd.randrange(1, 256) for _ in range(4096)))
    out["not_a_workbook"] = random_bytes

    renamed = folder / "notes.xlsx"
    renamed.write_text("这不是表格，是一份笔记。\n", encoding="utf-8")
    out["not_a_workbook:text"] = renamed

    good = write_simple_xlsx(folder / "whole.xlsx", [case_row(i) for i in range(1, 40)])
    data = good.read_bytes()
    truncated = folder / "truncated.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    out["damaged"] = truncated

    empty = folder / "empty.xlsx"
    empty.write_bytes(b"")
    out["empty"] = empty

    empty_book = folder / "empty_workbook.xlsx"
    wb = Workbook()
    wb.save(empty_book)
    out["empty:workbook"] = empty_book

    no_key = folder / "no_key.xlsx"
    write_simple_xlsx(no_key, [{"案件名称": "张三盗窃案", "受理日期": "2025-03-01"}])
    out["no_key_column"] = no_key

    encrypted = folder / "encrypted.xlsx"
    shutil.copyfile(fixture_path("encrypted.xlsx"), encrypted)
    out["encrypted"] = encrypted

    utf16 = folder / "utf16.csv"
    utf16.write_bytes("部门受案号,案件名称\n".encode("utf-16-le"))  # no byte-order mark: its order is not guessed
    out["unsupported_encoding"] = utf16
    good.unlink()
    return out


@pytest.fixture(scope="module")
def english_ui() -> Iterator[None]:
    """Run a test module in the source language, so reasons can be matched on their English text."""
    before = current_language()
    set_language("en")
    yield
    set_language(before)
