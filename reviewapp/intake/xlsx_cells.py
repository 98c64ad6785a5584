"""What python-calamine does not tell of an .xlsx sheet: its error cells and its zero-padded numbers.

python-calamine (0.9) hands out an error cell (#N/A, #REF!, #VALUE!, #DIV/0! …) as '' — the same as a
blank cell — and a number without its number format, so a 工号 stored as 7 and shown as 007 reads 7. Both
are in the sheet's XML: an error cell is written ``t="e"``, and a cell's style (``s="N"``) names its number
format in styles.xml. Reading that XML with a second library (openpyxl) would cost more than calamine
itself, so it is searched here, and only when there is something to find:

- the archive's members are read once anyway, to check their CRCs (calamine does not): :func:`check_members`
  does that and notes each worksheet holding ``t="e"``, a plain byte search of data already in hand;
- styles.xml is small: the cell styles whose format pads a whole number with zeros ("000") are found first,
  and a worksheet is noted when it uses one;
- a noted worksheet is read once more when it is loaded, and only its error cells and padded numbers are
  picked out (:func:`marks`).

.xls, .xlsb and .ods files are not searched (their error cells still read as blank): exports come as .xlsx.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

CHUNK = 1 << 20
_ERROR = b't="e"'
# A row hidden in Excel — by an autofilter or by hand — is written <row … hidden="1">; calamine reads it like
# any other (a column's <col … hidden="1"> matches too: its rows are then searched for nothing).
_HIDDEN = re.compile(rb'\shidden="(?:1|true)"')
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\s")
_HIDDEN_BYTES = (b'hidden="1"', b'hidden="true"')  # the plain search of every worksheet (a regex costs more)
_SHEET_PREFIX = "xl/worksheets/"
_STYLES = "xl/styles.xml"
_PADDED = re.compile(r"0{2,}")  # a format that shows a whole number with at least this many digits
# Elements may carry a namespace prefix (<x:c>, as some writers put it).
_NUM_FMT = re.compile(rb'<(?:\w+:)?numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"')
_CELL_XFS = re.compile(rb"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", re.S)
_XF = re.compile(rb"<(?:\w+:)?xf\b([^>]*)>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c\s")
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
_REF = re.compile(rb"([A-Z]{1,3})(\d+)")
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")


@dataclass
class Marks:
    """Of one worksheet: error cells (0-based row → column → code) and padded numbers (row → column → text)."""

    errors: dict[int, dict[int, str]] = field(default_factory=dict)
    shown: dict[int, dict[int, str]] = field(default_factory=dict)
    hidden: list[int] = field(default_factory=list)  # 0-based rows hidden in Excel (by a filter or by hand)


@dataclass
class Noted:
    """What :func:`check_members` found: the worksheets to search again, and the padded styles."""

    sheets: set[str] = field(default_factory=set)  # member names
    widths: dict[bytes, int] = field(default_factory=dict)  # style index (as written in s="…") → digits


def _padded_styles(styles: bytes) -> dict[bytes, int]:
    formats = {}
    for fmt_id, code in _NUM_FMT.findall(styles):
        section = html.unescape(code.decode("utf-8", "replace")).split(";")[0].strip()
        if _PADDED.fullmatch(section):
            formats[fmt_id] = len(section)
    if not formats:
        return {}
    xfs = _CELL_XFS.search(styles)
    widths = {}
    for index, xf in enumerate(_XF.finditer(xfs.group(1) if xfs else b"")):
        fmt = dict(_ATTR.findall(xf.group(1))).get(b"numFmtId")
        if fmt in formats:
            widths[str(index).encode()] = formats[fmt]
    return widths


def check_members(archive: zipfile.ZipFile) -> tuple[str | None, Noted]:
    """Read every member (a CRC mismatch raises BadZipFile at its end, as ``testzip`` finds it): the first
    broken member's name, or None, and the worksheets to search again."""
    noted = Noted()
    names = archive.namelist()
    if _STYLES in names:
        try:
            noted.widths = _padded_styles(archive.read(_STYLES))
        except zipfile.BadZipFile:
            return _STYLES, noted
    style = re.compile(rb'\ss="(?:' + b"|".join(noted.widths) + rb')"') if noted.widths else None
    for info in archive.infolist():
        worksheet = info.filename.startswith(_SHEET_PREFIX) and info.filename.endswith(".xml")
        found, tail = False, b""
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    if worksheet and not found:
                        edge = tail + chunk[:16]
                        found = _ERROR in chunk or _ERROR in edge
                        found = found or (style is not None and (style.search(chunk) or style.search(edge)) is not None)
                        found = found or any(h in chunk or h in edge for h in _HIDDEN_BYTES)
                        tail = chunk[-16:]
        except zipfile.BadZipFile:
            return info.filename, noted
        if found:
            noted.sheets.add(info.filename)
    return None, noted


