"""Small dossier PDFs for demo cases: 2–3 documents of 2–4 A5 pages each, Chinese text, page numbers.

Fonts come from reviewapp.exports.fonts (embedded TrueType CJK fonts, never an unembedded CID font). One font
only, the heading (黑体-like) one: every further font is one more glyph subset per file, the main cost of a
small PDF, and the sans heading font (WenQuanYi Micro Hei when bundled) subsets to about half the size of the
Ming body font. Pages are laid out on a fixed grid (CJK glyphs are full width), and written by the demo's own
small PDF writer (fast_pdf; reportlab only when it cannot read the font), which keeps 300 cases' dossiers fast.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reviewapp.demo import dossier_plants as plants
from reviewapp.demo.dossier_text import Para, document_paragraphs, document_titles, evidence_item
from reviewapp.demo.fast_pdf import FastCanvas, UnsupportedFont, core_for, load_font
from reviewapp.domain.case_card import CaseCard, DocumentRecord

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from reviewapp.exports.fonts import FontSource, RegisteredFonts

DOSSIER_DIR = "卷宗"
PAGE_W, PAGE_H = A5 = (419.52755905511816, 595.2755905511812)  # reportlab's A5 (148 × 210 mm) in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 40.0, 48.0, 50.0
BODY_SIZE, LEADING = 12.0, 22.0
TITLE_SIZE = 16.0
LINES_PER_PAGE = int((PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) // LEADING)
_TEXT_WIDTH = PAGE_W - 2 * MARGIN_X
# The characters in at least a fifth of the built-in cards' documents (template text, digits, punctuation):
# the fast writer's shared font core (font_core). Any set is correct; this one keeps files small and fast.
CORE_CHARACTERS = (
    " -.0123456789—\u3000、。《》一三上下中为书事二于五交人他代价位作供依侦保候值元充入公六共具"
    "决况出分刑则到前办勘区十华单卷及取受同名向听告周和四国在场基处天如委嫌子安宗官定实审害察局岁已币市师"
    "年建张录律情意愿成户所手托扣承护报押捕据控提数料日时明易月有本机权李材条构某查格案检此民法涉清演照片"
    "犯现班理由电男疑登百的监盗知确示科移程窃立笔第等签籍细终经结综罚罪署聊自致行表被见规视解触言认议记论"
    "讼证诉询说调资起辩过述送逮部重量金鉴银陈院页频验，：；"
)


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


_evidence_lines: list[list[tuple[str, str]]] = []  # the printed lines of evidence item i, every document's


def _evidence_layout(count: int) -> list[tuple[str, str]]:
    while len(_evidence_lines) < count:
        _evidence_lines.append(_layout([evidence_item(len(_evidence_lines))]))
    return [line for item in _evidence_lines[:count] for line in item]


def _lines_for(card: CaseCard, title: str) -> list[tuple[str, str]]:
    """Grow the evidence list until the text ends about halfway down the last wanted page.

    Halfway, not just "on" the page: a last page holding only the date line looks like a printing error.
    The first page loses 3 lines to the title block. The document around its evidence list is laid out
    once; the list's lines are the same in every document.
    """
    wanted = target_pages(card, title)
    target = (wanted - 1) * LINES_PER_PAGE + LINES_PER_PAGE // 2 - 3
    paras = document_paragraphs(card, title, 1)
    at = paras.index(evidence_item(0))
    before, after = _layout(paras[:at]), _layout(paras[at + 1 :])

    def length(evidence: int) -> int:
        return len(before) + len(after) + len(_evidence_layout(evidence))

    evidence = 3
    while length(evidence) < target:
        # Each evidence item takes at least one line, so this never overshoots by more than one item.
        evidence += max(1, (target - length(evidence)) // 2)
    return before + _evidence_layout(evidence) + after


def write_document(path: Path, card: CaseCard, title: str, fonts: RegisteredFonts | FontSource) -> None:
    """One document. ``fonts``: the registered fonts, or only the heading font's file (a writer process
    registers fonts with reportlab only if the fast writer cannot read that file)."""
    canvas, font = _canvas(path, fonts)
    canvas.setTitle(f"{card.name} {title}")
    canvas.setAuthor(card.unit)
    lines = _lines_for(card, title)
    page, row = 1, 3
    _title_block(canvas, card, title, font)
    for kind, text in lines:
        if row >= LINES_PER_PAGE:
            _page_number(canvas, page, font)
            canvas.showPage()
            page, row = page + 1, 0
        y = PAGE_H - MARGIN_TOP - (row + 1) * LEADING
        canvas.setFont(font, BODY_SIZE)
        if kind == "right":
            canvas.drawRightString(PAGE_W - MARGIN_X, y, text)
        else:
            canvas.drawString(MARGIN_X, y, text)
        row += 1
    _page_number(canvas, page, font)
    canvas.showPage()
    if not (page >= 3 and plants.scanned(card, title)):
        canvas.save()
        return
    # A scanned page inside the document (its title page keeps its text): the OCR path of the demo.
    from reviewapp.demo.scans import make_image_only, picture_of  # pdfium and PIL: only for scanned pages

    if isinstance(canvas, FastCanvas):
        canvas.show_picture(2, picture_of(canvas.document(), 2))
        canvas.save()
    else:
        canvas.save()
        make_image_only(path, [2])


def _canvas(path: Path, fonts: RegisteredFonts | FontSource) -> tuple[Canvas | FastCanvas, str]:
    """The fast writer with the heading font (see fast_pdf), else reportlab's Canvas; and the font name."""
    from reviewapp.exports.fonts import FontSource

    source = fonts if isinstance(fonts, FontSource) else fonts.sources.get("heading")
    if source is not None:
        try:
            core = core_for(load_font(str(source.path), source.subfont_index), CORE_CHARACTERS)
            return FastCanvas(path, A5, core), "F1"
        except (UnsupportedFont, OSError, struct.error):
            pass
    from reportlab.pdfgen.canvas import Canvas

    from reviewapp.exports.fonts import register_fonts

    registered = register_fonts() if isinstance(fonts, FontSource) else fonts
    # invariant=True: no timestamp or random id, so the same card gives the same bytes.
    return Canvas(str(path), pagesize=A5, invariant=True, pageCompression=1), registered.heading


