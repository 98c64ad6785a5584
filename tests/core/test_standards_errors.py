"""Broken standard files are rejected with the file, the entry and the problem named."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from reviewapp import i18n
from reviewapp.standards import SHIPPED_DIR, Standard, StandardError, load_standard

BASE = yaml.safe_load((SHIPPED_DIR / "criminal-review-2026.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def english() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def write(tmp_path: Path, change: Callable[[dict[str, Any]], None], name: str = "broken.yaml") -> Path:
    data = copy.deepcopy(BASE)
    change(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def rejected(path: Path) -> StandardError:
    with pytest.raises(StandardError) as info:
        load_standard(path)
    err = info.value
    assert err.file == str(path)
    assert str(path) in str(err)
    return err


def item_index(data: dict[str, Any], code: str) -> int:
    return next(i for i, it in enumerate(data["items"]) if it["code"] == code)


def test_unknown_severity(tmp_path: Path, english: None) -> None:
    def change(d: dict[str, Any]) -> None:
        d["items"][item_index(d, "E5")]["severities"] = ["瑕", "特别严重"]

    err = rejected(write(tmp_path, change))
    assert err.item == "item E5"
    assert err.problem == "unknown severity 特别严重"
    assert err.path == ("items", 4, "severities")
    assert "item E5: unknown severity 特别严重 (allowed: 司法瑕疵" in str(err)


def test_duplicate_item_code(tmp_path: Path, english: None) -> None:
    def change(d: dict[str, Any]) -> None:
        d["items"][item_index(d, "F2")]["code"] = "F1"

    err = rejected(write(tmp_path, change))
    assert err.item == "item F1"
    assert err.problem == "duplicate code F1"


def test_item_in_unknown_dimension(tmp_path: Path, english: None) -> None:
    def change(d: dict[str, Any]) -> None:
        d["items"][item_index(d, "P12")]["dimension"] = "Z"

    err = rejected(write(tmp_path, change))
    assert err.item == "item P12"
    assert err.problem == "unknown dimension Z"


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        ({"id": "R-BAD", "when": {"severity_any": ["一般司法错误"]}, "grade": "很好"}, "unknown grade 很好"),
        ({"id": "R-BAD", "when": {"sometimes": True}, "grade": "合格"}, "unknown field sometimes"),
        ({"id": "R-BAD", "when": {}, "grade": "合格"}, "the condition is empty"),
        ({"id": "R-BAD", "when": {"veto": False}, "grade": "合格"}, "the condition is empty"),
        (
            {"id": "R-BAD", "when": {"no_findings": True, "severity_any": ["瑕"]}, "grade": "合格"},
            "no_findings contradicts a clause about findings",
        ),
        ({"id": "R-BAD", "when": {"severity_only": ["轻微"]}, "grade": "合格"}, "unknown severity 轻微"),
        ({"id": "R-BAD", "when": {"score_below": "sixty"}, "grade": "不合格"}, "score_below must be a number ≥ 0"),
        ({"id": "R-VETO", "when": {"veto": True}, "grade": "不合格"}, "duplicate code R-VETO"),
    ],
)
def test_bad_rule(tmp_path: Path, english: None, rule: dict[str, Any], problem: str) -> None:
    err = rejected(write(tmp_path, lambda d: d["rules"].insert(1, rule)))
    assert err.item == f"rule {rule['id']}"
    assert err.problem == problem
    assert err.path[:2] == ("rules", 1)


def test_score_rule_needs_score_base(tmp_path: Path, english: None) -> None:
    def change(d: dict[str, Any]) -> None:
        d["score_base"] = None

    err = rejected(write(tmp_path, change))
    assert err.item == "rule R-SCORE"
    assert "score_base" in err.problem


def test_all_rules_disabled(tmp_path: Path, english: None) -> None:
    def change(d: dict[str, Any]) -> None:
        for r in d["rules"]:
            r["enabled"] = False

    err = rejected(write(tmp_path, change))
    assert err.item == ""
    assert err.problem == "at least one enabled grade rule is needed"


def test_mapping_must_be_one_to_one(tmp_path: Path, english: None) -> None:
    def change(d: dict[str, Any]) -> None:
        d["schemes"][1]["mapping"]["瑕疵"] = "合格"

    err = rejected(write(tmp_path, change))
    assert err.item == "grade scheme 2018"
    assert "exactly one grade of 2026" in err.problem


def test_item_case_type_outside_the_standard(tmp_path: Path, english: None) -> None:
    def change(d: dict[str, Any]) -> None:
        d["items"][0]["case_types"] = ["民事诉讼监督"]

    err = rejected(write(tmp_path, change))
    assert err.item == "item E1"
    assert "民事诉讼监督" in err.problem


def test_unknown_item_field_and_missing_text(tmp_path: Path, english: None) -> None:
    err = rejected(write(tmp_path, lambda d: d["items"][1].update(severity="瑕")))
    assert (err.item, err.problem) == ("item E2", "unknown field severity")
    err = rejected(write(tmp_path, lambda d: d["items"][2].pop("text")))
    assert (err.item, err.problem) == ("item E3", "text must be non-empty text")


def test_bad_version_and_missing_section(tmp_path: Path, english: None) -> None:
    err = rejected(write(tmp_path, lambda d: d.update(version=0)))
    assert err.problem == "version must be a whole number ≥ 1"
    err = rejected(write(tmp_path, lambda d: d.pop("criteria")))
    assert err.problem == "missing field criteria"


def test_not_yaml_and_not_a_mapping(tmp_path: Path, english: None) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("code: [unclosed\n", encoding="utf-8")
    assert rejected(bad).problem.startswith("not valid YAML")
    listed = tmp_path / "list.yaml"
    listed.write_text("- a\n- b\n", encoding="utf-8")
    assert rejected(listed).problem == "expected a mapping of fields"


def test_errors_are_translated_by_default(tmp_path: Path) -> None:
    before = i18n.current_language()
    i18n.set_language("zh_CN")
    try:

        def change(d: dict[str, Any]) -> None:
            d["items"][0]["dimension"] = "Z"

        err = rejected(write(tmp_path, change))
        assert err.item == "评查项 E1"
        assert err.problem == "未知的评查维度 Z"
    finally:
        i18n.set_language(before)


def test_pinned_dict_is_validated_too() -> None:
    data = copy.deepcopy(BASE)
    data["items"][0]["severities"] = ["大错"]
    with pytest.raises(StandardError) as info:
        Standard.from_dict(data)
    assert info.value.file == "<dict>"
    assert info.value.item.endswith("E1")