def sheet_part(archive: zipfile.ZipFile, name: str) -> str | None:
    """The worksheet member of the sheet named ``name`` (workbook.xml and its relationships)."""
    try:
        book = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except (KeyError, zipfile.BadZipFile):
        return None
    rid = None
    for tag in _SHEET.finditer(book):
        attrs = dict(_ATTR.findall(tag.group(1)))
        if html.unescape(attrs.get(b"name", b"").decode("utf-8", "replace")) == name:
            rid = next((v for k, v in attrs.items() if k.endswith(b":id")), None)
            break
    for tag in _RELATIONSHIP.finditer(rels):
        attrs = dict(_ATTR.findall(tag.group(1)))
        if rid is not None and attrs.get(b"Id") == rid:
            target = html.unescape(attrs.get(b"Target", b"").decode("utf-8", "replace"))
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    return None


def _blocks(stream: IO[bytes]) -> Iterator[bytes]:
    """The worksheet XML in pieces that end at a row's end (no cell is cut in two)."""
    rest = b""
    while chunk := stream.read(CHUNK):
        buffer = rest + chunk
        cut = buffer.rfind(b"</row>")
        if cut < 0:
            rest = buffer
            continue
        cut += len(b"</row>")
        yield buffer[:cut]
        rest = buffer[cut:]
    if rest:
        yield rest


def _where(ref: bytes) -> tuple[int, int] | None:
    found = _REF.fullmatch(ref)
    if found is None:
        return None
    column = 0
    for letter in found.group(1):
        column = column * 26 + letter - 64
    return int(found.group(2)) - 1, column - 1


def _padded(value: bytes, width: int) -> str | None:
    try:
        number = float(value)
    except ValueError:
        return None
    if not number.is_integer() or abs(number) >= 1e15:
        return None
    digits = f"{abs(int(number)):0{width}d}"
    return "-" + digits if number < 0 else digits


def marks(archive: zipfile.ZipFile, part: str, widths: dict[bytes, int]) -> Marks:
    """The error cells and the zero-padded numbers of worksheet ``part``."""
    out = Marks()
    wanted = [re.escape(_ERROR), _HIDDEN.pattern] + [rb'\ss="' + w + rb'"' for w in widths]
    pattern = re.compile(b"|".join(wanted))
    with archive.open(part) as stream:
        for block in _blocks(stream):
            for hit in pattern.finditer(block):
                start = block.rfind(b"<", 0, hit.start())
                if start >= 0 and _ROW_TAG.match(block, start) and _HIDDEN.match(block, hit.start()):
                    number = dict(_ATTR.findall(block[start : block.find(b">", hit.end())])).get(b"r", b"")
                    if number.isdigit():
                        out.hidden.append(int(number) - 1)
                    continue
                if start < 0 or not _CELL_TAG.match(block, start):
                    continue  # not an attribute of a cell (a row's style, say)
                head_end = block.find(b">", hit.end())
                attrs = dict(_ATTR.findall(block[start:head_end]))
                where = _where(attrs.get(b"r", b""))
                if where is None or block[head_end - 1 : head_end] == b"/":
                    continue
                end = _CELL_END.search(block, head_end)
                value = _VALUE.search(block, head_end, end.start() if end else len(block))
                text = value.group(1) if value else b""
                row, column = where
                if attrs.get(b"t") == b"e":
                    out.errors.setdefault(row, {})[column] = html.unescape(text.decode("utf-8", "replace")) or "#N/A"
                elif attrs.get(b"t", b"n") == b"n" and (width := widths.get(attrs.get(b"s", b""))):
                    shown = _padded(text, width)
                    if shown is not None:
                        out.shown.setdefault(row, {})[column] = shown
    return out
