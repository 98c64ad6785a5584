"""The shipped standards load, validate and carry the whole checklist of review-rules.md §3."""

from __future__ import annotations

import dataclasses
import json

import pytest

from reviewapp.standards import (
    ERROR,
    FLAW,
    SERIOUS,
    Standard,
    load_shipped_standards,
    standard_for_case_type,
)

# §3: every item code per dimension, in the order of the domain reference.
SECTION3 = {"E": 15, "F": 12, "L": 13, "P": 21, "D": 14, "R": 7, "X": 7, "J": 3, "U": 8}
DIMENSIONS = (
    ("E", "证据采信"),
    ("F", "事实认定"),
    ("L", "法律适用"),
    ("P", "办案程序"),
    ("D", "文书制作和使用"),
    ("R", "释法说理"),
    ("X", "办案效果"),
    ("J", "落实司法责任制"),
    ("U", "统一业务系统规范使用"),
)


@pytest.fixture(scope="module")
def shipped() -> list[Standard]:
    return load_shipped_standards()


@pytest.fixture(scope="module")
def criminal() -> Standard:
    found = standard_for_case_type("审查起诉")
    assert found is not None
    return found


def test_both_shipped_standards_load(shipped: list[Standard]) -> None:
    assert {s.code for s in shipped} == {"XS-PCZ", "MXG-GEN"}
    covered = {t for s in shipped for t in s.case_types}
    assert covered == {"审查起诉", "审查逮捕", "民事诉讼监督", "行政诉讼监督", "公益诉讼"}


def test_criminal_standard_carries_every_section3_item(criminal: Standard) -> None:
    expected = [f"{dim}{n}" for dim, count in SECTION3.items() for n in range(1, count + 1)]
    assert [it.code for it in criminal.items] == expected
    for it in criminal.items:
        assert it.code.startswith(it.dimension)
    assert set(criminal.case_types) == {"审查起诉", "审查逮捕"}


def test_dimensions_in_section3_order(shipped: list[Standard]) -> None:
    for s in shipped:
        assert tuple((d.code, d.name) for d in s.dimensions) == DIMENSIONS


def test_severity_mapping_from_section3(criminal: Standard) -> None:
    # 瑕 / 错 / 严, "瑕→错" and "瑕/错" as in §3.
    assert criminal.item("E1").severities == (FLAW,)
    assert criminal.item("E5").severities == (FLAW, ERROR)  # 瑕→错
    assert criminal.item("E15").severities == (FLAW, ERROR)  # 瑕/错
    assert criminal.item("E7").severities == (ERROR,)
    assert criminal.item("P12").severities == (SERIOUS,)
    assert criminal.item("P12").text == "超期羁押"


def test_every_item_has_picker_phrases_and_a_deduction(shipped: list[Standard]) -> None:
    for s in shipped:
        for it in s.items:
            assert 2 <= len(it.phrases) <= 4, it.code
            assert it.severities, it.code
            assert it.deduction > 0, it.code


def test_automatic_check_ids(criminal: Standard) -> None:
    assert criminal.item("P12").check == "DL-PROSECUTION"
    assert criminal.item("P17").check == "DL-RETURN-COUNT"
    assert criminal.item("P3").check == "DL-NOTICE-SUSPECT"
    assert criminal.item("P18").check == "CK-PLEA-WITNESS"
    assert criminal.item("E1").check is None


def test_veto_items_are_serious(criminal: Standard) -> None:
    vetoes = [it for it in criminal.items if it.veto]
    assert {it.code for it in vetoes} >= {"E10", "P11", "P12"}
    assert all(it.severities == (SERIOUS,) for it in vetoes)


def test_items_for_case_type(criminal: Standard) -> None:
    arrest = {it.code for it in criminal.items_for("审查逮捕")}
    prosecution = {it.code for it in criminal.items_for("审查起诉")}
    assert "P16" in arrest and "P16" not in prosecution  # interrogation at arrest review
    assert "P17" in prosecution and "P17" not in arrest  # returns for supplementary investigation
    assert "R1" in arrest and "R3" in prosecution
    assert criminal.items_for("民事诉讼监督") == ()


def test_civil_standard_has_two_month_reply_rule() -> None:
    civil = standard_for_case_type("公益诉讼")
    assert civil is not None and civil.code == "MXG-GEN"
    reply = [it for it in civil.items if "两个月" in it.text]
    assert len(reply) == 1
    assert reply[0].case_types == ("公益诉讼",)
    assert reply[0].check is None  # no card data supports it yet: named only when a rule exists
    assert standard_for_case_type("民事诉讼监督") == civil
    assert standard_for_case_type("其他") is None


def test_schemes_and_explicit_mapping(criminal: Standard) -> None:
    assert criminal.scheme == "2026"
    assert criminal.grade_scheme().grades == ("优质", "合格", "基本合格", "不合格")
    assert criminal.grade_scheme("2018").grades == ("优质", "合格", "瑕疵", "不合格")
    assert criminal.convert_grade("瑕疵", "2018", "2026") == "基本合格"
    assert criminal.convert_grade("基本合格", "2026", "2018") == "瑕疵"
    assert criminal.convert_grade("不合格", "2026", "2018") == "不合格"


def test_criteria_and_rules_are_data(criminal: Standard) -> None:
    assert {"证据审查全面", "释法说理充分"} <= {c.text.split("，")[0] for c in criminal.criteria}
    assert all(c.grades == ("优质",) for c in criminal.criteria)
    assert [r.id for r in criminal.rules] == ["R-VETO", "R-ERROR", "R-SCORE", "R-FLAW", "R-EXCELLENT", "R-NONE"]
    assert not criminal.rules[2].enabled  # the 100-point threshold ships switched off
    assert criminal.score_base == 100


def test_pinned_copy_round_trips_through_json(shipped: list[Standard]) -> None:
    for s in shipped:
        pinned = json.dumps(s.to_dict(), ensure_ascii=False)
        assert Standard.from_dict(json.loads(pinned)) == s


def test_fingerprint_ignores_version_but_not_content(criminal: Standard) -> None:
    bumped = dataclasses.replace(criminal, version=7)
    assert bumped.content_fingerprint() == criminal.content_fingerprint()
    items = list(criminal.items)
    items[0] = dataclasses.replace(items[0], deduction=3.0)
    changed = dataclasses.replace(criminal, items=tuple(items))
    assert changed.content_fingerprint() != criminal.content_fingerprint()


def test_item_lookup_raises_for_unknown_code(criminal: Standard) -> None:
    with pytest.raises(KeyError):
        criminal.item("Z99")


def test_every_automatic_check_named_by_a_standard_exists_and_targets_that_item() -> None:
    from reviewapp.checks import RULES_BY_ID

    for standard in load_shipped_standards():
        for item in standard.items:
            if item.check:
                assert item.check in RULES_BY_ID, (standard.code, item.code, item.check)
                assert item.code in {RULES_BY_ID[item.check].item_code, RULES_BY_ID[item.check].custody_item_code}
