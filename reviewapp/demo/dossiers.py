"""Small dossier PDFs for demo cases: 2–3 documents of 2–4 A5 pages each, Chinese text, page numbers.

Fonts come from reviewapp.exports.fonts (embedded TrueType CJK fonts, never an unembedded CID font). One font
only, the heading (黑体-like) one: every further font is one more glyph subset per file, the main cost of a
small PDF, and the sans heading font (WenQuanYi Micro Hei when bundled) subsets to about half the size of the
Ming body font. Pages are laid out on a fixed grid (CJK glyphs are full width), which keeps 300 cases'
dossiers fast.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from reportlab.lib.pagesizes import A5
from reportlab.pdfgen.canvas import Canvas

from reviewapp.demo import dossier_plants as plants
from reviewapp.demo.dossier_text import Para, document_paragraphs, document_titles
from reviewapp.demo.fast_pdf import FastCanvas, UnsupportedFont, load_font
from reviewapp.demo.scans import make_image_only
from reviewapp.domain.case_card import CaseCard, DocumentRecord
from reviewapp.exports.fonts import RegisteredFonts

DOSSIER_DIR = "卷宗"
PAGE_W, PAGE_H = A5
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 40.0, 48.0, 50.0
BODY_SIZE, LEADING = 12.0, 22.0
TITLE_SIZE = 16.0
LINES_PER_PAGE = int((PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) // LEADING)
_TEXT_WIDTH = PAGE_W - 2 * MARGIN_X


def folder_name(dept_case_no: str) -> str:
    """The dossier sub-folder of a case: its 部门受案号 with path separators replaced (import-format.md)."""
    return dept_case_no.replace("/", "_").replace("\\", "_")


def _width(ch: str, size: float) -> float:
    return size * (0.5 if ord(ch) < 0x2E80 else 1.0)


@lru_cache(maxsize=8192)
def wrap(text: str, size: float, width: float, indent: int = 2) -> tuple[str, ...]:
    """Fixed-grid line breaking; paragraphs start indented two characters (GB/T 9704 habit).

    Cached: evidence-list lines repeat across documents and while a document is grown to its length.
    """
    lines: list[str] = []
    for part in text.split("\n"):
        line, used = "\u3000" * indent, indent * size
        for ch in part:
            w = _width(ch, size)
            if used + w > width and line.strip():
                lines.append(line)
                line, used = "", 0.0
            line += ch
            used += w
        lines.append(line)
        indent = 0
    return tuple(lines)


def _layout(paras: Sequence[Para]) -> list[tuple[str, str]]:
    """(kind, line) for every printed line of the body."""
    out: list[tuple[str, str]] = []
    for p in paras:
        if p.kind == "right":
            out.append(("right", p.text))
        elif p.kind == "heading":
            out.extend(("heading", line) for line in wrap(p.text, BODY_SIZE, _TEXT_WIDTH, indent=0))
        else:
            out.extend(("body", line) for line in wrap(p.text, BODY_SIZE, _TEXT_WIDTH))
    return out


def target_pages(card: CaseCard, title: str) -> int:
    """2–4 pages (mostly 2), fixed per case and document so reruns give the same files."""
    return (2, 2, 2, 2, 2, 3, 3, 3, 4, 4)[zlib.crc32(f"{card.dept_case_no}/{title}".encode()) % 10]


def _lines_for(card: CaseCard, title: str) -> list[tuple[str, str]]:
    """Grow the evidence list until the text ends about halfway down the last wanted page.

    Halfway, not just "on" the page: a last page holding only the date line looks like a printing error.
    The first page loses 3 lines to the title block.
    """
    wanted = target_pages(card, title)
    target = (wanted - 1) * LINES_PER_PAGE + LINES_PER_PAGE // 2 - 3
    evidence = 3
    lines = _layout(document_paragraphs(card, title, evidence))
    while len(lines) < target:
        # Each evidence item takes at least one line, so this never overshoots by more than one item.
        evidence += max(1, (target - len(lines)) // 2)
        lines = _layout(document_paragraphs(card, title, evidence))
    return lines


def write_document(path: Path, card: CaseCard, title: str, fonts: RegisteredFonts) -> None:
    canvas = _canvas(path, fonts)
    canvas.setTitle(f"{card.name} {title}")
    canvas.setAuthor(card.unit)
    lines = _lines_for(card, title)
    page, row = 1, 3
    _title_block(canvas, card, title, fonts)
    for kind, text in lines:
        if row >= LINES_PER_PAGE:
            _page_number(canvas, page, fonts)
            canvas.showPage()
            page, row = page + 1, 0
        y = PAGE_H - MARGIN_TOP - (row + 1) * LEADING
        canvas.setFont(fonts.heading, BODY_SIZE)
        if kind == "right":
            canvas.drawRightString(PAGE_W - MARGIN_X, y, text)
        else:
            canvas.drawString(MARGIN_X, y, text)
        row += 1
    _page_number(canvas, page, fonts)
    canvas.showPage()
    canvas.save()
    if page >= 3 and plants.scanned(card, title):
        # A scanned page inside the document (its title page keeps its text): the OCR path of the demo.
        make_image_only(path, [2])


def _canvas(path: Path, fonts: RegisteredFonts) -> Canvas | FastCanvas:
    """The fast writer with the heading font (see fast_pdf), else reportlab's Canvas."""
    source = fonts.sources.get("heading")
    if source is not None:
        try:
            return FastCanvas(path, A5, load_font(str(source.path), source.subfont_index))
        except (UnsupportedFont, OSError, struct.error):
            pass
    # invariant=True: no timestamp or random id, so the same card gives the same bytes.
    return Canvas(str(path), pagesize=A5, invariant=True, pageCompression=1)


def _title_block(canvas: Canvas | FastCanvas, card: CaseCard, title: str, fonts: RegisteredFonts) -> None:
    canvas.setFont(fonts.heading, TITLE_SIZE)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - MARGIN_TOP, title)
    canvas.setFont(fonts.heading, 9.5)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - MARGIN_TOP - LEADING * 1.4, f"案号：{card.dept_case_no}")


def _page_number(canvas: Canvas | FastCanvas, number: int, fonts: RegisteredFonts) -> None:
    canvas.setFont(fonts.heading, 10)
    canvas.drawCentredString(PAGE_W / 2, MARGIN_BOTTOM / 2, f"— {number} —")


def write_dossier(root: Path, card: CaseCard, fonts: RegisteredFonts) -> list[DocumentRecord]:
    """Write the case's documents under ``root/卷宗/<number>/``; paths in the records are relative to root."""
    folder = Path(DOSSIER_DIR) / folder_name(card.dept_case_no)
    (root / folder).mkdir(parents=True, exist_ok=True)
    records = []
    for title in document_titles(card):
        relative = folder / f"{title}.pdf"
        write_document(root / relative, card, title, fonts)
        records.append(DocumentRecord(card.dept_case_no, title, relative.as_posix()))
    return records
