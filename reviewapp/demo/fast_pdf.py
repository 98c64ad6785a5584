"""A minimal PDF writer for the demo dossiers: one embedded TrueType font subset, text lines, page numbers.

reportlab spends most of a small dossier PDF on re-subsetting the CJK font from scratch for every file (its
subsetter re-reads and re-encodes every glyph each time). Demo data writes about a thousand such files, so
this writer keeps the parsed font and every glyph's bytes across files and only assembles each file's
subset: a TrueType font of the used glyphs (glyf, loca, hmtx, maxp, hhea, head and the hinting tables) as a
CIDFontType2 with an identity CID-to-glyph map and a ToUnicode map, so text can be searched and copied.

Only the calls dossiers.write_document makes are offered (the reportlab Canvas names). A font this writer
cannot read (no TrueType outlines, no Unicode cmap) raises UnsupportedFont and the caller uses reportlab.
"""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache
from pathlib import Path

ARG_1_AND_2_ARE_WORDS, WE_HAVE_A_SCALE, MORE_COMPONENTS = 0x0001, 0x0008, 0x0020
WE_HAVE_AN_X_AND_Y_SCALE, WE_HAVE_A_TWO_BY_TWO = 0x0040, 0x0080
KEPT_TABLES = ("cvt ", "fpgm", "prep")


class UnsupportedFont(Exception):
    """The font has no TrueType outlines or no Unicode cmap this writer reads."""


