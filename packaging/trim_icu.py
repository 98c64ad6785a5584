"""Shrink the ICU data library that PySide6's Qt brings (libicudata.so.NN, 31 MB) to what this app can use.

    python packaging/trim_icu.py DIST/reviewapp/_internal/PySide6/Qt/lib/libicudata.so.73

Why this is safe: the app's text is Chinese or English, and Qt asks ICU only for collation, case mapping, code
page conversion and IDNA. The data is one "common data" package (a table of contents and items); the items kept
are everything that is not tied to a locale (converters, normalisation, break rules, the Chinese/Japanese word
dictionary, collation base data, time zones, the resource pool) plus the root, English and Chinese locales of
every tree. Dropped: the 700-odd other locales, transliteration rules, and the Thai, Lao, Khmer and Burmese word
dictionaries. A locale whose data is gone falls back to root, as ICU does for any locale it does not know.

The kept package becomes a new shared library with the same soname exporting the same `icudtNN_dat` symbol,
made with binutils (objcopy and ld, which PyInstaller needs anyway on Linux). Exit 0 when the library was
replaced, 3 (leaving it as it was) when a tool is missing or the file is not what is expected.
"""

from __future__ import annotations

import platform
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

LOCALE = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]+)*\.res$")
NOT_A_LOCALE = {"res_index.res", "pool.res", "root.res"}
KEPT_LANGUAGES = {"en", "zh"}
DROPPED_TREES = {"translit"}
DROPPED_FILES = {"thaidict.dict", "laodict.dict", "khmerdict.dict", "burmesedict.dict"}
ALIGN = 16


def wanted(name: str) -> bool:
    """Whether an item ("icudt73l/coll/zh.res") of the package is kept."""
    parts = name.split("/")[1:]
    base = parts[-1]
    if base in DROPPED_FILES or (len(parts) > 1 and parts[0] in DROPPED_TREES):
        return False
    match = LOCALE.match(base)
    if match and base not in NOT_A_LOCALE:
        return match.group(1) in KEPT_LANGUAGES
    return True


def symbol(lib: Path) -> tuple[str, int]:
    """The data symbol's name and size, from the library's dynamic symbol table."""
    out = subprocess.run(["readelf", "-W", "--dyn-syms", str(lib)], check=True, capture_output=True, text=True)
    for line in out.stdout.splitlines():
        fields = line.split()
        if len(fields) >= 8 and re.fullmatch(r"icudt\d+_dat", fields[7]):
            return fields[7], int(fields[2], 0)
    raise ValueError("no icudtNN_dat symbol")


def package(blob: bytes, size: int) -> tuple[bytes, int, int]:
    """The filtered common-data package, and the item counts before and after."""
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = header_size
    count = struct.unpack_from("<I", blob, toc)[0]
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * k) for k in range(count)]

    def name(offset: int) -> str:
        start = toc + offset
        return blob[start : blob.index(b"\0", start)].decode("ascii")

    items = []
    for k, (name_offset, data_offset) in enumerate(entries):
        end = entries[k + 1][1] if k + 1 < count else size - toc
        items.append((name(name_offset), blob[toc + data_offset : toc + end]))
    kept = [(n, data) for n, data in items if wanted(n)]  # the table stays sorted by name: ICU bisects it
    names = b"".join(n.encode("ascii") + b"\0" for n, _ in kept)
    table_size = 4 + 8 * len(kept)
    first = table_size + len(names)
    first += -(header_size + first) % ALIGN
    offsets, body = [], bytearray()
    name_offset = table_size
    for n, data in kept:
        offsets.append((name_offset, first + len(body)))
        name_offset += len(n) + 1
        body += data + b"\0" * (-len(data) % ALIGN)
    table = struct.pack("<I", len(kept)) + b"".join(struct.pack("<II", a, b) for a, b in offsets)
    head = table + names
    head += b"\0" * (first - len(head))
    return blob[:header_size] + head + bytes(body), count, len(kept)


def main(argv: list[str]) -> int:
    lib = Path(argv[1])
    if platform.machine() not in ("x86_64", "AMD64"):
        print(f"trim_icu: {platform.machine()} is not x86-64: ICU data left whole")
        return 3
    if not all(shutil.which(tool) for tool in ("readelf", "objcopy", "ld")):
        print("trim_icu: readelf, objcopy or ld missing (binutils): ICU data left whole")
        return 3
    try:
        sym, size = symbol(lib)
        if size == 0:  # this script's output: objcopy gives the symbol no size
            print(f"trim_icu: {lib.name} is trimmed already")
            return 0
        raw = lib.read_bytes()
        magic = raw.find(b"\xda\x27")  # the package header: its size (2 bytes), this magic, then its UDataInfo
        while magic >= 0 and raw[magic + 10 : magic + 14] != b"CmnD":
            magic = raw.find(b"\xda\x27", magic + 1)
        if magic < 2:
            raise ValueError("no ICU common data in the library")
        start = magic - 2
        blob, before, after = package(raw[start : start + size], size)
    except (OSError, ValueError, struct.error, subprocess.CalledProcessError) as exc:
        print(f"trim_icu: {exc}: ICU data left whole")
        return 3
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "icudata.bin").write_bytes(blob)  # objcopy names its symbols after this file name
        if subprocess.run(
            ["objcopy", "-I", "binary", "-O", "elf64-x86-64", "-B", "i386:x86-64",
             "--rename-section", ".data=.rodata,alloc,load,readonly,data,contents",
             "--set-section-alignment", f".rodata={ALIGN}", "--redefine-sym", f"_binary_icudata_bin_start={sym}",
             "--strip-symbol", "_binary_icudata_bin_end", "--strip-symbol", "_binary_icudata_bin_size",
             "icudata.bin", "icudata.o"],
            cwd=tmp,
        ).returncode:  # fmt: skip
            print("trim_icu: objcopy failed: ICU data left whole")
            return 3
        try:
            subprocess.run(["ld", "-shared", "-soname", lib.name, "-o", "out.so", "icudata.o"], check=True, cwd=tmp)
        except subprocess.CalledProcessError as exc:
            print(f"trim_icu: {exc}: ICU data left whole")
            return 3
        shutil.copyfile(Path(tmp) / "out.so", lib)
    print(
        f"trim_icu: {lib.name}: {before} items → {after}, {len(raw) / 1e6:.1f} MB → {lib.stat().st_size / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
