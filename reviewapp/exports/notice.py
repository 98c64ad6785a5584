"""案件质量问题整改通知书 (rectification notice) as a GB/T 9704 PDF (review-rules §6, modelled on 规则 665).

The document is an official Chinese legal document whatever language the UI runs in, so its fixed wording
is Chinese template text here, not translated UI strings.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from reviewapp.exports.documents import NoticeCase, NoticeData, NoticeProblem, cn_date, cn_numeral, sentence
from reviewapp.exports.fonts import RegisteredFonts, register_fonts
from reviewapp.exports.layout import (
    CC,
    HEADING1,
    HEADING2,
    SIGNATURE,
    TITLE,
    Block,
    PageBreak,
    Style,
    render_pdf,
)

NOTICE_TITLE = "案件质量问题整改通知书"
# Numbered entries keep their few lines on one page, like table rows.
ITEM = Style(keep_together=True)
LEVEL3 = Style(keep_with_next=True)  # "1．证据采信方面" (仿宋, GB/T 9704 third level)
SPACED_TITLE = Style(role="title", size=22.0, align="center", first_indent=0)
SPACED_FLUSH = Style(first_indent=0, space_before=1)
# The signature never stands alone on a page: it keeps with the date and the last body paragraph with it.
SPACED_SIGNATURE = Style(align="right", first_indent=0, right_indent=4, keep_with_next=True, space_before=2)
LAST_PARAGRAPH = Style(keep_with_next=True)
# GB/T 9704 §7.2: the optional red letterhead — 发文机关标志 in red 小标宋, the 发文字号 under it and a red
# separator line 4 mm below the number; the title then follows the line.
RED = "#E60012"
LETTERHEAD = Style(role="title", size=26.0, align="center", first_indent=0, color=RED)
LETTERHEAD_NUMBER = Style(align="center", first_indent=0, space_before=1, rule_below=RED, keep_with_next=True)
TITLE_UNDER_RULE = Style(role="title", size=22.0, align="center", first_indent=0, space_before=1)


def _problem_text(n: int, p: NoticeProblem) -> str:
    text = f"（{n}）{p.item_code} {p.item_text}（{p.severity}）。"
    if p.reason:
        text += "具体问题：" + sentence(p.reason)
    if p.citation:
        text += "卷宗位置：" + sentence(p.citation)
    return text


def _case_problems(case: NoticeCase) -> list[Block]:
    blocks: list[Block] = []
    by_dimension: dict[str, list[NoticeProblem]] = {}
    for p in case.problems:  # callers pass problems in checklist order; grouping keeps it
        by_dimension.setdefault(p.dimension, []).append(p)
    if not by_dimension:
        return [Block("未发现问题。")]
    n = 0
    for d, (dimension, problems) in enumerate(by_dimension.items(), start=1):
        blocks.append(Block(f"{d}．{dimension}方面", LEVEL3))
        for p in problems:
            n += 1
            blocks.append(Block(_problem_text(n, p), ITEM))
    return blocks


def _case_line(case: NoticeCase) -> str:
    grade = f"评定等次：{case.grade}"
    if case.determined_on is not None:
        grade += f"（{cn_date(case.determined_on)}审定）"
    return (
        f"案件名称：{case.case_name}；部门受案号：{case.dept_case_no}；"
        f"评查类别：{case.review_type}；评查受案号：{case.review_no}；{grade}。"
    )


def notice_blocks(data: NoticeData) -> list[Block | PageBreak]:
    """The notice as layout blocks, in reading order."""
    blocks: list[Block | PageBreak] = (
        [
            Block(data.procuratorate, LETTERHEAD),
            Block(data.doc_number, LETTERHEAD_NUMBER),
            Block(NOTICE_TITLE, TITLE_UNDER_RULE),
        ]
        if data.letterhead
        else [
            Block(data.procuratorate, TITLE),
            Block(NOTICE_TITLE, SPACED_TITLE),
            Block(data.doc_number, Style(align="center", first_indent=0, space_before=1)),
        ]
    )
    blocks += [
        Block(f"{data.addressee}：", SPACED_FLUSH),
        Block(
            "本院对下列案件进行了案件质量评查，发现存在案件质量问题。"
            "现将评查结果和发现的问题通知如下，请认真整改并按期书面回复。"
        ),
        Block("一、被评查案件及评定结果", HEADING1),
    ]
    multi = len(data.cases) > 1
    for i, case in enumerate(data.cases, start=1):
        blocks.append(Block((f"（{cn_numeral(i)}）" if multi else "") + _case_line(case), ITEM))
    blocks.append(Block("二、评查发现的问题", HEADING1))
    for i, case in enumerate(data.cases, start=1):
        if multi:
            blocks.append(Block(f"（{cn_numeral(i)}）{case.case_name}（{case.dept_case_no}）", HEADING2))
        blocks.extend(_case_problems(case))
    blocks.append(Block("三、整改要求", HEADING1))
    for i, req in enumerate(data.requirements, start=1):
        blocks.append(Block(f"{i}．{sentence(req)}", ITEM))
    blocks.append(Block("四、整改期限及回复方式", HEADING1))
    blocks.append(
        Block(f"请于{cn_date(data.reply_deadline)}前完成整改，并书面回复整改情况。" + sentence(data.how_to_reply))
    )
    blocks.append(Block("五、异议", HEADING1))
    blocks.append(Block(sentence(data.how_to_object), LAST_PARAGRAPH))
    blocks.append(Block(data.issuer, SPACED_SIGNATURE))
    blocks.append(Block(cn_date(data.issued_on), SIGNATURE))
    if data.cc:
        blocks.append(Block("抄送：" + "，".join(data.cc) + "。", CC))
    return blocks


def _resolve(fonts: RegisteredFonts | None) -> RegisteredFonts:
    return fonts if fonts is not None else register_fonts()


def _meta_title(data: NoticeData) -> str:
    return f"{data.procuratorate}{NOTICE_TITLE}（{data.doc_number}）"


def write_notice_pdf(data: NoticeData, path: Path, fonts: RegisteredFonts | None = None) -> int:
    """Write one notice to ``path``; returns its page count."""
    return render_pdf(
        path,
        [notice_blocks(data)],
        _resolve(fonts),
        title=_meta_title(data),
        author=data.issuer,
        subject=NOTICE_TITLE,
        marks=[data.audit_mark],
    )[0]


def notice_pdf_bytes(data: NoticeData, fonts: RegisteredFonts | None = None) -> bytes:
    """The notice PDF in memory (for previews)."""
    buf = io.BytesIO()
    render_pdf(
        buf,
        [notice_blocks(data)],
        _resolve(fonts),
        title=_meta_title(data),
        author=data.issuer,
        subject=NOTICE_TITLE,
        marks=[data.audit_mark],
    )
    return buf.getvalue()


def write_notices_pdf(
    notices: Sequence[NoticeData], path: Path | io.BytesIO, fonts: RegisteredFonts | None = None
) -> list[int]:
    """Several notices in one PDF (batch export); each starts on a new page and numbers its own pages."""
    if not notices:
        raise ValueError("write_notices_pdf needs at least one notice")
    issuers = list(dict.fromkeys(n.issuer for n in notices))
    return render_pdf(
        path,
        [notice_blocks(n) for n in notices],
        _resolve(fonts),
        title=f"{NOTICE_TITLE}（{len(notices)}份）",
        author="、".join(issuers),
        subject=NOTICE_TITLE,
        marks=[n.audit_mark for n in notices],
    )
