"""评查流转单 (routing sheet of a review file) as a GB/T 9704 PDF: the file's identification and every step
of its workflow with who and when (review-rules.md §1 step 13 and "every transition is recorded with who
and when"), then the rectification of its notices.

Like the notice and the report it is a Chinese document whatever the UI language, so its fixed wording is
Chinese template text; the same fonts and line grid as the notice (exports/layout.py).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from reviewapp.exports.documents import cn_date, sentence
from reviewapp.exports.fonts import RegisteredFonts, register_fonts
from reviewapp.exports.layout import BODY, HEADING1, SIGNATURE, TITLE, Block, PageBreak, Style, render_pdf

ROUTING_TITLE = "评查流转单"
FIELD = Style(first_indent=0, keep_together=True)
FIRST_FIELD = Style(first_indent=0, keep_together=True, space_before=1)
STEP = Style(keep_together=True)
SPACED_SIGNATURE = Style(align="right", first_indent=0, right_indent=4, keep_with_next=True, space_before=2)


@dataclass(frozen=True)
class RoutingStep:
    at: datetime  # local time
    step: str  # 立卷（取得评查受案号）, 提交评查意见 …
    actor: str  # 办理人
    subject: str = ""  # whose review, for a member's step (评查员 张三)
    change: str = ""  # 评查中 → 合议中, "" when no status changes
    note: str = ""  # the reason written with the step


@dataclass(frozen=True)
class RoutingRectification:
    notice_no: str
    issued_on: date
    due_on: date
    status: str  # 待整改 / 整改中 / 已整改 / 逾期
    report_received_on: date | None = None
    rechecked_on: date | None = None
    recheck_passed: bool | None = None
    recheck_note: str = ""
    overdue_on: date | None = None


@dataclass(frozen=True)
class RoutingSheetData:
    procuratorate: str
    file_no: str  # 评查受案号
    case_name: str
    dept_case_no: str  # 部门受案号
    handling_unit: str
    handling_department: str
    prosecutor: str
    review_type: str  # 评查类别
    members: list[str]  # 评查组成员, the first is the 主评查员
    status: str  # current status, Chinese
    steps: list[RoutingStep]
    rectifications: list[RoutingRectification] = field(default_factory=list)
    made_on: date | None = None  # 制表日期
    audit_mark: str = ""


def _when(at: datetime) -> str:
    return f"{cn_date(at.date())}{at.hour}时{at.minute:02d}分"


def _step_text(n: int, st: RoutingStep) -> str:
    text = f"{n}．{_when(st.at)}，{st.step}"
    if st.subject:
        text += f"（{st.subject}）"
    text += f"。办理人：{st.actor or '（未记录）'}。"
    if st.change:
        text += f"状态：{st.change}。"
    if st.note.strip():
        text += "说明：" + sentence(st.note)
    return text


def _rectification_text(n: int, r: RoutingRectification) -> str:
    text = (
        f"{n}．整改通知书{r.notice_no}，{cn_date(r.issued_on)}制发，整改期限至{cn_date(r.due_on)}，"
        f"当前状态：{r.status}。"
    )
    if r.report_received_on is not None:
        text += f"{cn_date(r.report_received_on)}收到书面整改报告。"
    if r.overdue_on is not None:
        text += f"{cn_date(r.overdue_on)}逾期未回复。"
    if r.rechecked_on is not None:
        verdict = "通过" if r.recheck_passed else "未通过"
        text += f"{cn_date(r.rechecked_on)}复查{verdict}。"
        if r.recheck_note.strip():
            text += "复查意见：" + sentence(r.recheck_note)
    return text


def routing_blocks(data: RoutingSheetData) -> list[Block | PageBreak]:
    """The routing sheet as layout blocks, in reading order."""
    blocks: list[Block | PageBreak] = [Block(data.procuratorate, TITLE), Block(ROUTING_TITLE, TITLE)]
    header = [
        ("评查受案号", data.file_no),
        ("案件名称", data.case_name),
        ("部门受案号", data.dept_case_no),
        ("承办单位", data.handling_unit),
        ("承办部门及承办人", f"{data.handling_department} {data.prosecutor}".strip()),
        ("评查类别", data.review_type),
        ("评查组成员", "、".join(data.members) or "（无）"),
        ("当前状态", data.status),
    ]
    for i, (label, value) in enumerate(header):
        blocks.append(Block(f"{label}：{value}", FIRST_FIELD if i == 0 else FIELD))
    blocks.append(Block("一、流转记录", HEADING1))
    if not data.steps:
        blocks.append(Block("无。"))
    for n, st in enumerate(data.steps, start=1):
        blocks.append(Block(_step_text(n, st), STEP))
    blocks.append(Block("二、整改情况", HEADING1))
    if not data.rectifications:
        blocks.append(Block("尚未制发整改通知书。", BODY))
    for n, r in enumerate(data.rectifications, start=1):
        blocks.append(Block(_rectification_text(n, r), STEP))
    if data.made_on is not None:
        blocks.append(Block("制表：案件管理部门", SPACED_SIGNATURE))
        blocks.append(Block(cn_date(data.made_on), SIGNATURE))
    return blocks


def _render(data: RoutingSheetData, target: Path | io.BytesIO, fonts: RegisteredFonts | None) -> int:
    return render_pdf(
        target,
        [routing_blocks(data)],
        fonts if fonts is not None else register_fonts(),
        title=f"{data.case_name}{ROUTING_TITLE}（{data.file_no}）",
        author=data.procuratorate,
        subject=ROUTING_TITLE,
        marks=[data.audit_mark],
    )[0]


def write_routing_sheet_pdf(data: RoutingSheetData, path: Path, fonts: RegisteredFonts | None = None) -> int:
    """Write the routing sheet to ``path``; returns its page count."""
    return _render(data, path, fonts)


def routing_sheet_pdf_bytes(data: RoutingSheetData, fonts: RegisteredFonts | None = None) -> bytes:
    buf = io.BytesIO()
    _render(data, buf, fonts)
    return buf.getvalue()
