"""The text of one dossier page with a box per character, from the PDF text layer or from OCR.

Text is normalised the same way for both sources: whitespace and the line breaks PDFium generates are dropped
(Chinese has no word spaces, and a phrase broken across lines must still be found), and line starts are kept
as offsets so layout (titles) stays known. Boxes are integers in thousandths of the page's width and height,
origin top-left, so a viewer can draw them at any zoom and the stored JSON stays small.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

TEXT_LAYER = "text"
OCR = "ocr"
EMPTY = "empty"  # nothing readable on the page (blank, or OCR found nothing)
UNREADABLE = "unreadable"  # the file or page could not be opened
# A text layer with fewer visible characters than this is treated as a scan (a stamp or page number only).
MIN_LAYER_CHARS = 12
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"})

Box = tuple[int, int, int, int]


@dataclass
class PageText:
    text: str
    boxes: list[Box] = field(default_factory=list)  # one per character of text
    lines: list[int] = field(default_factory=list)  # offsets where a printed line starts
    method: str = TEXT_LAYER
    content_hash: str = ""

    def line_texts(self) -> list[str]:
        ends = [*self.lines[1:], len(self.text)]
        return [self.text[a:b] for a, b in zip(self.lines, ends, strict=False)]

    def boxes_json(self) -> str:
        return json.dumps(self.boxes, separators=(",", ":"))


def _scaled(box: tuple[float, float, float, float], width: float, height: float) -> Box:
    left, bottom, right, top = box
    return (
        round(1000 * left / width),
        round(1000 * (height - top) / height),
        round(1000 * right / width),
        round(1000 * (height - bottom) / height),
    )


def _usable(text: str) -> bool:
    visible = [c for c in text if not c.isspace()]
    if len(visible) < MIN_LAYER_CHARS:
        return False
    # A layer of replacement or private-use characters is a font without a usable ToUnicode map.
    odd = sum(1 for c in visible if c == "\ufffd" or 0xE000 <= ord(c) <= 0xF8FF)
    return odd < len(visible) / 4


def text_layer(page: pdfium.PdfPage) -> PageText | None:
    """The page's own text with character boxes; None when it has no usable text layer (a scan)."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        raw = textpage.get_text_range(0, count) if count else ""
        if not _usable(raw):
            return None
        width, height = page.get_size()
        out = PageText("", method=TEXT_LAYER)
        chars: list[str] = []
        new_line = True
        for i, ch in enumerate(raw[:count]):
            if ch in "\r\n":
                new_line = True
                continue
            if ch.isspace():
                continue
            if new_line:
                out.lines.append(len(chars))
                new_line = False
            chars.append(ch)
            out.boxes.append(_scaled(textpage.get_charbox(i), width, height))
        out.text = "".join(chars)
        out.content_hash = hash_text(out.text)
        return out
    finally:
        textpage.close()


def hash_text(text: str) -> str:
    return hashlib.sha256(("text:" + text).encode("utf-8")).hexdigest()


def page_count(path: Path) -> int:
    """Pages of a dossier file: a PDF's pages, 1 for a picture, 0 for anything else."""
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return 1
    if suffix != ".pdf":
        return 0
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def iter_pages(path: Path, start: int = 1) -> Generator[tuple[int, pdfium.PdfPage | None, Path | None], None, None]:
    """(page number, PDF page or None, picture path or None) from ``start`` (1-based) on."""
    if path.suffix.lower() in IMAGE_SUFFIXES:
        if start <= 1:
            yield 1, None, path
        return
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(start - 1, len(pdf)):
            page = pdf[index]
            try:
                yield index + 1, page, None
            finally:
                page.close()
    finally:
        pdf.close()