class SubsetFont:
    """A TrueType font (a face of a .ttc too) parsed once; subsets assembled from cached glyph bytes."""

    def __init__(self, path: Path, index: int = 0) -> None:
        data = path.read_bytes()
        offset = 0
        if data[:4] == b"ttcf":
            offset = struct.unpack_from(">I", data, 12 + 4 * index)[0]
        if data[offset : offset + 4] not in (b"\x00\x01\x00\x00", b"true"):
            raise UnsupportedFont(str(path))
        count = struct.unpack_from(">H", data, offset + 4)[0]
        tables = {}
        for i in range(count):
            tag, _sum, start, length = struct.unpack_from(">4sIII", data, offset + 12 + 16 * i)
            tables[tag.decode("latin-1")] = data[start : start + length]
        if not {"glyf", "loca", "head", "hhea", "hmtx", "maxp", "cmap"} <= tables.keys():
            raise UnsupportedFont(str(path))
        self.tables = tables
        head = tables["head"]
        self.units = struct.unpack_from(">H", head, 18)[0]
        self.bbox = struct.unpack_from(">hhhh", head, 36)
        long_loca = struct.unpack_from(">h", head, 50)[0] == 1
        self.num_glyphs = struct.unpack_from(">H", tables["maxp"], 4)[0]
        n = self.num_glyphs + 1
        loca = tables["loca"]
        if long_loca:
            self.loca = list(struct.unpack_from(f">{n}I", loca))
        else:
            self.loca = [2 * v for v in struct.unpack_from(f">{n}H", loca)]
        hhea = tables["hhea"]
        self.ascent, self.descent = struct.unpack_from(">hh", hhea, 4)
        metrics = struct.unpack_from(">H", hhea, 34)[0]
        hmtx = tables["hmtx"]
        self.advances = [struct.unpack_from(">H", hmtx, 4 * i)[0] for i in range(metrics)]
        self.lsbs = [struct.unpack_from(">h", hmtx, 4 * i + 2)[0] for i in range(metrics)]
        last = self.advances[-1]
        extra = self.num_glyphs - metrics
        self.lsbs += list(struct.unpack_from(f">{extra}h", hmtx, 4 * metrics)) if extra > 0 else []
        self.advances += [last] * max(0, extra)
        self.cmap = _unicode_cmap(tables["cmap"])
        self._glyphs: dict[int, bytes] = {}
        self._components: dict[int, list[int]] = {}
        self._encoded: dict[str, tuple[tuple[int, ...], str]] = {}
        self.char_of: dict[int, str] = {}  # glyph id → the first character mapped to it (ToUnicode)
        for cp, g in sorted(self.cmap.items(), reverse=True):
            self.char_of[g] = chr(cp)

    def gid(self, ch: str) -> int:
        return self.cmap.get(ord(ch), 0)

    def encode(self, text: str) -> tuple[tuple[int, ...], str]:
        """The glyph ids of ``text`` and their hex form (cached: dossier lines repeat across files)."""
        found = self._encoded.get(text)
        if found is None:
            gids = tuple(self.cmap.get(ord(ch), 0) for ch in text)
            found = self._encoded[text] = (gids, "".join(f"{g:04X}" for g in gids))
        return found

    def width(self, text: str, size: float) -> float:
        return sum(self.advances[g] for g in self.encode(text)[0]) * size / self.units

    def glyph(self, gid: int) -> bytes:
        found = self._glyphs.get(gid)
        if found is None:
            found = self.tables["glyf"][self.loca[gid] : self.loca[gid + 1]]
            self._glyphs[gid] = found
        return found

    def components(self, gid: int) -> list[int]:
        found = self._components.get(gid)
        if found is None:
            found = self._components[gid] = self._read_components(gid)
        return found

    def _read_components(self, gid: int) -> list[int]:
        g = self.glyph(gid)
        if len(g) < 10 or struct.unpack_from(">h", g, 0)[0] >= 0:
            return []
        out, pos = [], 10
        while True:
            flags, comp = struct.unpack_from(">HH", g, pos)
            out.append(comp)
            pos += 4 + (4 if flags & ARG_1_AND_2_ARE_WORDS else 2)
            pos += 8 if flags & WE_HAVE_A_TWO_BY_TWO else 4 if flags & WE_HAVE_AN_X_AND_Y_SCALE else 0
            pos += 2 if flags & WE_HAVE_A_SCALE else 0
            if not flags & MORE_COMPONENTS:
                return out

    def closure(self, gids: set[int]) -> list[int]:
        """The glyphs with every composite's components, .notdef first, in original order."""
        todo, seen = list(gids | {0}), set()
        while todo:
            g = todo.pop()
            if g not in seen:
                seen.add(g)
                todo.extend(self.components(g))
        return sorted(seen)

    def subset(self, old_ids: list[int]) -> bytes:
        """A TrueType font of ``old_ids`` (new glyph id = position in the list)."""
        new_id = {g: i for i, g in enumerate(old_ids)}
        glyf, loca = bytearray(), [0]
        for g in old_ids:
            data = self.glyph(g)
            if self.components(g):
                data = _renumber(data, new_id)
            glyf += data
            glyf += b"\0" * (-len(glyf) % 4)
            loca.append(len(glyf))
        n = len(old_ids)
        head = bytearray(self.tables["head"])
        struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment: readers do not check it
        struct.pack_into(">h", head, 50, 1)  # long loca
        hhea = bytearray(self.tables["hhea"])
        struct.pack_into(">H", hhea, 34, n)
        maxp = bytearray(self.tables["maxp"])
        struct.pack_into(">H", maxp, 4, n)
        hmtx = b"".join(struct.pack(">Hh", self.advances[g], self.lsbs[g]) for g in old_ids)
        tables = {
            "head": bytes(head),
            "hhea": bytes(hhea),
            "maxp": bytes(maxp),
            "hmtx": hmtx,
            "loca": struct.pack(f">{n + 1}I", *loca),
            "glyf": bytes(glyf),
        }
        tables.update({t: self.tables[t] for t in KEPT_TABLES if t in self.tables})
        return _sfnt(tables)


