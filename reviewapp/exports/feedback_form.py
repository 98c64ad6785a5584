"""The offline feedback form (评查意见反馈表): the opinion as an Excel workbook the handling prosecutor fills in,
with a PDF of the same content to print, sign and answer on paper; and reading the workbook back.

The form is an official Chinese document whatever the UI language (like the notice and the report), so its
sheet names, headers and fixed wording are Chinese. Answers are 同意 / 异议 (also accepted: accept / object).
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from reviewapp.exports.cell_safety import save_workbook
from reviewapp.exports.fonts import RegisteredFonts, register_fonts
from reviewapp.exports.layout import BODY, HEADING1, SIGNATURE, TITLE, Block, Style, render_pdf
from reviewapp.i18n import translate

COVER_SHEET = "封面"
ANSWER_SHEET = "反馈意见"
COVER_FIELDS = (
    "评查受案号",
    "部门受案号",
    "案件名称",
    "承办检察官",
    "评查等次",
    "送达日期",
    "反馈截止日期",
    "反馈日期",
)
COLUMNS = (
    "序号",
    "问题编号",
    "检查项",
    "评查项内容",
    "维度",
    "问题等级",
    "评查理由",
    "卷宗位置",
    "意见（同意/异议）",
    "异议理由",
    "附件（文件名，以；分隔）",
)
FILLED = ("意见（同意/异议）", "异议理由", "附件（文件名，以；分隔）")
ANSWER_WORDS = {"同意": True, "无异议": True, "accept": True, "异议": False, "有异议": False, "object": False}
_FILL = PatternFill("solid", fgColor="FFF2CC")
_WIDTHS = {"评查项内容": 40, "评查理由": 40, "卷宗位置": 22, "异议理由": 40, "附件（文件名，以；分隔）": 26}
ITEM = Style(keep_together=True)
LABEL = Style(first_indent=0, keep_together=True)


@dataclass(frozen=True)
class FormRow:
    finding_id: int
    item_code: str
    item_text: str
    dimension: str
    severity: str
    reason: str
    evidence: str


@dataclass(frozen=True)
class FormCover:
    file_no: str
    dept_case_no: str
    case_name: str
    prosecutor: str
    grade: str
    sent_on: date | None
    due_on: date | None


@dataclass(frozen=True)
class ReadReject:
    sheet: str
    row: int | None
    column: str | None
    reason: str


@dataclass(frozen=True)
class ReadAnswer:
    row: int
    finding_id: int
    accept: bool
    reason: str
    attachments: tuple[str, ...]


@dataclass(frozen=True)
class ReadForm:
    cover: dict[str, str]
    answered_on: date | None
    answers: tuple[ReadAnswer, ...]
    rejects: tuple[ReadReject, ...]


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


def write_feedback_xlsx(cover: FormCover, rows: list[FormRow], path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new Workbook always has one sheet
    sheet.title = COVER_SHEET
    values = (
        cover.file_no,
        cover.dept_case_no,
        cover.case_name,
        cover.prosecutor,
        cover.grade,
        _day(cover.sent_on),
        _day(cover.due_on),
        "",
    )
    sheet.append(["项目", "内容"])
    for name, value in zip(COVER_FIELDS, values, strict=True):
        sheet.append([name, value])
    sheet.cell(row=len(COVER_FIELDS) + 1, column=2).fill = _FILL
    sheet.append([])
    sheet.append(
        ["填写说明", "请在“反馈意见”表逐项填写同意或异议；提出异议的须写明理由，附件放在本表同一文件夹并填写文件名。"]
    )
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 60
    form = book.create_sheet(ANSWER_SHEET)
    form.append(list(COLUMNS))
    for cell in form[1]:
        cell.font = Font(bold=True)
    answer_dv = DataValidation(type="list", formula1='"同意,异议"', allow_blank=True, showErrorMessage=True)
    form.add_data_validation(answer_dv)
    for n, r in enumerate(rows, start=1):
        form.append(
            [n, r.finding_id, r.item_code, r.item_text, r.dimension, r.severity, r.reason, r.evidence, "", "", ""]
        )
        row_no = n + 1
        for name in FILLED:
            form.cell(row=row_no, column=COLUMNS.index(name) + 1).fill = _FILL
        answer_dv.add(form.cell(row=row_no, column=COLUMNS.index(FILLED[0]) + 1))
    for i, name in enumerate(COLUMNS, start=1):
        form.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(name, 12)
        for row in form.iter_rows(min_row=2, min_col=i, max_col=i):
            row[0].alignment = Alignment(wrap_text=True, vertical="top")
    save_workbook(book, Path(path))  # case texts neutralised against formula injection (cell_safety.py)


def feedback_blocks(procuratorate: str, cover: FormCover, rows: list[FormRow]) -> list[Block]:
    blocks = [Block(procuratorate, TITLE), Block("评查意见反馈表", TITLE)]
    header = list(
        zip(
            COVER_FIELDS[:-1],
            (
                cover.file_no,
                cover.dept_case_no,
                cover.case_name,
                cover.prosecutor,
                cover.grade,
                _day(cover.sent_on),
                _day(cover.due_on),
            ),
            strict=True,
        )
    )
    blocks.extend(Block(f"{k}：{v}", LABEL) for k, v in header)
    blocks.append(Block("一、评查发现的问题及反馈意见", HEADING1))
    if not rows:
        blocks.append(Block("评查未发现问题；对评查等次有异议的，请书面说明理由。"))
    for n, r in enumerate(rows, start=1):
        text = f"{n}．〔{r.dimension}〕{r.item_code} {r.item_text}（{r.severity}）：{r.reason}"
        if r.evidence:
            text += f"（{r.evidence}）"
        blocks.append(Block(text, ITEM))
        blocks.append(Block("意见：□同意　□异议　　异议理由：＿＿＿＿＿＿＿＿＿＿＿＿＿＿", ITEM))
    blocks.append(Block("二、说明", HEADING1))
    blocks.append(Block(f"请于{_day(cover.due_on)}前反馈；逾期未反馈的，记录为“无异议（无反馈意见）”。", BODY))
    blocks.append(Block("承办检察官（签名）：　　　　　　日期：　　年　　月　　日", SIGNATURE))
    return blocks


def write_feedback_pdf(
    procuratorate: str, cover: FormCover, rows: list[FormRow], path: Path, fonts: RegisteredFonts | None = None
) -> None:
    render_pdf(
        path,
        [feedback_blocks(procuratorate, cover, rows)],
        fonts or register_fonts(),
        title=f"评查意见反馈表（{cover.file_no}）",
        author=procuratorate,
        subject="评查意见反馈表",
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class FormUnreadable(Exception):
    """The file is not a feedback form workbook (the service turns it into its known error)."""


def read_feedback_xlsx(path: Path) -> ReadForm:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            book = load_workbook(path, data_only=True)
    except (OSError, InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise FormUnreadable(str(exc)) from exc
    if COVER_SHEET not in book.sheetnames or ANSWER_SHEET not in book.sheetnames:
        raise FormUnreadable(f"sheets {COVER_SHEET} and {ANSWER_SHEET} are needed")
    rejects: list[ReadReject] = []
    cover: dict[str, str] = {}
    rows_of: dict[str, int] = {}
    for row_no, row in enumerate(book[COVER_SHEET].iter_rows(values_only=True), start=1):
        if row and row[0] is not None:
            cover[_text(row[0])] = _text(row[1] if len(row) > 1 else None)
            rows_of[_text(row[0])] = row_no
    answered_on = None
    if cover.get("反馈日期"):
        try:
            answered_on = date.fromisoformat(cover["反馈日期"][:10])
        except ValueError:
            rejects.append(
                ReadReject(
                    COVER_SHEET,
                    rows_of["反馈日期"],
                    "内容",
                    translate("FeedbackForm", "反馈日期 must be a date (YYYY-MM-DD)"),
                )
            )
    sheet = book[ANSWER_SHEET]
    header = [_text(c) for c in next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())]
    missing = [c for c in ("问题编号", *FILLED) if c not in header]
    if missing:
        raise FormUnreadable(f"{ANSWER_SHEET}: missing columns {'、'.join(missing)}")
    col = {name: header.index(name) for name in header if name}
    answers: list[ReadAnswer] = []
    for row_no, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        cells = [_text(v) for v in row]
        if not any(cells):
            continue

        def get(name: str, cells: list[str] = cells) -> str:
            i = col[name]
            return cells[i] if i < len(cells) else ""

        try:
            finding_id = int(get("问题编号"))
        except ValueError:
            rejects.append(
                ReadReject(
                    ANSWER_SHEET, row_no, "问题编号", translate("FeedbackForm", "not a finding number of this opinion")
                )
            )
            continue
        word = get(FILLED[0])
        if word not in ANSWER_WORDS:
            why = (
                translate("FeedbackForm", "empty: write 同意 or 异议")
                if not word
                else translate("FeedbackForm", "{value} is neither 同意 nor 异议").format(value=word)
            )
            rejects.append(ReadReject(ANSWER_SHEET, row_no, FILLED[0], why))
            continue
        accept = ANSWER_WORDS[word]
        reason = get(FILLED[1])
        if not accept and not reason:
            rejects.append(
                ReadReject(ANSWER_SHEET, row_no, FILLED[1], translate("FeedbackForm", "an objection needs a reason"))
            )
            continue
        files = tuple(p.strip() for p in get(FILLED[2]).replace(";", "；").split("；") if p.strip())
        answers.append(ReadAnswer(row_no, finding_id, accept, reason, files))
    return ReadForm(cover, answered_on, tuple(answers), tuple(rejects))
