"""A TrueType font parsed once, and subsets of it assembled from cached glyph bytes (the demo dossiers' font).

reportlab spends most of a small CJK PDF on re-subsetting the font from scratch for every file (its subsetter
re-reads and re-encodes every glyph each time). The demo writes about a thousand such files, so this keeps
the parsed font and every glyph's bytes, metrics and component references across files and only assembles
each file's subset (font_core: a TrueType font of the used glyphs — glyf, loca, hmtx, maxp, hhea, head and
the hinting tables). A font without TrueType outlines or a Unicode cmap raises UnsupportedFont.
"""

from __future__ import annotations

import struct
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
        pairs = struct.unpack_from(f">{2 * metrics}h", tables["hmtx"])
        self.advances = [v & 0xFFFF for v in pairs[0::2]]
        self.lsbs = list(pairs[1::2])
        extra = self.num_glyphs - metrics
        self.lsbs += list(struct.unpack_from(f">{extra}h", tables["hmtx"], 4 * metrics)) if extra > 0 else []
        self.advances += [self.advances[-1]] * max(0, extra)
        self.cmap = _unicode_cmap(tables["cmap"])
        self._glyphs: dict[int, bytes] = {}  # padded to 4 bytes, as they go into a subset
        self._fields: dict[int, tuple[tuple[int, int], ...]] = {}  # composite: (offset, component id)
        self._metrics: dict[int, bytes] = {}
        # A subset's head: no checksum adjustment (readers do not check it), long loca offsets.
        self.head = _patched(head, ((">I", 8, 0), (">h", 50, 1)))

    def gid(self, ch: str) -> int:
        return self.cmap.get(ord(ch), 0)

    def width(self, text: str, size: float) -> float:
        cmap, advances = self.cmap, self.advances
        return sum(advances[cmap.get(ord(ch), 0)] for ch in text) * size / self.units

    def glyph(self, gid: int) -> bytes:
        found = self._glyphs.get(gid)
        if found is None:
            data = self.tables["glyf"][self.loca[gid] : self.loca[gid + 1]]
            found = self._glyphs[gid] = data + b"\0" * (-len(data) % 4)
        return found

    def fields(self, gid: int) -> tuple[tuple[int, int], ...]:
        """Where a composite glyph names its components: (byte offset, component glyph id); () if simple."""
        found = self._fields.get(gid)
        if found is None:
            found = self._fields[gid] = self._read_fields(gid)
        return found

    def _read_fields(self, gid: int) -> tuple[tuple[int, int], ...]:
        g = self.glyph(gid)
        if len(g) < 10 or struct.unpack_from(">h", g, 0)[0] >= 0:
            return ()
        out, pos = [], 10
        while True:
            flags, comp = struct.unpack_from(">HH", g, pos)
            out.append((pos + 2, comp))
            pos += 4 + (4 if flags & ARG_1_AND_2_ARE_WORDS else 2)
            pos += 8 if flags & WE_HAVE_A_TWO_BY_TWO else 4 if flags & WE_HAVE_AN_X_AND_Y_SCALE else 0
            pos += 2 if flags & WE_HAVE_A_SCALE else 0
            if not flags & MORE_COMPONENTS:
                return tuple(out)

    def closure(self, gids: set[int]) -> list[int]:
        """The glyphs with every composite's components, .notdef first, in original order."""
        todo, seen = list(gids | {0}), set()
        while todo:
            g = todo.pop()
            if g not in seen:
                seen.add(g)
                todo.extend(c for _, c in self.fields(g))
        return sorted(seen)

    def metric(self, gid: int) -> bytes:
        found = self._metrics.get(gid)
        if found is None:
            found = self._metrics[gid] = struct.pack(">Hh", self.advances[gid], self.lsbs[gid])
        return found

    def renumbered(self, gid: int, *ids: dict[int, int]) -> bytes:
        """The glyph's bytes with its components (if any) renamed by the first of ``ids`` that has them."""
        data, fields = self.glyph(gid), self.fields(gid)
        if not fields:
            return data
        out = bytearray(data)
        for at, comp in fields:
            struct.pack_into(">H", out, at, next(m[comp] for m in ids if comp in m))
        return bytes(out)


def _patched(table: bytes, values: tuple[tuple[str, int, int], ...]) -> bytes:
    out = bytearray(table)
    for fmt, at, value in values:
        struct.pack_into(fmt, out, at, value)
    return bytes(out)


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
