"""A minimal PDF writer for the demo dossiers: one embedded TrueType font subset, text lines, page numbers.

The font is a CIDFontType2 (Identity-H, identity CID-to-glyph map) with a ToUnicode map, so text can be
searched, copied and extracted. Its subset starts with a fixed core of glyphs built and compressed once per
process (font_core); each file adds only the glyphs of its own other characters. Page content streams are
text lines; a scanned page is a grey JPEG (scans.picture_of renders the page's text version).

Only the calls dossiers.write_document makes are offered (the reportlab Canvas names).
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reviewapp.demo.fast_font import SubsetFont, UnsupportedFont, load_font
from reviewapp.demo.font_core import DEFAULT_WIDTH, FileGlyphs, FontCore

if TYPE_CHECKING:
    from reviewapp.demo.scans import Picture

__all__ = ["FastCanvas", "UnsupportedFont", "core_for", "load_font"]


@lru_cache(maxsize=4)
def core_for(font: SubsetFont, chars: str) -> FontCore:
    return FontCore(font, chars)


def _pdf_text(text: str) -> bytes:
    """A PDF text string (Info entries): UTF-16BE with BOM, as hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


class FastCanvas:
    """The reportlab Canvas calls dossiers.write_document makes, for one font with a shared core."""

    def __init__(self, path: Path, pagesize: tuple[float, float], core: FontCore) -> None:
        self.path, self.size, self.font = path, pagesize, core.font
        self.glyphs = FileGlyphs(core)
        self.title = self.author = ""
        self.pages: list[bytes] = []
        self.pictures: dict[int, Picture] = {}  # page index → the scanned picture shown instead of its text
        self.ops: list[str] = []
        self.font_size = 12.0

    def setTitle(self, title: str) -> None:
        self.title = title

    def setAuthor(self, author: str) -> None:
        self.author = author

    def setFont(self, _name: str, size: float) -> None:
        self.font_size = size

    def drawString(self, x: float, y: float, text: str) -> None:
        self.ops.append(f"BT /F1 {self.font_size:g} Tf {x:.2f} {y:.2f} Td <{self.glyphs.hex(text)}> Tj ET")

    def drawCentredString(self, x: float, y: float, text: str) -> None:
        self.drawString(x - self.font.width(text, self.font_size) / 2, y, text)

    def drawRightString(self, x: float, y: float, text: str) -> None:
        self.drawString(x - self.font.width(text, self.font_size), y, text)

    def showPage(self) -> None:
        self.pages.append("\n".join(self.ops).encode("ascii"))
        self.ops = []

    def show_picture(self, number: int, picture: Picture) -> None:
        """Show page ``number`` (1-based) as ``picture`` (a scan of it) instead of its text."""
        self.pictures[number - 1] = picture

    def save(self) -> None:
        self.path.write_bytes(self.document())

    def document(self) -> bytes:
        font, glyphs = self.font, self.glyphs
        scale = glyphs.core.scale
        w = _Writer()
        w.reserve(6)  # 1 catalog, 2 pages, 3 type0, 4 cid font, 5 descriptor, 6 info
        subset, length = glyphs.font_file()
        fontfile = w.add(_stream_object(subset, b" /Length1 %d" % length))
        cmap = w.add(_stream_object(glyphs.tounicode()))
        kids = []
        media = f"/MediaBox [0 0 {self.size[0]:.2f} {self.size[1]:.2f}] /Resources << /Font << /F1 3 0 R >> >>"
        width, height = self.size
        for i, content in enumerate(self.pages):
            picture = self.pictures.get(i)
            if picture is None:
                c = w.add(_stream_object(zlib.compress(content, 1)))
                kids.append(w.add(f"<< /Type /Page /Parent 2 0 R {media} /Contents {c} 0 R >>".encode()))
                continue
            image = w.add(
                b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream"
                % (picture.width, picture.height, len(picture.jpeg), picture.jpeg)
            )
            c = w.add(_stream_object(zlib.compress(f"q {width:.2f} 0 0 {height:.2f} 0 0 cm /Im1 Do Q".encode())))
            kids.append(
                w.add(
                    f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:.2f} {height:.2f}] "
                    f"/Resources << /XObject << /Im1 {image} 0 R >> >> /Contents {c} 0 R >>".encode()
                )
            )
        x0, y0, x1, y1 = (round(v * scale) for v in font.bbox)
        w.set(1, b"<< /Type /Catalog /Pages 2 0 R >>")
        w.set(2, f"<< /Type /Pages /Count {len(kids)} /Kids [{' '.join(f'{k} 0 R' for k in kids)}] >>".encode())
        w.set(
            3,
            f"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Demo /Encoding /Identity-H "
            f"/DescendantFonts [4 0 R] /ToUnicode {cmap} 0 R >>".encode(),
        )
        w.set(
            4,
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Demo /CIDSystemInfo << /Registry (Adobe) "
            + f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /CIDToGIDMap /Identity "
            f"/DW {DEFAULT_WIDTH} /W [{glyphs.widths()}] >>".encode(),
        )
        w.set(
            5,
            f"<< /Type /FontDescriptor /FontName /AAAAAA+Demo /Flags 4 /FontBBox [{x0} {y0} {x1} {y1}] "
            f"/ItalicAngle 0 /Ascent {round(font.ascent * scale)} /Descent {round(font.descent * scale)} "
            f"/CapHeight {round(font.ascent * scale)} /StemV 80 /FontFile2 {fontfile} 0 R >>".encode(),
        )
        w.set(6, b"<< /Title " + _pdf_text(self.title) + b" /Author " + _pdf_text(self.author) + b" >>")
        return w.document(root=1, info=6)


def _stream_object(packed: bytes, extra: bytes = b"") -> bytes:
    """A Flate stream object of already compressed data (zlib level 1: the fastest, a few per cent larger)."""
    return b"<< /Filter /FlateDecode /Length %d%s >>\nstream\n%s\nendstream" % (len(packed), extra, packed)


class _Writer:
    """PDF objects in order, with the cross-reference table written at the end."""

    def __init__(self) -> None:
        self.objects: list[bytes | None] = []

    def reserve(self, count: int) -> None:
        self.objects.extend([None] * count)

    def set(self, number: int, body: bytes) -> None:
        self.objects[number - 1] = body

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def document(self, root: int, info: int) -> bytes:
        parts = [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"]
        at = len(parts[0])
        offsets = []
        for i, body in enumerate(self.objects, 1):
            offsets.append(at)
            obj = b"%d 0 obj\n%s\nendobj\n" % (i, body or b"null")
            parts.append(obj)
            at += len(obj)
        parts.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
        parts.append(b"".join(b"%010d 00000 n \n" % o for o in offsets))
        parts.append(b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\n" % (len(offsets) + 1, root, info))
        parts.append(b"startxref\n%d\n%%%%EOF\n" % at)
        return b"".join(parts)
