"""CJK fonts for official PDFs: find, verify and register TrueType fonts that reportlab embeds.

GB/T 9704-2012 asks for 仿宋 (body), 小标宋 (title), 黑体 (level-1 headings), 楷体 (level-2 headings) and 宋体
(page numbers). Each of these *roles* is resolved on its own, in this order:

1. the configured path (``config_path``): a font file (.ttf/.ttc) used for every role, a folder searched
   like a system font folder, or a YAML/JSON file mapping roles to files
   (``body: C:/fonts/simfang.ttf`` or ``body: {path: simsun.ttc, index: 0}``);
2. the Windows official-document fonts when present in a system font folder: 仿宋 ``simfang.ttf``,
   宋体 ``simsun.ttc``, 黑体 ``simhei.ttf``, 楷体 ``simkai.ttf`` and 方正小标宋 (``FZXBSJW.TTF`` …);
3. another CJK TrueType font found in the system font folders (role-matching names first: 宋/明 for body and
   title, 黑/sans for headings, 楷 for 楷体);
4. the fonts shipped with the app in ``resources/fonts/`` (AR PL UMing, WenQuanYi Micro Hei).

A candidate is accepted only if it is a TrueType-outline font (reportlab refuses CFF/OTF outlines), is not a
variable font (reportlab draws only the default instance, which for Noto VF is Thin) and its cmap covers
common Chinese of our documents (:data:`PROBE_TEXT`). We never use ``UnicodeCIDFont`` (e.g. STSong-Light): it
is not embedded, so a reader without that font shows boxes. When a role cannot be resolved at all,
:class:`FontNotFoundError` says what was searched and how to fix it.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import threading
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFile

from reviewapp.errors import KnownError
from reviewapp.font_files import FONT_SUFFIXES, SHIPPED_DIR
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate

ROLES = ("body", "title", "heading", "kai", "song")
# Characters every accepted font must carry: the notice title, brackets of the number, dash of page numbers.
PROBE_TEXT = "案件质量问题整改通知书检察院〔〕—，。、（）：１"
# CJK fonts are megabytes; skipping small files keeps a scan of a large font folder quick.
_MIN_CJK_FONT_BYTES = 1_000_000

# Windows official-document font files per role (lower-case), best first.
OFFICIAL_FILES: dict[str, tuple[str, ...]] = {
    "body": ("simfang.ttf", "仿宋_gb2312.ttf", "fangsong_gb2312.ttf", "stfangso.ttf"),
    "title": (
        "fzxbsjw.ttf",
        "方正小标宋简体.ttf",
        "fzxiaobiaosong-b05s.ttf",
        "fzxbsk.ttf",
        "simsun.ttc",
        "simsun.ttf",
    ),
    "heading": ("simhei.ttf", "黑体.ttf", "sthei.ttf"),
    "kai": ("simkai.ttf", "楷体_gb2312.ttf", "kaiti_gb2312.ttf", "stkaiti.ttf"),
    "song": ("simsun.ttc", "simsun.ttf", "nsimsun.ttf", "stsong.ttf"),
}
# Name fragments that make a system font a better match for a role (step 3).
ROLE_HINTS: dict[str, tuple[str, ...]] = {
    "body": ("fang", "仿宋", "song", "宋", "ming", "serif"),
    "title": ("biaosong", "song", "宋", "ming", "serif"),
    "heading": ("hei", "黑", "sans", "gothic"),
    "kai": ("kai", "楷"),
    "song": ("song", "宋", "ming", "serif"),
}
ROLE_LABELS: dict[str, str] = {
    "body": QT_TRANSLATE_NOOP("Fonts", "body text (仿宋)"),
    "title": QT_TRANSLATE_NOOP("Fonts", "title (小标宋)"),
    "heading": QT_TRANSLATE_NOOP("Fonts", "level-1 heading (黑体)"),
    "kai": QT_TRANSLATE_NOOP("Fonts", "level-2 heading (楷体)"),
    "song": QT_TRANSLATE_NOOP("Fonts", "page number (宋体)"),
}
SHIPPED_FILES: dict[str, tuple[str, ...]] = {
    "body": ("uming.ttc",),
    "title": ("uming.ttc",),
    "heading": ("wqy-microhei.ttc", "uming.ttc"),
    "kai": ("ukai.ttc", "uming.ttc"),
    "song": ("uming.ttc",),
}


class FontNotFoundError(KnownError, RuntimeError):
    """No usable CJK TrueType font for a role; the message says what was searched and how to fix it."""


@dataclass(frozen=True)
class FontSource:
    path: Path
    subfont_index: int
    family: str
    origin: str  # "configured" | "official" | "system" | "shipped"

    def describe(self) -> str:
        return f"{self.family} ({self.path}#{self.subfont_index}, {self.origin})"


@dataclass(frozen=True)
class RegisteredFonts:
    """Registered reportlab font names per role and the file each came from."""

    body: str
    title: str
    heading: str
    kai: str
    song: str
    sources: dict[str, FontSource]

    def name(self, role: str) -> str:
        return str(getattr(self, role))


def default_system_dirs() -> list[Path]:
    """Font folders of the running OS (Windows, macOS, Linux)."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".fonts",
        home / ".local" / "share" / "fonts",
    ]


