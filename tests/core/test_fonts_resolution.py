"""Font resolution: configured → Windows official fonts → other system CJK font → shipped; refusals."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from reviewapp.exports.fonts import (
    SHIPPED_DIR,
    FontNotFoundError,
    probe_font,
    register_fonts,
)
from reviewapp.font_files import shipped_font_files

UMING = SHIPPED_DIR / "uming.ttc"
MICROHEI = SHIPPED_DIR / "wqy-microhei.ttc"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _link(folder: Path, name: str, target: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / name
    link.symlink_to(target)
    return link


def _fake_sfnt(path: Path, tags: list[str], magic: bytes = b"\x00\x01\x00\x00") -> Path:
    """A header-only sfnt file with the given table tags (enough for the outline/variable checks)."""
    header = magic + struct.pack(">HHHH", len(tags), 16, 0, 0)
    records = b"".join(tag.encode("latin-1").ljust(4) + struct.pack(">III", 0, 0, 0) for tag in tags)
    path.write_bytes(header + records + b"\0" * 64)
    return path


def test_shipped_files_are_truetype_cjk_with_licences():
    files = shipped_font_files()
    assert {f.name for f in files} == {"uming.ttc", "wqy-microhei.ttc"}
    assert sum(f.stat().st_size for f in files) < 40 * 1024 * 1024
    for f in files:
        assert probe_font(f) is not None
    assert (SHIPPED_DIR / "ARPHICPL.txt").is_file()
    assert (SHIPPED_DIR / "wqy-microhei.copyright.txt").is_file()


def test_shipped_fonts_cover_every_role_when_the_system_has_none():
    fonts = register_fonts(system_dirs=[])
    assert fonts.sources["body"].path == UMING
    assert fonts.sources["heading"].path == MICROHEI
    assert {s.origin for s in fonts.sources.values()} == {"shipped"}
    for role in ("body", "title", "heading", "kai", "song"):
        assert fonts.name(role) in registered_names()


def registered_names() -> list[str]:
    return list(pdfmetrics.getRegisteredFontNames())


def test_windows_official_fonts_win_over_other_system_fonts(tmp_path):
    # Stand-ins named like the Windows files; the resolver goes by file name and verifies the cmap.
    system = tmp_path / "Fonts"
    _link(system, "simsun.ttc", UMING)
    _link(system, "simhei.ttf", MICROHEI)
    _link(system / "other", "zzz-cjk.ttc", MICROHEI)
    fonts = register_fonts(system_dirs=[system], shipped_dir=tmp_path / "none")
    assert fonts.sources["song"].path.name == "simsun.ttc"
    assert fonts.sources["song"].origin == "official"
    assert fonts.sources["heading"].path.name == "simhei.ttf"
    # No 小标宋 installed: the title falls back to 宋体, still an official font.
    assert fonts.sources["title"].path.name == "simsun.ttc"
    # No simfang.ttf / simkai.ttf: another CJK TrueType font of the system is used and named.
    assert fonts.sources["body"].origin == "system"
    assert fonts.sources["kai"].origin == "system"


def test_other_system_cjk_font_beats_the_shipped_one(tmp_path):
    system = tmp_path / "share" / "fonts"
    _link(system, "wqy-microhei.ttc", MICROHEI)
    fonts = register_fonts(system_dirs=[system])
    assert {s.origin for s in fonts.sources.values()} == {"system"}
    assert fonts.sources["body"].family == "WenQuanYiMicroHei"


def test_configured_font_file_is_used_for_every_role(tmp_path):
    configured = _link(tmp_path, "my-font.ttc", MICROHEI)
    fonts = register_fonts(configured, system_dirs=[])
    assert all(s.origin == "configured" and s.path == configured for s in fonts.sources.values())


def test_configured_mapping_sets_single_roles(tmp_path):
    _link(tmp_path, "kai.ttc", MICROHEI)
    config = tmp_path / "fonts.json"
    config.write_text(json.dumps({"kai": {"path": "kai.ttc", "index": 0}}), encoding="utf-8")
    fonts = register_fonts(config, system_dirs=[])
    assert fonts.sources["kai"].origin == "configured"
    assert fonts.sources["kai"].path == tmp_path / "kai.ttc"
    assert fonts.sources["body"].origin == "shipped"


def test_unusable_configured_font_falls_through(tmp_path):
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    fonts = register_fonts(broken, system_dirs=[])
    assert fonts.sources["body"].origin == "shipped"


def test_cff_variable_and_non_cjk_fonts_are_refused(tmp_path):
    assert probe_font(_fake_sfnt(tmp_path / "cff.otf", ["CFF ", "cmap", "head"], b"OTTO")) is None
    assert probe_font(_fake_sfnt(tmp_path / "vf.ttf", ["glyf", "fvar", "cmap", "head"])) is None
    assert probe_font(tmp_path / "missing.ttf") is None
    if DEJAVU.is_file():  # a real TrueType font without Chinese glyphs
        assert probe_font(DEJAVU) is None


def test_memoised_per_arguments(tmp_path):
    assert register_fonts(system_dirs=[]) is register_fonts(system_dirs=[])
    assert register_fonts(system_dirs=[]) is not register_fonts(system_dirs=[tmp_path])


def test_error_names_what_was_searched(tmp_path):
    system = tmp_path / "sys"
    system.mkdir()
    (system / "DejaVuSans.ttf").write_bytes(b"\0" * 10)
    empty = tmp_path / "shipped"
    empty.mkdir()
    with pytest.raises(FontNotFoundError) as err:
        register_fonts(system_dirs=[system], shipped_dir=empty)
    assert str(system) in str(err.value)
    assert str(empty) in str(err.value)
