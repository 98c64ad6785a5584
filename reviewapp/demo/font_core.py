"""Font subsets that share a fixed core: the glyphs most demo documents use, at fixed ids, compressed once.

Every demo dossier embeds its own TrueType subset (a file must stand alone), and assembling and compressing
that subset was most of a file's cost. Most characters of a document are those of every document (the
template text, digits, punctuation), so each subset starts with the same core glyphs at the same ids: their
glyph data, metrics, widths and ToUnicode entries are built once, and their compressed bytes are spliced
into each file's streams (deflate blocks ended by a full flush can be concatenated; zlib's Adler-32 of the
whole is combined from the parts'). Per file only the few other glyphs are added, after the core.

The core is a fixed set of characters, so a document's bytes depend only on its own text (reruns and other
demo sizes give the same files). Which characters are in it changes only the speed and the file size.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from itertools import accumulate

from reviewapp.demo.fast_font import KEPT_TABLES, SubsetFont

DEFAULT_WIDTH = 1000  # the /DW of the CID font: full-width CJK glyphs; other widths are listed in /W
_ADLER_BASE = 65521
_FINAL_EMPTY_BLOCK = b"\x03\x00"  # a final fixed-Huffman block with no data
_ZLIB_HEADER = b"\x78\x01"  # deflate, 32 KiB window, fastest level
CMAP_HEAD = (
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
    "/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
    "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
)
CMAP_TAIL = "endcmap CMapName currentdict /CMap defineresource pop end end"


@dataclass(frozen=True)
class Packed:
    """Bytes compressed once into deflate blocks that can stand anywhere in a stream."""

    raw_len: int
    adler: int
    data: bytes


def pack(raw: bytes) -> Packed:
    c = zlib.compressobj(1, zlib.DEFLATED, -15)
    return Packed(len(raw), zlib.adler32(raw), c.compress(raw) + c.flush(zlib.Z_FULL_FLUSH))


def _combine(a1: int, a2: int, len2: int) -> int:
    """Adler-32 of A+B from those of A and B and the length of B (zlib's adler32_combine)."""
    rem = len2 % _ADLER_BASE
    lo1, lo2 = a1 & 0xFFFF, a2 & 0xFFFF
    s1 = (lo1 + lo2 + _ADLER_BASE - 1) % _ADLER_BASE
    s2 = (rem * lo1 + (a1 >> 16) + (a2 >> 16) + _ADLER_BASE - rem) % _ADLER_BASE
    return s1 | (s2 << 16)


def deflate(*parts: bytes | Packed) -> tuple[bytes, int]:
    """A zlib stream of the parts in order (packed ones spliced in as they are) and its uncompressed length."""
    out, adler, length = [_ZLIB_HEADER], 1, 0
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if isinstance(part, Packed):
            out.append(part.data + (_FINAL_EMPTY_BLOCK if last else b""))
            adler, length = _combine(adler, part.adler, part.raw_len), length + part.raw_len
        else:
            c = zlib.compressobj(1, zlib.DEFLATED, -15)
            out.append(c.compress(part) + c.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH))
            adler, length = zlib.adler32(part, adler), length + len(part)
    out.append(adler.to_bytes(4, "big"))
    return b"".join(out), length


def _padded(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % 4)


def bfchar(entries: list[str]) -> str:
    """ToUnicode ``beginbfchar`` blocks (at most 100 entries each, as the CMap format asks)."""
    return "".join(
        f"{len(chunk)} beginbfchar\n" + "".join(chunk) + "endbfchar\n"
        for chunk in (entries[at : at + 100] for at in range(0, len(entries), 100))
    )


def _unicode_entry(cid: int, ch: str) -> str:
    return f"<{cid:04X}> <{ch.encode('utf-16-be').hex().upper()}>\n"


