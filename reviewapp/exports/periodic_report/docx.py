"""The periodic report as DOCX (python-docx) for offices that edit it in Word or WPS.

The same blocks as the PDF on the GB/T 9704 page of exports/docx (official font names in ``w:eastAsia``,
the 22-line grid, "— N —" page numbers); charts are PNG pictures of the PDF's drawings (charts.py); the
appendix is a Word table with a repeated header row, in 五号 仿宋 with 黑体 headers.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from reviewapp.exports.docx.page import BLOCK_WIDTH_MM, FONT_NAMES, add_page_numbers, set_run_font, set_up_page
from reviewapp.exports.docx.writer import add_block, save_docx
from reviewapp.exports.fonts import RegisteredFonts, register_fonts
from reviewapp.exports.layout import LINE_PITCH, Block
from reviewapp.exports.periodic_report.blocks import CHART_LINES, document_blocks
from reviewapp.exports.periodic_report.charts import chart_drawing, drawing_png
from reviewapp.exports.periodic_report.model import PeriodicDocument, Table

TABLE_SIZE = 10.5
TABLE_LINE = 14.0


def _run(paragraph: DocxParagraph, text: str, font: str, size: float) -> None:
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    set_run_font(run._r.get_or_add_rPr(), font)


def _cell_paragraph(paragraph: DocxParagraph, text: str, font: str, center: bool = False) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(TABLE_LINE)
    fmt.first_line_indent = Pt(0)
    fmt.space_before = fmt.space_after = Pt(0)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # Off the 28.95 pt document grid: a table line is 14 pt (Word and LibreOffice would snap it to the grid).
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    paragraph._p.get_or_add_pPr().append(snap)
    _run(paragraph, text, font, TABLE_SIZE)


def _appendix(doc: DocumentObject, table: Table) -> None:
    title = doc.add_paragraph()
    title.paragraph_format.page_break_before = True
    title.paragraph_format.first_line_indent = Pt(0)
    _run(title, table.title, FONT_NAMES["heading"], 16)
    if not table.rows:
        p = doc.add_paragraph()
        _run(p, table.empty, FONT_NAMES["body"], 16)
        return
    grid = doc.add_table(rows=1 + len(table.rows), cols=len(table.headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    total = sum(table.widths)
    for col, w in enumerate(table.widths):
        width = Mm(BLOCK_WIDTH_MM * w / total)
        grid.columns[col].width = width  # w:gridCol, which LibreOffice reads
        for cell in grid.columns[col].cells:
            cell.width = width  # w:tcW, which Word reads
    header = grid.rows[0]
    tr_pr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)  # the header row again on every page
    for cell, text in zip(header.cells, table.headers, strict=True):
        _cell_paragraph(cell.paragraphs[0], text, FONT_NAMES["heading"], center=True)
    for r, row in enumerate(table.rows, start=1):
        for cell, text in zip(grid.rows[r].cells, row, strict=True):
            _cell_paragraph(cell.paragraphs[0], text, FONT_NAMES["body"])


def build_periodic_docx(doc_data: PeriodicDocument, fonts: RegisteredFonts | None = None) -> DocumentObject:
    fonts = fonts or register_fonts()
    blocks, slots = document_blocks(doc_data)
    doc = Document()
    section = set_up_page(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
        body.remove(p)
    for item in blocks:
        if not isinstance(item, Block):
            continue
        slot = slots.get(id(item.style))
        if slot is None:
            add_block(doc, item)
            continue
        height = CHART_LINES * LINE_PITCH
        png = drawing_png(chart_drawing(slot.chart, BLOCK_WIDTH_MM / 25.4 * 72, height, fonts))
        paragraph = doc.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE  # an exact line height would clip the picture
        fmt.first_line_indent = Pt(0)
        fmt.keep_with_next = True
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run().add_picture(io.BytesIO(png), width=Mm(BLOCK_WIDTH_MM))
    if doc_data.appendix is not None:
        _appendix(doc, doc_data.appendix)
    add_page_numbers(doc, section)
    props = doc.core_properties
    props.title, props.author = doc_data.title, doc_data.issuer
    props.subject = doc_data.subject or doc_data.title
    props.last_modified_by = doc_data.issuer
    return doc


def write_periodic_docx(doc_data: PeriodicDocument, path: Path, fonts: RegisteredFonts | None = None) -> int:
    """Write the DOCX; returns 1 (Word paginates it)."""
    save_docx(build_periodic_docx(doc_data, fonts), Path(path))
    return 1


def periodic_docx_bytes(doc_data: PeriodicDocument, fonts: RegisteredFonts | None = None) -> bytes:
    buf = io.BytesIO()
    save_docx(build_periodic_docx(doc_data, fonts), buf)
    return buf.getvalue()
