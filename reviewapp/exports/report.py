"""个案评查报告 / 评查意见书 (case review report) as a GB/T 9704 PDF, in the six parts of review-rules §6.

Like the notice, the report is an official Chinese document whatever the UI language, so its fixed
wording is Chinese template text.
"""

from __future__ import annotations

import io
from pathlib import Path

from reviewapp.exports.documents import ReportData, cn_date, cn_numeral, sentence
from reviewapp.exports.fonts import RegisteredFonts, register_fonts
from reviewapp.exports.layout import (
    BODY,
    HEADING1,
    HEADING2,
    SIGNATURE,
    TITLE,
    Block,
    PageBreak,
    Style,
    render_pdf,
)

NO_PROBLEM = "未发现问题。"
NOTHING = "无。"
HEADER_FIELD = Style(keep_together=True)
FIRST_HEADER_FIELD = Style(keep_together=True, space_before=1)
ITEM = Style(keep_together=True)
LAST_PARAGRAPH = Style(keep_with_next=True)
SIGNED = Style(align="right", first_indent=0, right_indent=4, keep_with_next=True, space_before=2)
DETERMINED = Style(first_indent=0, align="left", keep_together=True)
FIRST_DETERMINED = Style(first_indent=0, align="left", keep_together=True, space_before=1)


def _paragraphs(texts: list[str], style: Style = BODY) -> list[Block]:
    return [Block(sentence(t), style) for t in texts if t.strip()] or [Block(NOTHING, style)]


def report_blocks(data: ReportData) -> list[Block | PageBreak]:
    """The report as layout blocks, in reading order."""
    blocks: list[Block | PageBreak] = [Block(data.procuratorate, TITLE), Block(data.title, TITLE)]
    header = [
        ("评查受案号", data.review_no),
        ("案件名称", data.case_name),
        ("承办单位", data.handling_unit),
        ("承办部门及承办人", f"{data.handling_department} {data.prosecutor}"),
        ("评查类别", data.review_type),
    ]
    for i, (label, value) in enumerate(header):
        blocks.append(Block(f"{label}：{value}", FIRST_HEADER_FIELD if i == 0 else HEADER_FIELD))
    blocks.append(Block("一、被评查案件基本情况", HEADING1))
    blocks.extend(_paragraphs(data.basic_facts))
    blocks.append(Block("二、评查工作开展情况", HEADING1))
    blocks.extend(_paragraphs(data.review_work))
    blocks.append(Block("三、评查发现的问题", HEADING1))
    for i, dim in enumerate(data.dimensions, start=1):
        blocks.append(Block(f"（{cn_numeral(i)}）{dim.name}", HEADING2))
        if not dim.findings:
            blocks.append(Block(NO_PROBLEM))
        for n, finding in enumerate(dim.findings, start=1):
            blocks.append(Block(f"{n}．{sentence(finding)}", ITEM))
    blocks.append(Block("四、评查小组联席会议情况", HEADING1))
    blocks.extend(_paragraphs(data.joint_meeting))
    blocks.append(Block("五、等次建议及评定依据", HEADING1))
    blocks.append(Block(f"等次建议：{data.grade_proposal}。"))
    blocks.extend(_paragraphs(data.grade_basis))
    blocks.append(Block("六、其他", HEADING1))
    others = _paragraphs(data.other)
    others[-1] = Block(others[-1].text, LAST_PARAGRAPH)  # the signature never stands alone on a page
    blocks.extend(others)
    blocks.append(Block(f"评查员：{data.reviewer}", SIGNED))
    blocks.append(Block(cn_date(data.signed_on), SIGNATURE))
    for i, line in enumerate(data.determination):
        blocks.append(Block(line, FIRST_DETERMINED if i == 0 else DETERMINED))
    return blocks


def _resolve(fonts: RegisteredFonts | None) -> RegisteredFonts:
    return fonts if fonts is not None else register_fonts()


def _render(data: ReportData, target: Path | io.BytesIO, fonts: RegisteredFonts | None) -> int:
    return render_pdf(
        target,
        [report_blocks(data)],
        _resolve(fonts),
        title=f"{data.case_name}{data.title}（{data.review_no}）",
        author=data.reviewer,
        subject=data.title,
        marks=[data.audit_mark],
    )[0]


def write_report_pdf(data: ReportData, path: Path, fonts: RegisteredFonts | None = None) -> int:
    """Write the report to ``path``; returns its page count."""
    return _render(data, path, fonts)


def report_pdf_bytes(data: ReportData, fonts: RegisteredFonts | None = None) -> bytes:
    """The report PDF in memory (for previews)."""
    buf = io.BytesIO()
    _render(data, buf, fonts)
    return buf.getvalue()
