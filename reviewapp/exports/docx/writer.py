"""Layout blocks (exports/layout.py) as a Word document: the same blocks the PDF draws, so both say the same.

Each block is one paragraph with the block's font role, size, alignment, indents (in characters, so a
word processor keeps them when the grid changes), blank grid lines before it and its keep rules. Document
and case numbers and dates are runs with a no-width non-break (U+200D, the character Word inserts for it)
between their characters, so Word does not break them across lines (exports/nobreak.py); :func:`plain_text`
drops the joiners again. LibreOffice ignores such joiners between Chinese characters (and U+2060 and
U+FEFF alike), so there a number can still wrap.
The 抄送 block, which GB/T 9704 puts at the foot of the last page, is a frame anchored to the bottom margin.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from reviewapp.exports.docx.page import (
    BLOCK_WIDTH_MM,
    CHAR_PITCH_PT,
    FONT_NAMES,
    add_page_numbers,
    set_run_font,
    set_up_page,
    squeeze,
)
from reviewapp.exports.layout import BODY_SIZE, LINE_PITCH, Block, PageBreak, Style
from reviewapp.exports.nobreak import spans

# Word's own "no-width non break" (Insert ▸ Symbol ▸ Special Characters), which WPS follows too.
JOINER = "\u200d"
ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
# GB/T 9704 §7.2.5 does not give the separator's weight; 1 pt (≈ 0.35 mm) matches the PDF.
RULE_EIGHTHS = 8
RULE_GAP_PT = 11  # 4 mm under the 发文字号 (w:space is whole points)


def joined(text: str) -> str:
    """``text`` with a word joiner between its characters (no line break inside)."""
    return JOINER.join(text)


def plain_text(text: str) -> str:
    """Paragraph text as read back from the document, without the word joiners."""
    return text.replace(JOINER, "")


def _indent(paragraph: Paragraph, style: Style) -> None:
    """Indents in character units (w:*Chars, hundredths of a character) with the points as a fallback."""
    pitch = CHAR_PITCH_PT * style.size / BODY_SIZE
    fmt = paragraph.paragraph_format
    first = style.first_indent if style.align in ("justify", "left") else 0.0
    fmt.first_line_indent = Pt(first * pitch)
    fmt.left_indent = Pt(style.left_indent * pitch)
    fmt.right_indent = Pt(style.right_indent * pitch)
    ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
    if ind is not None:
        ind.set(qn("w:firstLineChars"), str(round(first * 100)))
        ind.set(qn("w:leftChars"), str(round(style.left_indent * 100)))
        ind.set(qn("w:rightChars"), str(round(style.right_indent * 100)))


def _rule_below(paragraph: Paragraph, color: str) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("w:val", "single"), ("w:sz", str(RULE_EIGHTHS)), ("w:space", str(RULE_GAP_PT))):
        bottom.set(qn(attr), value)
    bottom.set(qn("w:color"), color.lstrip("#").upper())
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _at_page_bottom(paragraph: Paragraph) -> None:
    """A frame as wide as the text block, at the foot of the margin box (版记 at the page foot)."""
    frame = OxmlElement("w:framePr")
    for attr, value in (
        ("w:w", str(round(BLOCK_WIDTH_MM / 25.4 * 1440))),
        ("w:wrap", "notBeside"),
        ("w:vAnchor", "margin"),
        ("w:hAnchor", "margin"),
        ("w:xAlign", "center"),
        ("w:yAlign", "bottom"),
    ):
        frame.set(qn(attr), value)
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.insert(0, frame)


def add_block(doc: DocumentObject, block: Block) -> Paragraph:
    style = block.style
    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    paragraph.alignment = ALIGN[style.align]
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PITCH)
    fmt.space_before = Pt(style.space_before * LINE_PITCH)
    fmt.space_after = Pt(0)
    fmt.keep_with_next = style.keep_with_next
    fmt.keep_together = style.keep_together
    fmt.widow_control = True
    _indent(paragraph, style)
    if style.rule_below:
        _rule_below(paragraph, style.rule_below)
    if style.at_page_bottom:
        _at_page_bottom(paragraph)
    for piece, whole in spans(block.text):
        run = paragraph.add_run(joined(piece) if whole else piece)
        run.font.size = Pt(style.size)
        set_run_font(run._r.get_or_add_rPr(), FONT_NAMES.get(style.role, FONT_NAMES["body"]))
        if style.size == BODY_SIZE:  # like the PDF, only body-size text is squeezed to 28 a line
            squeeze(run._r.get_or_add_rPr())
        if style.color:
            run.font.color.rgb = RGBColor.from_string(style.color.lstrip("#").upper())
    return paragraph


def build_docx(
    blocks: Sequence[Block | PageBreak], *, title: str, author: str, subject: str = "", mark: str = ""
) -> DocumentObject:
    doc = Document()
    section = set_up_page(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
        body.remove(p)
    pending_break = False
    after_rule = False
    for item in blocks:
        if isinstance(item, PageBreak):
            pending_break = True
            continue
        paragraph = add_block(doc, item)
        if after_rule:  # the border's gap and weight add to the line above: take them off to stay on the grid
            gap = item.style.space_before * LINE_PITCH - RULE_GAP_PT - RULE_EIGHTHS / 8
            paragraph.paragraph_format.space_before = Pt(max(gap, 0.0))
        after_rule = bool(item.style.rule_below)
        if pending_break:
            paragraph.paragraph_format.page_break_before = True
            pending_break = False
    if pending_break:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    add_page_numbers(doc, section, mark)
    props = doc.core_properties
    props.title, props.author, props.subject = title, author, subject
    props.comments = mark
    props.last_modified_by = author
    return doc


def save_docx(doc: DocumentObject, target: Path | io.BytesIO) -> None:
    """Save to a path (through a temporary file, so a failed save leaves no half-written document)."""
    if isinstance(target, io.BytesIO):
        doc.save(target)
        return
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        doc.save(str(tmp))
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


__all__ = ["JOINER", "Mm", "add_block", "build_docx", "joined", "plain_text", "save_docx"]