def _sfnt_tables(path: Path, index: int) -> set[str] | None:
    """Table tags of one face, read from the header only (cheap); None if not an sfnt file."""
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
            offset = 0
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                if index >= count:
                    return None
                fh.seek(12 + 4 * index)
                offset = struct.unpack(">I", fh.read(4))[0]
                fh.seek(offset)
                head = fh.read(12)
            if head[:4] not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
                return None
            num = struct.unpack(">H", head[4:6])[0]
            fh.seek(offset + 12)
            data = fh.read(16 * num)
    except (OSError, struct.error):
        return None
    return {data[i * 16 : i * 16 + 4].decode("latin-1") for i in range(num)}


def probe_font(path: Path, index: int = 0) -> str | None:
    """Family name if ``path#index`` is an embeddable, non-variable TrueType font covering PROBE_TEXT."""
    tables = _sfnt_tables(path, index)
    # 'glyf' = TrueType outlines (CFF fonts have 'CFF '); 'fvar' = variable font.
    if tables is None or "glyf" not in tables or "fvar" in tables:
        return None
    try:
        face = TTFontFile(str(path), subfontIndex=index, validate=0)
    except (TTFError, OSError, struct.error, ValueError, IndexError, KeyError):
        return None
    if not all(ord(ch) in face.charToGlyph for ch in PROBE_TEXT):
        return None
    name = face.name
    return name.decode("latin-1") if isinstance(name, bytes) else str(name)


def _walk_fonts(dirs: Sequence[Path]) -> Iterator[Path]:
    for d in dirs:
        if not d.is_dir():
            continue
        for root, _subdirs, files in os.walk(d):
            for f in sorted(files):
                if f.lower().endswith(FONT_SUFFIXES):
                    yield Path(root) / f


def _configured(config_path: Path) -> dict[str, tuple[Path, int]]:
    """Role → (file, subfont index) from the configured path (font file or YAML/JSON mapping)."""
    suffix = config_path.suffix.lower()
    if suffix in FONT_SUFFIXES:
        return dict.fromkeys(ROLES, (config_path, 0))
    if suffix not in (".yaml", ".yml", ".json"):
        return {}
    text = config_path.read_text(encoding="utf-8")
    raw = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
    out: dict[str, tuple[Path, int]] = {}
    for role, value in (raw or {}).items():
        if role not in ROLES:
            continue
        path, index = (value.get("path"), int(value.get("index", 0))) if isinstance(value, dict) else (value, 0)
        if path:
            p = Path(str(path))
            out[role] = (p if p.is_absolute() else config_path.parent / p, index)
    return out


