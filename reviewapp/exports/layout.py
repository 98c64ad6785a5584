"""GB/T 9704-2012 page layout on a fixed line grid, drawn straight on a reportlab canvas.

Geometry (GB/T 9704-2012 §5.2): A4 210 × 297 mm, top margin 37 mm, left (binding) margin 28 mm, text block
156 × 225 mm; body 三号 (16 pt) 仿宋, 22 lines × 28 characters per page — so the line pitch is fixed
(≈ 28.95 pt) and the character pitch is 156 mm / 28. Page numbers (§7.5) "— n —" in 四号 (14 pt) 宋体, 7 mm
below the text block, odd pages right and even pages left, each one character in from the edge.

Every line of every size sits on that grid, so body text always lines up with the standard's 22 lines.
Blocks are broken into lines first, then paginated: headings keep with the first two lines of what follows,
``keep_together`` blocks (a problem entry, the signature) move whole to the next page when they do not fit,
and a paragraph never leaves a single first line at the bottom of a page.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from reviewapp.exports.fonts import RegisteredFonts
from reviewapp.exports.linebreak import Line, break_lines

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 37 * mm
MARGIN_LEFT = 28 * mm
BLOCK_WIDTH = 156 * mm
BLOCK_HEIGHT = 225 * mm
BODY_SIZE = 16.0  # 三号
TITLE_SIZE = 22.0  # 二号
SMALL_SIZE = 14.0  # 四号: page numbers, 抄送
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = 28.95  # GB/T 9704 practice: 22 lines in the 225 mm block
CHAR_PITCH = BLOCK_WIDTH / CHARS_PER_LINE
# CJK glyphs occupy about 0.88 em above the baseline; the top of a body line touches the 37 mm margin.
CJK_ASCENT = 0.88
PAGE_NUMBER_GAP = 7 * mm
# The audit mark (the audit chain head when the document was issued) in small print near the page foot,
# below the page number and outside the GB/T 9704 text block.
MARK_SIZE = 7.0
MARK_FROM_BOTTOM = 14 * mm
# GB/T 9704 §7.2.5: the red separator line lies 4 mm below the 发文字号, as wide as the text block.
RULE_GAP = 4 * mm
RULE_WIDTH = 1.0
CJK_DESCENT = 0.12


@dataclass(frozen=True)
class Style:
    role: str = "body"  # font role of RegisteredFonts
    size: float = BODY_SIZE
    align: str = "justify"  # "justify" | "left" | "center" | "right"
    first_indent: float = 2.0  # in character pitches (GB/T 9704: paragraphs indent two characters)
    left_indent: float = 0.0  # in character pitches, every line
    right_indent: float = 0.0  # in character pitches (e.g. the date sits four characters from the right)
    space_before: int = 0  # blank grid lines before the block (dropped at a page top)
    keep_with_next: bool = False
    keep_together: bool = False
    at_page_bottom: bool = False  # 版记 (抄送) ends on the last grid line of its page
    color: str = ""  # "#rrggbb" for coloured text (the red 发文机关标志); "" is black
    rule_below: str = ""  # "#rrggbb": a separator line of the block's width 4 mm below its last line

    @property
    def pitch(self) -> float:
        return self.size * CHAR_PITCH / BODY_SIZE

    @property
    def char_space(self) -> float:
        # Only body-size text is squeezed to 28 characters a line; other sizes use the font's advance.
        return CHAR_PITCH - BODY_SIZE if self.size == BODY_SIZE else 0.0


BODY = Style()
TITLE = Style(role="title", size=TITLE_SIZE, align="center", first_indent=0)
NUMBER = Style(align="center", first_indent=0)
FLUSH = Style(first_indent=0)  # 主送: flush left
HEADING1 = Style(role="heading", keep_with_next=True)  # 一、 黑体
HEADING2 = Style(role="kai", keep_with_next=True)  # （一） 楷体
SIGNATURE = Style(align="right", first_indent=0, right_indent=4, keep_together=True)
# GB/T 9704 §8.3.2: 抄送 in 四号, one character in from the left, at the foot of the last page.
CC = Style(
    role="body",
    size=SMALL_SIZE,
    first_indent=0,
    left_indent=1,
    right_indent=1,
    align="left",
    keep_together=True,
    at_page_bottom=True,
)


@dataclass
class Block:
    text: str
    style: Style = BODY


@dataclass
class PageBreak:
    pass


@dataclass
class PlacedLine:
    line: Line
    style: Style
    x: float
    char_space: float


@dataclass
class Page:
    lines: list[PlacedLine | None] = field(default_factory=list)  # None = blank grid line


class _WidthTable(dict[str, float]):
    """Advance widths of one font at one size, filled on first use (line breaking asks per character)."""

    def __init__(self, font: str, size: float) -> None:
        super().__init__()
        self.font, self.size = font, size

    def __missing__(self, ch: str) -> float:
        w = self[ch] = float(stringWidth(ch, self.font, self.size))
        return w


_width_tables: dict[tuple[str, float], _WidthTable] = {}


def _widths(font: str, size: float) -> _WidthTable:
    table = _width_tables.get((font, size))
    if table is None:
        table = _width_tables[(font, size)] = _WidthTable(font, size)
    return table


def layout_block(block: Block, fonts: RegisteredFonts) -> list[PlacedLine]:
    st = block.style
    font = fonts.name(st.role)
    pitch = st.pitch
    left = MARGIN_LEFT + st.left_indent * pitch
    width = BLOCK_WIDTH - (st.left_indent + st.right_indent) * pitch
    first = st.first_indent * pitch if st.align in ("justify", "left") else 0.0

    cw = _widths(font, st.size).__getitem__
    placed: list[PlacedLine] = []
    for i, line in enumerate(break_lines(block.text, width, cw, st.char_space, first)):
        x, cs = left + (first if i == 0 else 0.0), st.char_space
        avail = width - (first if i == 0 else 0.0)
        if st.align == "center":
            x += (avail - line.width) / 2
        elif st.align == "right":
            x += avail - line.width
        elif st.align == "justify" and not line.last and len(line.text) > 1:
            cs += (avail - line.width) / (len(line.text) - 1)
        placed.append(PlacedLine(line, st, x, cs))
    return placed


def paginate(items: Sequence[Block | PageBreak], fonts: RegisteredFonts) -> list[Page]:
    laid = [layout_block(it, fonts) if isinstance(it, Block) else None for it in items]

    def first_need(idx: int) -> int:
        """Lines block ``idx`` must have together at the top of a page (chained through headings)."""
        item, lines = items[idx], laid[idx]
        if not isinstance(item, Block) or lines is None:
            return 0
        if item.style.keep_together:
            return len(lines)
        if item.style.keep_with_next:
            nxt = idx + 1
            if nxt >= len(items):
                return len(lines)
            following = items[nxt]
            gap = following.style.space_before if isinstance(following, Block) else 0
            return len(lines) + gap + first_need(nxt)
        return min(2, len(lines))  # no single first line of a paragraph at the page bottom

    pages = [Page()]

    def room() -> int:
        return LINES_PER_PAGE - len(pages[-1].lines)

    for idx, item in enumerate(items):
        lines = laid[idx]
        if isinstance(item, PageBreak) or lines is None:
            if pages[-1].lines:
                pages.append(Page())
            continue
        st = item.style
        gap = st.space_before if pages[-1].lines else 0
        need = min(first_need(idx), LINES_PER_PAGE)
        if pages[-1].lines and gap + need > room():
            pages.append(Page())
            gap = 0
        if st.at_page_bottom:
            gap = max(gap, room() - len(lines))
        pages[-1].lines.extend([None] * min(gap, room()))
        for pl in lines:
            if room() == 0:
                pages.append(Page())
            pages[-1].lines.append(pl)
    return pages


def baseline(row: int, size: float) -> float:
    """Baseline of grid row ``row``; larger text sits lower so its top stays within the 37 mm margin."""
    return PAGE_HEIGHT - MARGIN_TOP - row * LINE_PITCH - CJK_ASCENT * max(size, BODY_SIZE)


def draw_page_number(canvas: Canvas, number: int, fonts: RegisteredFonts) -> None:
    text = f"— {number} —"
    y = PAGE_HEIGHT - MARGIN_TOP - BLOCK_HEIGHT - PAGE_NUMBER_GAP - CJK_ASCENT * SMALL_SIZE
    canvas.setFont(fonts.song, SMALL_SIZE)
    if number % 2:  # odd: right, one character in
        canvas.drawRightString(MARGIN_LEFT + BLOCK_WIDTH - SMALL_SIZE, y, text)
    else:
        canvas.drawString(MARGIN_LEFT + SMALL_SIZE, y, text)


def draw_mark(canvas: Canvas, mark: str, fonts: RegisteredFonts) -> None:
    canvas.setFont(fonts.song, MARK_SIZE)
    canvas.drawCentredString(PAGE_WIDTH / 2, MARK_FROM_BOTTOM, mark)


def draw_pages(canvas: Canvas, pages: Iterable[Page], fonts: RegisteredFonts, mark: str = "") -> int:
    """Draw pages (numbered from 1), each with ``mark`` at its foot when given; returns how many were drawn."""
    count = 0
    for count, page in enumerate(pages, start=1):
        for row, pl in enumerate(page.lines):
            if pl is None or not pl.line.text:
                continue
            canvas.setFont(fonts.name(pl.style.role), pl.style.size)
            canvas.setFillColor(HexColor(pl.style.color or "#000000"))
            canvas.drawString(pl.x, baseline(row, pl.style.size), pl.line.text, charSpace=pl.char_space)
            if pl.style.rule_below and pl.line.last:
                y = baseline(row, pl.style.size) - CJK_DESCENT * pl.style.size - RULE_GAP
                canvas.setStrokeColor(HexColor(pl.style.rule_below))
                canvas.setLineWidth(RULE_WIDTH)
                canvas.line(MARGIN_LEFT, y, MARGIN_LEFT + BLOCK_WIDTH, y)
        canvas.setFillColor(HexColor("#000000"))
        draw_page_number(canvas, count, fonts)
        if mark:
            draw_mark(canvas, mark, fonts)
        canvas.showPage()
    return count


def new_canvas(
    target: str | io.BytesIO, fonts: RegisteredFonts, *, title: str, author: str, subject: str = ""
) -> Canvas:
    """An A4 canvas with document metadata; ``target`` is a path or a binary file object."""
    # The initial font goes into every page's preamble; the default (Helvetica) would be a non-embedded font.
    canvas = Canvas(target, pagesize=A4, pageCompression=1, initialFontName=fonts.body, initialFontSize=BODY_SIZE)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator("评查工作台")
    return canvas


Document = Sequence[Block | PageBreak]


def render_pdf(
    target: Path | io.BytesIO,
    documents: Sequence[Document],
    fonts: RegisteredFonts,
    *,
    title: str,
    author: str,
    subject: str = "",
    marks: Sequence[str] = (),
) -> list[int]:
    """Draw each document from a new page, page numbers restarting at 1, with its mark (``marks`` in
    document order, "" for none) at each page's foot; returns page counts."""
    out = str(target) if isinstance(target, Path) else target
    canvas = new_canvas(out, fonts, title=title, author=author, subject=subject)
    counts = [
        draw_pages(canvas, paginate(doc, fonts), fonts, marks[i] if i < len(marks) else "")
        for i, doc in enumerate(documents)
    ]
    canvas.save()
    return counts
