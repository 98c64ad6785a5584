"""Dossier files as pages: PDF pages rasterised with pypdfium2, images loaded by Qt, anything else external.

Rendering happens on the GUI thread: one A4 page at screen resolution takes a few tens of milliseconds, and
PDFium is not thread-safe, so a worker would need its own lock for no visible gain.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtGui import QImage, QImageReader


@cache
def image_suffixes() -> frozenset[str]:
    """Suffixes Qt can read; asked lazily because format plugins (JPEG, TIFF …) load with the application."""
    return frozenset("." + bytes(fmt.data()).decode("ascii").lower() for fmt in QImageReader.supportedImageFormats())


def kind_of(path: Path) -> str:
    """'pdf', 'image' or 'other' (opened with the system viewer)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    return "image" if suffix in image_suffixes() else "other"


class PageSource:
    """An open dossier file that yields page images; a picture is a one-page source."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kind = kind_of(path)
        self._pdf: pdfium.PdfDocument | None = None
        self._image: QImage | None = None
        if self.kind == "pdf":
            self._pdf = pdfium.PdfDocument(str(path))
        elif self.kind == "image":
            image = QImage(str(path))
            self._image = None if image.isNull() else image

    @property
    def page_count(self) -> int:
        if self._pdf is not None:
            return len(self._pdf)
        return 1 if self._image is not None else 0

    def render(self, page: int, zoom: float, dpi: float = 96.0) -> QImage:
        """Page ``page`` (1-based) at ``zoom`` × screen size; a null image when there is nothing to show."""
        if self._image is not None:
            if zoom == 1.0:
                return self._image
            return self._image.scaledToWidth(max(1, round(self._image.width() * zoom)))
        if self._pdf is None or not 1 <= page <= len(self._pdf):
            return QImage()
        pdf_page = self._pdf[page - 1]
        try:
            # PDF units are 1/72 inch; scale so 100 % zoom shows the page at its real size on screen.
            bitmap = pdf_page.render(
                scale=zoom * dpi / 72.0,
                force_bitmap_format=pdfium_c.FPDFBitmap_BGRx,
                rev_byteorder=True,  # RGBx bytes: QImage.Format_RGBX8888 reads them the same on any endianness
            )
            try:
                view = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888)
                return view.copy()  # detach from PDFium's buffer before the bitmap is freed
            finally:
                bitmap.close()
        finally:
            pdf_page.close()

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
        self._image = None
