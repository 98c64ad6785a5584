"""Case-card logic checks (§5): date order, required-if, consistency, juveniles, returns, amounts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from reviewapp.checks import RULES, CheckResult, Status, check_case
from reviewapp.checks.results import ERROR, MINOR
from reviewapp.demo.scenarios import arrest_card, prosecution_card
from reviewapp.domain.case_card import CaseCard, SuspectRecord

D = dt.date


def card(**changes: object) -> CaseCard:
    return prosecution_card(1, D(2025, 5, 12), D(2025, 6, 6), detained=False, **changes)  # type: ignore[arg-type]


def statuses(c: CaseCard, rule_id: str) -> list[Status]:
    return [r.status for r in check_case(c, rule_ids=[rule_id])]


def one(c: CaseCard, rule_id: str) -> CheckResult:
    results = check_case(c, rule_ids=[rule_id])
    assert len(results) == 1, results
    return results[0]


def test_clean_card_has_no_violation_or_gap() -> None:
    results = check_case(card())
    assert {r.status for r in results} == {Status.PASSED}


def test_every_rule_is_registered_once_with_item_and_basis() -> None:
    ids = [r.rule_id for r in RULES]
    assert len(ids) == len(set(ids))
    for spec in RULES:
        assert spec.rule_id.startswith(("DL-", "CK-"))
        assert spec.title and spec.basis and spec.item_code
        assert spec.severity in ("司法瑕疵", "一般司法错误", "严重司法错误")


class TestDateOrder:
    def test_notice_before_receipt(self) -> None:
        r = one(card(suspect_notified_on=D(2025, 5, 9)), "CK-DATE-ORDER")
        assert r.status is Status.VIOLATION and (r.item_code, r.severity) == ("U4", MINOR)
        assert r.facts["out_of_order"][0]["later"] == "suspect_notified_on"
        assert "受理日期" in r.explanation

    def test_same_day_is_in_order(self) -> None:
        assert statuses(card(suspect_notified_on=D(2025, 5, 12)), "CK-DATE-ORDER") == [Status.PASSED]

    def test_closed_before_accepted(self) -> None:
        assert statuses(card(closed_on=D(2025, 5, 11), plea_signed_on=None), "CK-DATE-ORDER") == [Status.VIOLATION]

    def test_resubmission_before_return(self) -> None:
        c = card(returns_count=1, return1_on=D(2025, 5, 20), resubmit1_on=D(2025, 5, 19))
        assert statuses(c, "CK-DATE-ORDER") == [Status.VIOLATION]


class TestRequiredFields:
    def test_missing_field_on_closed_case(self) -> None:
        r = one(card(found_charge=None), "CK-REQUIRED-FIELDS")
        assert r.status is Status.VIOLATION and r.facts["missing"] == ["found_charge"]
        assert "认定罪名" in r.explanation

    def test_open_case_is_not_held_to_it(self) -> None:
        assert statuses(card(closed_on=None, found_charge=None), "CK-REQUIRED-FIELDS") == []

    def test_no_suspects(self) -> None:
        c = card()
        c.suspects = []
        assert one(c, "CK-REQUIRED-FIELDS").facts["no_suspects"] is True

    def test_arrest_review_needs_less(self) -> None:
        c = arrest_card(1, D(2025, 3, 3), D(2025, 3, 10), detained=True, found_charge=None)
        assert statuses(c, "CK-REQUIRED-FIELDS") == [Status.PASSED]


class TestPlea:
    def test_required_if_plea(self) -> None:
        r = one(card(plea_signed_on=None, plea_witness=None), "CK-PLEA-FIELDS")
        assert r.status is Status.VIOLATION and r.facts["missing"] == ["plea_signed_on", "plea_witness"]

    def test_no_plea_no_requirement(self) -> None:
        c = card(plea=False, plea_signed_on=None, plea_witness=None, sentencing_recommendation=None)
        c.suspects[0].plea = False
        for rule in ("CK-PLEA-FIELDS", "CK-PLEA-WITNESS", "CK-PLEA-RECOMMENDATION"):
            assert statuses(c, rule) == []

    @pytest.mark.parametrize(
        ("witness", "status"),
        [
            ("辩护人", Status.PASSED),
            ("值班律师", Status.PASSED),
            ("无", Status.VIOLATION),
            (None, Status.NOT_CHECKABLE),
        ],
    )
    def test_witness(self, witness: str | None, status: Status) -> None:
        r = one(card(plea_witness=witness), "CK-PLEA-WITNESS")
        assert r.status is status
        assert (r.item_code, r.severity) == ("P18", ERROR)

    @pytest.mark.parametrize(
        ("kind", "status"),
        [("确定刑", Status.PASSED), ("幅度刑", Status.WARNING), ("无", Status.VIOLATION), (None, Status.NOT_CHECKABLE)],
    )
    def test_recommendation(self, kind: str | None, status: Status) -> None:
        r = one(card(sentencing_recommendation=kind), "CK-PLEA-RECOMMENDATION")
        assert r.status is status and r.item_code == "L12"

    def test_no_recommendation_needed_when_not_prosecuted(self) -> None:
        c = card(disposition="不起诉（酌定）", sentencing_recommendation=None)
        assert statuses(c, "CK-PLEA-RECOMMENDATION") == []
        assert statuses(c, "CK-PLEA-FIELDS") == [Status.PASSED]


class TestCharges:
    def test_changed_without_reason(self) -> None:
        r = one(card(transferred_charge="诈骗罪"), "CK-CHARGE-CHANGED")
        assert r.status is Status.VIOLATION and r.item_code == "D3"

    @pytest.mark.parametrize(
        ("column", "value", "status"),
        [
            ("罪名变更理由", "秘密窃取", Status.PASSED),
            ("是否改变罪名", "是", Status.PASSED),
            ("是否改变罪名", "否", Status.VIOLATION),
        ],
    )
    def test_change_marker(self, column: str, value: str, status: Status) -> None:
        assert statuses(card(transferred_charge="诈骗罪", extra={column: value}), "CK-CHARGE-CHANGED") == [status]

    def test_order_and_separators_do_not_matter(self) -> None:
        c = card(transferred_charge="诈骗罪，盗窃罪", found_charge="盗窃罪、诈骗罪")
        assert statuses(c, "CK-CHARGE-CHANGED") == [Status.PASSED]

    def test_every_suspect_has_a_charge(self) -> None:
        c = card()
        c.suspects.append(SuspectRecord(c.dept_case_no, "李某", age_at_offence=40, transferred_charge="盗窃罪"))
        r = one(c, "CK-SUSPECT-CHARGE")
        assert r.status is Status.VIOLATION and r.facts["suspects"] == ["李某"] and r.item_code == "U6"

    def test_open_case_needs_only_the_transferred_charge(self) -> None:
        c = card(closed_on=None)
        c.suspects[0].found_charge = None
        assert statuses(c, "CK-SUSPECT-CHARGE") == [Status.PASSED]

    def test_suspect_charge_outside_case_charges(self) -> None:
        c = card()
        c.suspects[0].found_charge = "诈骗罪"
        c.suspects[0].prosecuted_charge = "诈骗罪"
        assert statuses(c, "CK-SUSPECT-CHARGE-MATCH") == [Status.VIOLATION]

    def test_indicted_charge_differs_from_found(self) -> None:
        c = card()
        c.suspects[0].prosecuted_charge = "抢劫罪"
        assert statuses(c, "CK-SUSPECT-CHARGE-MATCH") == [Status.VIOLATION]


class TestJuveniles:
    def test_minor_must_be_on_juvenile_line(self) -> None:
        assert statuses(card(suspect={"age_at_offence": 17}), "CK-JUVENILE-LINE") == [Status.VIOLATION]
        assert statuses(card(business_line="未检", suspect={"age_at_offence": 17}), "CK-JUVENILE-LINE") == [
            Status.PASSED
        ]
        assert statuses(card(suspect={"age_at_offence": 18}), "CK-JUVENILE-LINE") == []

    def test_no_fast_track_for_minors(self) -> None:
        c = card(procedure="速裁", business_line="未检", suspect={"age_at_offence": 17})
        r = one(c, "CK-JUVENILE-FAST-TRACK")
        assert r.status is Status.VIOLATION and (r.item_code, r.severity) == ("F11", ERROR)
        assert statuses(card(procedure="速裁", suspect={"age_at_offence": 18}), "CK-JUVENILE-FAST-TRACK") == [
            Status.PASSED
        ]

    def test_fast_track_with_unknown_age_is_not_checkable(self) -> None:
        r = one(card(procedure="速裁", suspect={"age_at_offence": None}), "CK-JUVENILE-FAST-TRACK")
        assert r.status is Status.NOT_CHECKABLE and r.missing_fields == ("suspects[0].age_at_offence",)

    def test_age_known(self) -> None:
        assert statuses(card(suspect={"age_at_offence": None}), "CK-AGE-KNOWN") == [Status.VIOLATION]


class TestReturnsAndDisposition:
    def test_count_without_dates(self) -> None:
        assert statuses(card(returns_count=1), "CK-RETURN-DATES") == [Status.VIOLATION]

    def test_dates_beyond_count(self) -> None:
        c = card(returns_count=0, return1_on=D(2025, 5, 20), resubmit1_on=D(2025, 5, 30))
        assert statuses(c, "CK-RETURN-DATES") == [Status.VIOLATION]

    def test_resubmission_without_return(self) -> None:
        assert statuses(card(returns_count=None, resubmit1_on=D(2025, 5, 30)), "CK-RETURN-DATES") == [Status.VIOLATION]

    def test_matching_dates(self) -> None:
        c = card(returns_count=1, return1_on=D(2025, 5, 20), resubmit1_on=D(2025, 5, 30))
        assert statuses(c, "CK-RETURN-DATES") == [Status.PASSED]

    @pytest.mark.parametrize(
        ("count", "status"), [(0, Status.VIOLATION), (1, Status.PASSED), (None, Status.NOT_CHECKABLE)]
    )
    def test_doubt_non_prosecution_needs_a_return(self, count: int | None, status: Status) -> None:
        dates = {"return1_on": D(2025, 5, 20), "resubmit1_on": D(2025, 5, 30)} if count else {}
        c = card(disposition="不起诉(存疑)", returns_count=count, **dates)
        r = one(c, "CK-DOUBT-NONPROS-RETURN")
        assert r.status is status and r.item_code == "L13"


class TestAmount:
    def test_property_crime_needs_amount(self) -> None:
        assert statuses(card(amount=None), "CK-AMOUNT") == [Status.VIOLATION]
        assert statuses(card(amount=Decimal("0")), "CK-AMOUNT") == [Status.VIOLATION]
        assert statuses(card(amount=Decimal("1")), "CK-AMOUNT") == [Status.PASSED]

    def test_other_crimes_do_not(self) -> None:
        c = card(amount=None, transferred_charge="危险驾驶罪", found_charge="危险驾驶罪")
        c.suspects[0] = dataclasses.replace(c.suspects[0], transferred_charge="危险驾驶罪", found_charge="危险驾驶罪")
        assert statuses(c, "CK-AMOUNT") == []


def test_rules_return_nothing_for_civil_cases() -> None:
    c = dataclasses.replace(card(), case_type="民事诉讼监督", suspects=[])
    assert {r.rule_id for r in check_case(c)} == {"CK-DATE-ORDER"}


def test_results_are_json_serialisable() -> None:
    import json

    for r in check_case(card(amount=None, plea_witness="无", suspect_notified_on=D(2025, 5, 20))):
        json.dumps(r.facts)