def _renumber(data: bytes, new_id: dict[int, int]) -> bytes:
    g, pos = bytearray(data), 10
    while True:
        flags, comp = struct.unpack_from(">HH", g, pos)
        struct.pack_into(">H", g, pos + 2, new_id[comp])
        pos += 4 + (4 if flags & ARG_1_AND_2_ARE_WORDS else 2)
        pos += 8 if flags & WE_HAVE_A_TWO_BY_TWO else 4 if flags & WE_HAVE_AN_X_AND_Y_SCALE else 0
        pos += 2 if flags & WE_HAVE_A_SCALE else 0
        if not flags & MORE_COMPONENTS:
            return bytes(g)


def _sfnt(tables: dict[str, bytes]) -> bytes:
    tags = sorted(tables)
    n = len(tags)
    entry = 1 << (n.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, n, 16 * entry, entry.bit_length() - 1, 16 * n - 16 * entry)
    offset = 12 + 16 * n
    directory, body = bytearray(), bytearray()
    for tag in tags:
        data = tables[tag]
        directory += struct.pack(">4sIII", tag.encode("latin-1"), 0, offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return header + bytes(directory) + bytes(body)


def _unicode_cmap(cmap: bytes) -> dict[int, int]:
    count = struct.unpack_from(">H", cmap, 2)[0]
    best: tuple[int, int] | None = None
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
        fmt = struct.unpack_from(">H", cmap, offset)[0]
        if (platform, encoding) in ((3, 10), (0, 4)) and fmt == 12:
            best = (offset, 12)
            break
        if (platform, encoding) in ((3, 1), (0, 3)) and fmt == 4 and best is None:
            best = (offset, 4)
    if best is None:
        raise UnsupportedFont("no Unicode cmap")
    offset, fmt = best
    out: dict[int, int] = {}
    if fmt == 12:
        groups = struct.unpack_from(">I", cmap, offset + 12)[0]
        for i in range(groups):
            start, end, gid = struct.unpack_from(">III", cmap, offset + 16 + 12 * i)
            for cp in range(start, end + 1):
                out[cp] = gid + cp - start
        return out
    segs = struct.unpack_from(">H", cmap, offset + 6)[0] // 2
    ends = struct.unpack_from(f">{segs}H", cmap, offset + 14)
    starts = struct.unpack_from(f">{segs}H", cmap, offset + 16 + 2 * segs)
    deltas = struct.unpack_from(f">{segs}h", cmap, offset + 16 + 4 * segs)
    range_at = offset + 16 + 6 * segs
    ranges = struct.unpack_from(f">{segs}H", cmap, range_at)
    for i in range(segs):
        for cp in range(starts[i], ends[i] + 1):
            if cp == 0xFFFF:
                continue
            if ranges[i] == 0:
                gid = (cp + deltas[i]) & 0xFFFF
            else:
                at = range_at + 2 * i + ranges[i] + 2 * (cp - starts[i])
                gid = struct.unpack_from(">H", cmap, at)[0]
                gid = (gid + deltas[i]) & 0xFFFF if gid else 0
            if gid:
                out[cp] = gid
    return out


@lru_cache(maxsize=4)
def load_font(path: str, index: int) -> SubsetFont:
    return SubsetFont(Path(path), index)


def _pdf_text(text: str) -> bytes:
    """A PDF text string (Info entries): UTF-16BE with BOM, as hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


class FastCanvas:
    """The reportlab Canvas calls dossiers.write_document makes, for one font."""

    def __init__(self, path: Path, pagesize: tuple[float, float], font: SubsetFont) -> None:
        self.path, self.size, self.font = path, pagesize, font
        self.title = self.author = ""
        self.pages: list[bytes] = []
        self.ops: list[str] = []
        self.used: set[int] = set()
        self.font_size = 12.0

    def setTitle(self, title: str) -> None:
        self.title = title

    def setAuthor(self, author: str) -> None:
        self.author = author

    def setFont(self, _name: str, size: float) -> None:
        self.font_size = size

    def drawString(self, x: float, y: float, text: str) -> None:
        gids, hexes = self.font.encode(text)
        self.used.update(gids)
        self.ops.append(f"BT /F1 {self.font_size:g} Tf {x:.2f} {y:.2f} Td <{hexes}> Tj ET")

    def drawCentredString(self, x: float, y: float, text: str) -> None:
        self.drawString(x - self.font.width(text, self.font_size) / 2, y, text)

    def drawRightString(self, x: float, y: float, text: str) -> None:
        self.drawString(x - self.font.width(text, self.font_size), y, text)

    def showPage(self) -> None:
        self.pages.append("\n".join(self.ops).encode("ascii"))
        self.ops = []

    def save(self) -> None:
        self.path.write_bytes(self._document())

    def _document(self) -> bytes:
        font = self.font
        old_ids = font.closure(self.used)
        new_id = {g: i for i, g in enumerate(old_ids)}
        # Content streams name original glyph ids; map them to the subset's (4 hex digits each).
        table = {f"{g:04X}": f"{new_id[g]:04X}" for g in old_ids}

        def remap(stream: bytes) -> bytes:
            out = []
            for line in stream.decode("ascii").split("\n"):
                head, _, rest = line.partition("<")
                hexes, _, tail = rest.partition(">")
                out.append(head + "<" + "".join(table[hexes[i : i + 4]] for i in range(0, len(hexes), 4)) + ">" + tail)
            return "\n".join(out).encode("ascii")

        scale = 1000 / font.units
        reverse = {new_id[g]: font.char_of[g] for g in old_ids if g in font.char_of}
        widths = " ".join(f"{new_id[g]} [{round(font.advances[g] * scale)}]" for g in old_ids)
        tounicode = (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
            "/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + "".join(
                f"{len(chunk)} beginbfchar\n"
                + "".join(f"<{n:04X}> <{reverse[n].encode('utf-16-be').hex().upper()}>\n" for n in chunk)
                + "endbfchar\n"
                for chunk in _chunks(sorted(reverse), 100)
            )
            + "endcmap CMapName currentdict /CMap defineresource pop end end"
        )
        w = _Writer()
        pages_id, font_id = 2, 3
        w.reserve(6)  # 1 catalog, 2 pages, 3 type0, 4 cid font, 5 descriptor, 6 info
        fontfile = w.stream(font.subset(old_ids), font_file=True)
        cmap = w.stream(tounicode.encode("ascii"))
        kids = []
        for content in self.pages:
            c = w.stream(remap(content))
            kids.append(
                w.add(
                    f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {self.size[0]:.2f} {self.size[1]:.2f}] "
                    f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {c} 0 R >>".encode()
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
            b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /CIDToGIDMap /Identity /DW 1000 "
            + f"/W [{widths}] >>".encode(),
        )
        w.set(
            5,
            f"<< /Type /FontDescriptor /FontName /AAAAAA+Demo /Flags 4 /FontBBox [{x0} {y0} {x1} {y1}] "
            f"/ItalicAngle 0 /Ascent {round(font.ascent * scale)} /Descent {round(font.descent * scale)} "
            f"/CapHeight {round(font.ascent * scale)} /StemV 80 /FontFile2 {fontfile} 0 R >>".encode(),
        )
        w.set(6, b"<< /Title " + _pdf_text(self.title) + b" /Author " + _pdf_text(self.author) + b" >>")
        return w.document(root=1, info=6)


def _chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


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

    def stream(self, data: bytes, *, font_file: bool = False) -> int:
        packed = zlib.compress(data, 1)  # level 1: a third of the time of the default, a few % larger
        length1 = f" /Length1 {len(data)}".encode() if font_file else b""
        return self.add(
            b"<< /Filter /FlateDecode /Length "
            + str(len(packed)).encode()
            + length1
            + b" >>\nstream\n"
            + packed
            + b"\nendstream"
        )

    def document(self, root: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objects, 1):
            offsets.append(len(out))
            out += f"{i} 0 obj\n".encode() + (body or b"null") + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
        out += f"trailer\n<< /Size {len(offsets) + 1} /Root {root} 0 R /Info {info} 0 R >>\n".encode()
        out += f"startxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)