class _Resolver:
    def __init__(self, config_path: Path | None, system_dirs: Sequence[Path], shipped_dir: Path) -> None:
        self.system_dirs = list(system_dirs)
        self.shipped_dir = shipped_dir
        self.configured: dict[str, tuple[Path, int]] = {}
        if config_path is not None:
            if config_path.is_dir():
                self.system_dirs.insert(0, config_path)
            elif config_path.is_file():
                self.configured = _configured(config_path)
        self._system_files: list[Path] | None = None
        self._probed: dict[tuple[Path, int], str | None] = {}

    def _probe(self, path: Path, index: int) -> str | None:
        key = (path, index)
        if key not in self._probed:
            self._probed[key] = probe_font(path, index) if path.is_file() else None
        return self._probed[key]

    def system_files(self) -> list[Path]:
        if self._system_files is None:
            self._system_files = list(_walk_fonts(self.system_dirs))
        return self._system_files

    def resolve(self, role: str) -> FontSource | None:
        if role in self.configured:
            path, index = self.configured[role]
            family = self._probe(path, index)
            if family:
                return FontSource(path, index, family, "configured")
        by_name = {p.name.lower(): p for p in self.system_files()}
        for wanted in OFFICIAL_FILES[role]:
            if wanted in by_name and (family := self._probe(by_name[wanted], 0)):
                return FontSource(by_name[wanted], 0, family, "official")
        big = [p for p in self.system_files() if _size(p) >= _MIN_CJK_FONT_BYTES]
        hinted = [p for p in big if any(h in p.name.lower() for h in ROLE_HINTS[role])]
        for path in hinted + [p for p in big if p not in hinted]:
            if family := self._probe(path, 0):
                return FontSource(path, 0, family, "system")
        for wanted in SHIPPED_FILES[role]:
            path = self.shipped_dir / wanted
            if family := self._probe(path, 0):
                return FontSource(path, 0, family, "shipped")
        return None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _register(source: FontSource) -> str:
    """Register ``source`` with reportlab once; the name is stable per file and subfont."""
    # The path's checksum keeps two files with the same name (e.g. a configured copy) apart.
    tag = zlib.crc32(str(source.path.resolve()).encode("utf-8"))
    name = f"RA-{source.path.stem}-{source.subfont_index}-{tag:08x}"
    if name not in pdfmetrics.getRegisteredFontNames():
        # TTFont embeds a subset of the glyphs actually used (reportlab's default for TrueType).
        pdfmetrics.registerFont(TTFont(name, str(source.path), subfontIndex=source.subfont_index))
    return name


_cache: dict[tuple[Path | None, tuple[Path, ...] | None, Path | None], RegisteredFonts] = {}
_cache_lock = threading.Lock()


def register_fonts(
    config_path: Path | None = None,
    *,
    system_dirs: Sequence[Path] | None = None,
    shipped_dir: Path | None = None,
) -> RegisteredFonts:
    """Resolve and register one font per role (see the module docstring); memoised per arguments."""
    key = (config_path, tuple(system_dirs) if system_dirs is not None else None, shipped_dir)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
        dirs = list(system_dirs) if system_dirs is not None else default_system_dirs()
        shipped = shipped_dir if shipped_dir is not None else SHIPPED_DIR
        resolver = _Resolver(config_path, dirs, shipped)
        sources: dict[str, FontSource] = {}
        for role in ROLES:
            source = resolver.resolve(role)
            if source is None:
                searched = [str(config_path)] if config_path else []
                searched += [str(d) for d in dirs] + [str(shipped)]
                raise FontNotFoundError(
                    translate(
                        "Fonts",
                        "No Chinese TrueType font found for the {role} of official documents. "
                        "Searched: {searched}. Install 仿宋/宋体/黑体/楷体 "
                        "(simfang.ttf, simsun.ttc, simhei.ttf, simkai.ttf) or another Chinese TrueType font, "
                        "choose a font file in the settings, "
                        "or reinstall the app so that the bundled fonts are back in {shipped}.",
                    ).format(role=translate("Fonts", ROLE_LABELS[role]), searched="; ".join(searched), shipped=shipped)
                )
            sources[role] = source
        names = {role: _register(src) for role, src in sources.items()}
        fonts = RegisteredFonts(sources=sources, **names)
        _cache[key] = fonts
        return fonts


def clear_font_cache() -> None:
    """Forget memoised resolutions (after the user changes the configured font)."""
    with _cache_lock:
        _cache.clear()
