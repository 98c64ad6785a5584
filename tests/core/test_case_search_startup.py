"""Start-up without waiting: the shipped standards, YAML resources and the translation catalog come from the
parsed-resource cache (keyed by content and parser), and the command line is not loaded to start the GUI."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewapp import resource_cache
from reviewapp.standards.loader import SHIPPED_DIR, load_shipped_standards, load_standard


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(resource_cache.ENV, str(folder))
    return folder


def test_shipped_standards_are_parsed_once_then_read_from_the_cache(_cache: Path) -> None:
    first = load_shipped_standards()
    entries = sorted(_cache.iterdir())
    standards = [e for e in entries if e.name.startswith("standard-")]  # beside them: the translation catalog
    assert len(standards) == len(list(SHIPPED_DIR.glob("*.yaml")))
    again = load_shipped_standards()
    assert [s.content_fingerprint() for s in again] == [s.content_fingerprint() for s in first]
    assert [s.content_fingerprint() for s in again] == [
        load_standard(p).content_fingerprint() for p in sorted(SHIPPED_DIR.glob("*.yaml"))
    ]
    assert sorted(_cache.iterdir()) == entries  # nothing parsed again


def test_a_changed_file_or_a_damaged_entry_is_parsed_again(tmp_path: Path, _cache: Path) -> None:
    source = tmp_path / "thresholds.yaml"
    source.write_text("a: 1\nb: [x, y]\n", encoding="utf-8")
    assert resource_cache.cached_yaml(source) == {"a": 1, "b": ["x", "y"]}
    source.write_text("a: 2\n", encoding="utf-8")
    assert resource_cache.cached_yaml(source) == {"a": 2}  # another content, another key
    for entry in _cache.iterdir():
        entry.write_bytes(b"not marshal")
    assert resource_cache.cached_yaml(source) == {"a": 2}
    dated = tmp_path / "dates.yaml"
    dated.write_text("day: 2026-01-01\n", encoding="utf-8")
    assert str(resource_cache.cached_yaml(dated)["day"]) == "2026-01-01"  # not cacheable: parsed each time


def test_the_translation_catalog_is_parsed_once_and_again_when_a_file_changes(
    tmp_path: Path, _cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from reviewapp import i18n

    shipped = i18n.TRANSLATIONS_DIR
    folder = tmp_path / "translations"
    shutil.copytree(shipped, folder)
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", folder)
    monkeypatch.setattr(i18n, "TERMS_FILE", folder / "en" / "terms.ts")
    parsed: dict[tuple[str, str], list[str]] = {}
    catalog = i18n.load_catalog("zh_CN", parsed)
    assert len(list(_cache.iterdir())) == 1
    monkeypatch.setattr(i18n, "read_ts", lambda *_a: pytest.fail("parsed again"))
    cached: dict[tuple[str, str], list[str]] = {}
    assert i18n.load_catalog("zh_CN", cached) == catalog and cached == parsed  # the same entries and plurals
    monkeypatch.undo()
    monkeypatch.setenv(resource_cache.ENV, str(_cache))
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", folder)
    monkeypatch.setattr(i18n, "TERMS_FILE", folder / "en" / "terms.ts")
    changed = folder / "zh_CN" / "reviewapp.intake.errors.ts"
    text = changed.read_text(encoding="utf-8")
    source = "Cannot open {file}: {detail}"
    assert catalog[("Intake", source)] in text
    changed.write_text(text.replace(catalog[("Intake", source)], "打不开{file}：{detail}"), encoding="utf-8")
    assert i18n.load_catalog("zh_CN")[("Intake", source)] == "打不开{file}：{detail}"  # another content, parsed


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file-in-the-way"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(resource_cache.ENV, str(blocked / "cache"))
    assert len(load_shipped_standards()) >= 2


@pytest.mark.parametrize(
    ("argv", "gui"),
    [
        ([], True),
        (["--db", "x.sqlite3", "--user", "admin"], True),
        (["--lang=en"], True),
        (["cases"], False),
        (["--db", "x.sqlite3", "cases"], False),
        (["--help"], False),
        (["--db"], False),
    ],
)
def test_the_gui_start_is_decided_without_the_command_line(argv: list[str], gui: bool) -> None:
    import main

    assert main.plainly_gui(argv) is gui
    if gui:
        from reviewapp.cli.main import wants_cli

        assert not wants_cli(argv)  # the fast path never starts the GUI where the command line would not
