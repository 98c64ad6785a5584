"""Start-up without waiting: the shipped standards and YAML resources come from the parsed-resource cache
(keyed by content and parser), and the command line is not loaded to start the GUI."""

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
    assert len(entries) == len(list(SHIPPED_DIR.glob("*.yaml")))
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
