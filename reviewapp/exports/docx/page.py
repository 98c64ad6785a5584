"""The GB/T 9704 page of a Word document: A4, margins, the 22 × 28 grid, default fonts, page numbers.

Same geometry as the PDF (exports/layout.py): top margin 37 mm, left 28 mm, text block 156 × 225 mm, body
三号 (16 pt) with a fixed 28.95 pt line pitch — 22 lines of 28 characters. The lines come from the line
grid (``w:docGrid`` of type ``lines``, pitch 579 twips) and an exact line spacing; the 28 characters, like in
the PDF, from squeezing body-size text by :data:`BODY_CHAR_SPACING` (28 × 15.75 pt fits the 442 pt block).
A grid of lines *and characters* would say the same in Word, but LibreOffice lays 16 pt characters of such a
grid into two cells each, so the character count is not left to the grid.
Page numbers "— N —" in 四号 宋体 sit 7 mm below the text block, odd pages right and even pages left, each one
character in from the edge (§7.5).
"""

from __future__ import annotations

import math
from typing import Any

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from reviewapp.exports.layout import (
    BODY_SIZE,
    CHARS_PER_LINE,
    LINE_PITCH,
    LINES_PER_PAGE,
    MARK_SIZE,
    SMALL_SIZE,
)

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
TOP_MM, LEFT_MM, BLOCK_WIDTH_MM, BLOCK_HEIGHT_MM = 37, 28, 156, 225
BOTTOM_MM = PAGE_HEIGHT_MM - TOP_MM - BLOCK_HEIGHT_MM  # 35
RIGHT_MM = PAGE_WIDTH_MM - LEFT_MM - BLOCK_WIDTH_MM  # 26
PAGE_NUMBER_GAP_MM = 7
MARK_FROM_BOTTOM_MM = 14
LINE_PITCH_TWIPS = round(LINE_PITCH * 20)  # 579
CHAR_PITCH_PT = BLOCK_WIDTH_MM / 25.4 * 72 / CHARS_PER_LINE
# In twentieths of a point, rounded down so that 28 characters never overflow the line.
BODY_CHAR_SPACING = math.floor((CHAR_PITCH_PT - BODY_SIZE) * 20)  # -5: 16 pt − 0.25 pt

# Official font names: an office machine with the 公文 fonts prints with them; elsewhere the word processor
# substitutes (the README lists what LibreOffice picks). Keyed by the font roles of exports/fonts.py.
FONT_NAMES = {
    "body": "仿宋_GB2312",
    "title": "方正小标宋简体",
    "heading": "黑体",
    "kai": "楷体_GB2312",
    "song": "宋体",
}


def set_run_font(run_props: object, name: str) -> None:
    """Name the font for every script, East Asian included (``w:eastAsia``): Word picks the font of a CJK
    character from ``w:eastAsia`` only, so a name set just as ``w:ascii`` would print 仿宋 text in 宋体."""
    r_pr = run_props  # a w:rPr element
    fonts = r_pr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)  # type: ignore[attr-defined]
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)  # a theme font would win over the name
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    fonts.set(qn("w:hint"), "eastAsia")


def _default_size_and_language(r_pr: Any) -> None:
    """三号 and Chinese as the document defaults, in the schema's element order (sz, szCs before lang)."""
    for tag in ("w:sz", "w:szCs", "w:lang"):
        old = r_pr.find(qn(tag))
        if old is not None:
            r_pr.remove(old)
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(int(BODY_SIZE * 2)))
        r_pr.append(size)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    r_pr.append(lang)


def set_up_page(doc: DocumentObject) -> Section:
    """A4 with the GB/T 9704 margins and grid, body defaults 仿宋_GB2312 三号 at the fixed line pitch."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(TOP_MM), Mm(BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(LEFT_MM), Mm(RIGHT_MM)
    section.header_distance = Mm(15)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
    # Word measures indents in characters (w:firstLineChars) against the document default size: 三号.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if r_pr is not None:
            _default_size_and_language(r_pr)
            set_run_font(r_pr, FONT_NAMES["body"])
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_SIZE)
    set_run_font(normal.element.get_or_add_rPr(), FONT_NAMES["body"])
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PITCH)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.widow_control = True
    return section


def squeeze(run_props: Any) -> None:
    """Body-size text on the 28-characters grid: ``w:spacing`` before ``w:sz`` (the schema's order)."""
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(BODY_CHAR_SPACING))
    size = run_props.find(qn("w:sz"))
    if size is not None:
        size.addprevious(spacing)
    else:
        run_props.append(spacing)


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE) with ``shown`` as its last computed result."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, shown), ("end", None)):
        run = paragraph.add_run()
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == instruction:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {instruction} "
            run._r.append(code)
        else:
            run.text = text or ""


def _footer_paragraph(paragraph: Paragraph, *, odd: bool) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(SMALL_SIZE)
    fmt.first_line_indent = Pt(0)
    if odd:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fmt.right_indent = Pt(SMALL_SIZE)
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        fmt.left_indent = Pt(SMALL_SIZE)
    paragraph.add_run("— ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" —")
    for run in paragraph.runs:
        run.font.size = Pt(SMALL_SIZE)
        set_run_font(run._r.get_or_add_rPr(), FONT_NAMES["song"])


def _mark_paragraph(paragraph: Paragraph, mark: str, gap_pt: float) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(MARK_SIZE + 1)
    fmt.space_before = Pt(gap_pt)
    fmt.first_line_indent = Pt(0)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(mark)
    run.font.size = Pt(MARK_SIZE)
    set_run_font(run._r.get_or_add_rPr(), FONT_NAMES["song"])


def add_page_numbers(doc: DocumentObject, section: Section, mark: str = "") -> None:
    """Odd and even footers with "— N —"; the audit mark, when given, centred in small print under it."""
    doc.settings.odd_and_even_pages_header_footer = True
    number_top_mm = BOTTOM_MM - PAGE_NUMBER_GAP_MM  # from the page foot: 28 mm
    number_bottom_mm = number_top_mm - SMALL_SIZE * 25.4 / 72
    if mark:
        mark_height_mm = (MARK_SIZE + 1) * 25.4 / 72
        section.footer_distance = Mm(MARK_FROM_BOTTOM_MM - 1)
        gap_pt = (number_bottom_mm - (MARK_FROM_BOTTOM_MM - 1 + mark_height_mm)) * 72 / 25.4
    else:
        section.footer_distance = Mm(number_bottom_mm)
        gap_pt = 0.0
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        first = footer.paragraphs[0]
        _footer_paragraph(first, odd=odd)
        if mark:
            _mark_paragraph(footer.add_paragraph(), mark, max(gap_pt, 0.0))


__all__ = [
    "BODY_CHAR_SPACING",
    "CHAR_PITCH_PT",
    "FONT_NAMES",
    "LINES_PER_PAGE",
    "add_page_numbers",
    "set_run_font",
    "set_up_page",
    "squeeze",
]
