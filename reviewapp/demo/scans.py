"""Image-only pages: a dossier page replaced by a picture of itself, as a scanner would deliver it."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

SCAN_SCALE = 2.0  # 144 dpi, an office scanner's usual setting for documents


@dataclass(frozen=True)
class Picture:
    """A grey JPEG of a page, as a scanner delivers it."""

    jpeg: bytes
    width: int  # pixels
    height: int


def _picture(page: pdfium.PdfPage) -> Picture:
    bitmap = page.render(scale=SCAN_SCALE, grayscale=True)
    image = bitmap.to_pil()
    bitmap.close()
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return Picture(buffer.getvalue(), image.width, image.height)


def picture_of(pdf: bytes, number: int) -> Picture:
    """The picture of page ``number`` (1-based) of a PDF held in memory (the demo's writer then puts it in
    place of the page's text, so the file is written once)."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[number - 1]
        try:
            return _picture(page)
        finally:
            page.close()
    finally:
        document.close()


def make_image_only(path: Path, pages: Iterable[int] | None = None) -> int:
    """Replace ``pages`` (1-based; None = all) of the PDF by grey JPEG pictures of them; the page count."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        wanted = set(pages) if pages is not None else set(range(1, len(pdf) + 1))
        for number in sorted(wanted):
            if not 1 <= number <= len(pdf):
                continue
            page = pdf[number - 1]
            width, height = page.get_size()
            picture = _picture(page)
            page.close()
            pdf.del_page(number - 1)
            new = pdf.new_page(width, height, index=number - 1)
            image = pdfium.PdfImage.new(pdf)
            image.load_jpeg(io.BytesIO(picture.jpeg), inline=True)
            image.set_matrix(pdfium.PdfMatrix().scale(width, height))
            new.insert_obj(image)
            new.gen_content()
            new.close()
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".scan-", suffix=".pdf")
        os.close(fd)
        pdf.save(tmp)
        count = len(pdf)
    finally:
        pdf.close()
    os.replace(tmp, path)
    return count
