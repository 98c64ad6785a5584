"""The periodic report as a PDF in the notices' official layout (GB/T 9704-2012, exports/layout.py).

The narrative pages are the notices' pages: the same grid, fonts, margins and "— N —" page numbers; charts
are reportlab drawings placed on the grid lines their slot holds. The appendix 评查发现问题案件列表 follows on
new pages as a ruled table (reportlab platypus) inside the same text block, its header row repeated on every
page, page numbers continuing.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor, black
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Spacer, TableStyle
from reportlab.platypus import Paragraph as PPara
from reportlab.platypus import Table as PTable

from reviewapp.exports.fonts import RegisteredFonts, register_fonts
from reviewapp.exports.layout import (
    BLOCK_HEIGHT,
    BLOCK_WIDTH,
    LINE_PITCH,
    MARGIN_LEFT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    Page,
    baseline,
    draw_page_number,
    new_canvas,
    paginate,
)
from reviewapp.exports.periodic_report.blocks import ChartSlot, document_blocks
from reviewapp.exports.periodic_report.charts import chart_drawing, draw_chart
from reviewapp.exports.periodic_report.model import PeriodicDocument, Table

TABLE_SIZE = 10.5  # 五号
TABLE_LEADING = 14.0
APPENDIX_TITLE_SIZE = 16.0


def _draw_page(canvas: Canvas, page: Page, slots: dict[int, ChartSlot], fonts: RegisteredFonts) -> None:
    drawn: set[int] = set()
    for row, pl in enumerate(page.lines):
        if pl is None or not pl.line.text:
            continue
        slot = slots.get(id(pl.style))
        if slot is not None:
            if id(pl.style) not in drawn:  # the first of its lines on this page: the chart spans them all
                drawn.add(id(pl.style))
                rows = sum(1 for x in page.lines if x is not None and x.style is pl.style)
                height = rows * LINE_PITCH
                top = PAGE_HEIGHT - MARGIN_TOP - row * LINE_PITCH
                draw_chart(
                    canvas, chart_drawing(slot.chart, BLOCK_WIDTH, height, fonts), MARGIN_LEFT, top - height, fonts
                )
            continue
        canvas.setFont(fonts.name(pl.style.role), pl.style.size)
        canvas.setFillColor(HexColor(pl.style.color or "#000000"))
        canvas.drawString(pl.x, baseline(row, pl.style.size), pl.line.text, charSpace=pl.char_space)
    canvas.setFillColor(black)


def _cell(text: str, style: ParagraphStyle) -> PPara:
    return PPara(escape(text).replace("\n", "<br/>"), style)


def table_flowables(table: Table, fonts: RegisteredFonts) -> list[Flowable]:
    title = ParagraphStyle("t", fontName=fonts.heading, fontSize=APPENDIX_TITLE_SIZE, leading=LINE_PITCH)
    body = ParagraphStyle("c", fontName=fonts.body, fontSize=TABLE_SIZE, leading=TABLE_LEADING, wordWrap="CJK")
    head = ParagraphStyle("h", parent=body, fontName=fonts.heading, alignment=1)
    out: list[Flowable] = [PPara(escape(table.title), title), Spacer(1, LINE_PITCH / 2)]
    if not table.rows:
        return [*out, PPara(escape(table.empty), body)]
    total = sum(table.widths)
    widths = [BLOCK_WIDTH * w / total for w in table.widths]
    data = [[_cell(h, head) for h in table.headers]] + [[_cell(v, body) for v in row] for row in table.rows]
    grid = PTable(data, colWidths=widths, repeatRows=1, splitByRow=1)
    grid.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.body, TABLE_SIZE),  # not the Helvetica default
                ("GRID", (0, 0), (-1, -1), 0.5, black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [*out, grid]


def _fill(frame: Frame, story: list[Flowable], canvas: Canvas) -> None:
    """Put as much of ``story`` on the frame as fits, splitting the table between rows (Frame.addFromList
    never splits); what is left stays in ``story`` for the next page."""
    while story:
        head = story[0]
        if frame.add(head, canvas, trySplit=0):
            story.pop(0)
            continue
        at_top = frame._atTop
        parts = frame.split(head, canvas)
        if len(parts) >= 2 and frame.add(parts[0], canvas, trySplit=0):
            story[0:1] = parts[1:]
        elif at_top:  # nothing of it fits even on an empty page: leave it out rather than loop forever
            story.pop(0)
        return


def _draw_table_pages(canvas: Canvas, table: Table, fonts: RegisteredFonts, first_number: int) -> int:
    """Draw the appendix from a new page; returns how many pages it took."""
    story = table_flowables(table, fonts)
    count = 0
    while story:
        frame = Frame(
            MARGIN_LEFT,
            PAGE_HEIGHT - MARGIN_TOP - BLOCK_HEIGHT,
            BLOCK_WIDTH,
            BLOCK_HEIGHT,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        _fill(frame, story, canvas)
        count += 1
        draw_page_number(canvas, first_number + count - 1, fonts)
        canvas.showPage()
    return count


def render_periodic_pdf(doc: PeriodicDocument, target: Path | io.BytesIO, fonts: RegisteredFonts | None = None) -> int:
    """Draw the report; returns its page count."""
    fonts = fonts or register_fonts()
    blocks, slots = document_blocks(doc)
    pages = paginate(blocks, fonts)
    out = str(target) if isinstance(target, Path) else target
    canvas = new_canvas(out, fonts, title=doc.title, author=doc.issuer, subject=doc.subject or doc.title)
    for number, page in enumerate(pages, start=1):
        _draw_page(canvas, page, slots, fonts)
        draw_page_number(canvas, number, fonts)
        canvas.showPage()
    count = len(pages)
    if doc.appendix is not None:
        count += _draw_table_pages(canvas, doc.appendix, fonts, count + 1)
    canvas.save()
    return count


def write_periodic_pdf(doc: PeriodicDocument, path: Path, fonts: RegisteredFonts | None = None) -> int:
    return render_periodic_pdf(doc, Path(path), fonts)


def periodic_pdf_bytes(doc: PeriodicDocument, fonts: RegisteredFonts | None = None) -> bytes:
    buf = io.BytesIO()
    render_periodic_pdf(doc, buf, fonts)
    return buf.getvalue()