def _title_block(canvas: Canvas | FastCanvas, card: CaseCard, title: str, font: str) -> None:
    canvas.setFont(font, TITLE_SIZE)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - MARGIN_TOP, title)
    canvas.setFont(font, 9.5)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - MARGIN_TOP - LEADING * 1.4, f"案号：{card.dept_case_no}")


def _page_number(canvas: Canvas | FastCanvas, number: int, font: str) -> None:
    canvas.setFont(font, 10)
    canvas.drawCentredString(PAGE_W / 2, MARGIN_BOTTOM / 2, f"— {number} —")


def dossier_records(card: CaseCard) -> list[DocumentRecord]:
    """The case's documents under ``卷宗/<number>/`` (paths relative to the export's folder), not written."""
    folder = Path(DOSSIER_DIR) / folder_name(card.dept_case_no)
    return [DocumentRecord(card.dept_case_no, t, (folder / f"{t}.pdf").as_posix()) for t in document_titles(card)]


def write_dossier(root: Path, card: CaseCard, fonts: RegisteredFonts | FontSource) -> list[DocumentRecord]:
    """Write the case's documents under ``root/卷宗/<number>/``; paths in the records are relative to root."""
    records = dossier_records(card)
    (root / records[0].path).parent.mkdir(parents=True, exist_ok=True)
    for record in records:
        write_document(root / record.path, card, record.title, fonts)
    return records


def heading_font() -> FontSource:
    """The heading role's font file, chosen as register_fonts() chooses it (its resolver), without registering
    every role with reportlab: the fast writer reads the file itself; only its fallback needs reportlab."""
    from reviewapp.exports import fonts

    source = fonts._Resolver(None, fonts.default_system_dirs(), fonts.SHIPPED_DIR).resolve("heading")
    return source if source is not None else fonts.register_fonts().sources["heading"]  # or FontNotFoundError
