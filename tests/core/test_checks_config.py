"""Thresholds file: shipped defaults, per-procuratorate overrides and clear validation errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from reviewapp.checks import ConfigError, Status, check_case, default_config, load_config
from reviewapp.checks.config import THRESHOLDS_FILE
from reviewapp.demo.scenarios import prosecution_card
from reviewapp.i18n import current_language, set_language


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages are matched in the source language; the default catalog is Chinese."""
    before = current_language()
    set_language("en")
    yield
    set_language(before)


def write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "thresholds.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def shipped() -> dict:
    return yaml.safe_load(THRESHOLDS_FILE.read_text(encoding="utf-8"))


def test_shipped_defaults_are_the_statutory_ones() -> None:
    cfg = default_config()
    assert (cfg.arrest_detained_days, cfg.arrest_not_detained_days, cfg.arrest_not_detained_major_days) == (7, 15, 20)
    assert (cfg.prosecution_months, cfg.prosecution_extension_days) == (1, 15)
    assert (cfg.fast_track_days, cfg.fast_track_over_one_year_days) == (10, 15)
    assert (cfg.max_returns, cfg.return_months, cfg.notice_days) == (2, 1, 3)
    assert (cfg.bail_months, cfg.surveillance_months) == (12, 6)
    assert cfg.warning_days["prosecution"] == 5 and cfg.warning_days["arrest_review"] == 2


def test_procuratorate_override(tmp_path: Path) -> None:
    data = shipped()
    data["procuratorates"] = {"演示市人民检察院": {"warning_days": {"prosecution": 8}}}
    path = write(tmp_path, data)
    local = load_config(path, procuratorate="演示市人民检察院")
    assert local.warning_days["prosecution"] == 8
    assert local.warning_days["arrest_review"] == 2  # untouched keys keep the default
    assert load_config(path).warning_days["prosecution"] == 5
    card = prosecution_card(1, dt.date(2025, 3, 3), None, detained=False)  # ends 3 Apr
    r = check_case(card, today=dt.date(2025, 3, 27), config=local, rule_ids=["DL-PROSECUTION"])[0]
    assert r.status is Status.WARNING


def test_unknown_procuratorate(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no thresholds for procuratorate"):
        load_config(write(tmp_path, shipped()), procuratorate="不存在")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["prosecution"].update(months=-1), "prosecution.months: expected a whole number"),
        (lambda d: d["prosecution"].update(months="one"), "prosecution.months"),
        (lambda d: d["prosecution"].update(weeks=2), "unknown key 'prosecution.weeks'"),
        (lambda d: d.pop("notices"), "section 'notices' is missing"),
        (lambda d: d.update(colour="red"), "unknown section 'colour'"),
        (lambda d: d["warning_days"].pop("returns"), "'warning_days' must give exactly"),
        (lambda d: d["required_fields"].update({"刑事": ["name"]}), "unknown case type '刑事'"),
        (lambda d: d["required_fields"].update({"审查起诉": ["nonsense"]}), "'nonsense' is not a case-card field"),
        (lambda d: d.update(property_charges="盗窃"), "property_charges: expected a list"),
        (lambda d: d.update(procuratorates={"甲": {"notices": {"days": "x"}}}), r"\[甲\].*notices.days"),
    ],
)
def test_invalid_thresholds_are_rejected_with_the_place(tmp_path: Path, change, message: str) -> None:
    data = shipped()
    change(data)
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path, data))


def test_unreadable_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot be read"):
        load_config(tmp_path / "absent.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("prosecution: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(bad)