class FontCore:
    """The core glyphs of ``chars`` (with their components and .notdef) at ids 0…size-1, built once."""

    def __init__(self, font: SubsetFont, chars: str) -> None:
        self.font = font
        self.scale = 1000 / font.units
        char_of: dict[int, str] = {}
        for ch in sorted(set(chars), reverse=True):
            if g := font.gid(ch):
                char_of[g] = ch
        glyphs = font.closure(set(char_of))
        self.ids = {g: i for i, g in enumerate(glyphs)}
        self.size = len(glyphs)
        parts = [font.renumbered(g, self.ids) for g in glyphs]
        self.glyf_len = sum(map(len, parts))
        self.loca = struct.pack(f">{self.size}I", *accumulate(map(len, parts[:-1]), initial=0))
        self.hmtx = b"".join(map(font.metric, glyphs))
        self.hinting = [(t, len(font.tables[t])) for t in KEPT_TABLES if t in font.tables]
        self.constant = pack(b"".join(_padded(font.tables[t]) for t, _ in self.hinting) + b"".join(parts))
        cids = sorted((self.ids[g], ch) for g, ch in char_of.items())
        self.widths = "".join(self.width_entry(cid, ch) for cid, ch in cids)
        self.tounicode = pack((CMAP_HEAD + bfchar([_unicode_entry(cid, ch) for cid, ch in cids])).encode("ascii"))
        # Each core character's code (hex), the start of every file's translation table.
        self.codes = {ord(ch): f"{self.ids[g]:04X}" for g, ch in char_of.items()}

    def width_entry(self, cid: int, ch: str) -> str:
        width = round(self.font.advances[self.font.gid(ch)] * self.scale)
        return "" if width == DEFAULT_WIDTH else f"{cid} [{width}] "


class FileGlyphs(dict[int, str]):
    """One file's glyphs: the core, then the others in the order the file first uses them.

    The mapping is a ``str.translate`` table (code point → 4 hex digits of the glyph code), so a line is
    encoded in C; a character met for the first time gets its code from ``__missing__``."""

    def __init__(self, core: FontCore) -> None:
        super().__init__(core.codes)
        self.core = core
        self.extra: dict[int, int] = {}  # glyph id in the font → id in this file's subset
        self.extra_chars: dict[int, str] = {}  # subset id → character (ToUnicode, widths)

    def __missing__(self, cp: int) -> str:
        core = self.core
        g = core.font.cmap.get(cp, 0)
        cid = core.ids.get(g)
        if cid is None:
            cid = self.extra.get(g)
            if cid is None:
                cid = self.extra[g] = core.size + len(self.extra)
                self.extra_chars[cid] = chr(cp)
        code = self[cp] = f"{cid:04X}"
        return code

    def hex(self, text: str) -> str:
        """The text as 2-byte glyph codes (Identity-H) in hex."""
        return text.translate(self)

    def widths(self) -> str:
        core = self.core
        return core.widths + "".join(core.width_entry(cid, ch) for cid, ch in self.extra_chars.items())

    def tounicode(self) -> bytes:
        entries = [_unicode_entry(cid, ch) for cid, ch in self.extra_chars.items()]
        return deflate(self.core.tounicode, (bfchar(entries) + CMAP_TAIL).encode("ascii"))[0]

    def font_file(self) -> tuple[bytes, int]:
        """The file's TrueType subset as a zlib stream, and its uncompressed length (/Length1)."""
        core, font, extra = self.core, self.core.font, self.extra
        todo = list(extra)
        while todo:
            for _, comp in font.fields(todo.pop()):
                if comp not in core.ids and comp not in extra:
                    extra[comp] = core.size + len(extra)
                    todo.append(comp)
        order = list(extra)  # ids were given in insertion order
        parts = [font.renumbered(g, core.ids, extra) for g in order]
        n = core.size + len(order)
        glyf_extra = b"".join(parts)
        variable = {
            "loca": core.loca + struct.pack(f">{len(order) + 1}I", *accumulate(map(len, parts), initial=core.glyf_len)),
            "hmtx": core.hmtx + b"".join(map(font.metric, order)),
            "head": font.head,
            "hhea": _set(font.tables["hhea"], 34, n),
            "maxp": _set(font.tables["maxp"], 4, n),
        }
        count = len(core.hinting) + 1 + len(variable)
        at = 12 + 16 * count
        entries = []
        for tag, length in core.hinting:
            entries.append((tag, at, length))
            at += length + (-length % 4)
        entries.append(("glyf", at, core.glyf_len + len(glyf_extra)))
        at += core.glyf_len + len(glyf_extra)
        for tag, data in variable.items():
            entries.append((tag, at, len(data)))
            at += len(data) + (-len(data) % 4)
        entry = 1 << (count.bit_length() - 1)
        header = struct.pack(">IHHHH", 0x00010000, count, 16 * entry, entry.bit_length() - 1, 16 * (count - entry))
        directory = b"".join(struct.pack(">4sIII", t.encode("latin-1"), 0, o, n) for t, o, n in sorted(entries))
        tail = glyf_extra + b"".join(map(_padded, variable.values()))
        return deflate(header + directory, core.constant, tail)


def _set(table: bytes, at: int, value: int) -> bytes:
    out = bytearray(table)
    struct.pack_into(">H", out, at, value)
    return bytes(out)
