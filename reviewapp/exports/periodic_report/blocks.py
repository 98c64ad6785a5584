"""The periodic report as GB/T 9704 layout blocks (exports/layout.py), shared by the PDF and the DOCX.

A chart holds CHART_LINES grid lines: it is a block of placeholder text in a style of its own (so the
paginator keeps it whole and with its caption); the writers draw the chart where those lines landed and
never the placeholder text.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewapp.exports.layout import (
    BODY,
    HEADING1,
    HEADING2,
    SIGNATURE,
    SMALL_SIZE,
    TITLE,
    Block,
    PageBreak,
    Style,
)
from reviewapp.exports.periodic_report.model import Chart, Heading, Paragraph, PeriodicDocument

CHART_LINES = 9
CAPTION = Style(size=SMALL_SIZE, align="center", first_indent=0, keep_together=True)
SIGNED = Style(align="right", first_indent=0, right_indent=4, keep_with_next=True, space_before=2)
NOTE = Style(keep_with_next=True)
SPACED_TITLE = Style(role="title", size=22.0, align="center", first_indent=0, space_before=1)
PLACEHOLDER = "国"  # one full cell per character: CHART_LINES × 28 of them fill the lines


@dataclass(frozen=True)
class ChartSlot:
    chart: Chart
    style: Style  # the placeholder block's own style object: identifies its lines after pagination


def document_blocks(doc: PeriodicDocument) -> tuple[list[Block | PageBreak], dict[int, ChartSlot]]:
    """The narrative as blocks (the appendix table is drawn by each writer), and the chart slots by the id of
    their placeholder style."""
    blocks: list[Block | PageBreak] = [Block(doc.procuratorate, TITLE), Block(doc.title, SPACED_TITLE)]
    slots: dict[int, ChartSlot] = {}
    first = True
    for item in doc.items:
        if isinstance(item, Heading):
            style = HEADING1 if item.level == 1 else HEADING2
            if first:
                style = Style(role=style.role, keep_with_next=True, space_before=1)
            blocks.append(Block(item.text, style))
        elif isinstance(item, Paragraph):
            blocks.append(Block(item.text, BODY))
        elif isinstance(item, Chart):
            # A distinct colour value makes each placeholder style a distinct object and value.
            style = Style(
                first_indent=0, align="left", keep_together=True, keep_with_next=True, color=f"#0000{len(slots):02x}"
            )
            slots[id(style)] = ChartSlot(item, style)
            blocks.append(Block(PLACEHOLDER * (28 * CHART_LINES), style))
            blocks.append(Block(item.caption, CAPTION))
        first = False
    if doc.note:
        blocks.append(Block(doc.note, NOTE))
    blocks.append(Block(doc.issuer, SIGNED))
    blocks.append(Block(doc.date_text, SIGNATURE))
    return blocks, slots
