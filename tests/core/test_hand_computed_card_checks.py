"""Cases worked out by hand from ../shared/domain/review-rules.md, second round: the §5 case-card logic checks
("Example logic checks [design]") and the §3 items they map to, fed through the app's public functions. The §4
periods of the second round are in test_hand_computed_periods.py; the first round in
test_hand_computed_deadlines.py and test_hand_computed_rules.py.

Each case states its inputs, the hand result and the sentence of the rules it rests on ("§5 logic checks" = the
paragraph "Example logic checks [design]"). No case here depends on the holiday calendar.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from reviewapp.checks import Status, check_case
from reviewapp.checks.results import ERROR, MINOR
from reviewapp.demo.scenarios import arrest_card
from reviewapp.domain.case_card import CaseCard
from tests.core.hand_computed import D, one, prosecution


def _rule(card: CaseCard, rule_id: str) -> list[Status]:
    return [r.status for r in check_case(card, rule_ids=[rule_id])]


def _with_charge(charge: str, **changes: object) -> CaseCard:
    """A closed, not detained prosecution case whose every charge field (case and person card) is ``charge``."""
    card = prosecution(D(2026, 3, 2), D(2026, 3, 20), detained=False, **changes)
    suspect = card.suspects[0]
    suspect.transferred_charge = suspect.found_charge = suspect.prosecuted_charge = charge
    return dataclasses.replace(card, transferred_charge=charge, found_charge=charge)


class TestDatesAndReturns:
    def test_h33_decided_on_the_day_of_receipt_is_in_order_the_day_before_is_not(self) -> None:
        # §5 logic checks "受理日期 ≤ rights-notice date" and "受理日期 ≤ 办结日期": ≤, so equal dates are in order.
        # Received and decided 2026-03-02, every notice and the plea agreement that day → in order. Decided
        # 03-01: 办结日期 precedes 受理日期 and the three dates of 03-02 → four pairs out of order (U4, 瑕).
        day = D(2026, 3, 2)
        same_day: dict[str, Any] = dict(suspect_notified_on=day, victim_notified_on=day, plea_signed_on=day)
        ok = one(prosecution(day, day, detained=False, **same_day), "CK-DATE-ORDER")
        assert ok.status is Status.PASSED
        bad = one(prosecution(day, D(2026, 3, 1), detained=False, **same_day), "CK-DATE-ORDER")
        assert (bad.status, bad.item_code, bad.severity) == (Status.VIOLATION, "U4", MINOR)
        assert [(p["earlier"], p["later"]) for p in bad.facts["out_of_order"]] == [
            ("accepted_on", "closed_on"),
            ("suspect_notified_on", "closed_on"),
            ("victim_notified_on", "closed_on"),
            ("plea_signed_on", "closed_on"),
        ]

    def test_h34_doubt_non_prosecution_after_a_dated_return_with_the_count_left_blank(self) -> None:
        # §5 "存疑不起诉 ⇒ at least one return". 退回补充侦查次数 blank, but the first return is dated 03-20 and
        # resubmitted 04-15: one return → passes (L13 not hit). The blank count beside dated returns is itself a
        # card inconsistency (§5 "card vs document mismatch" / U4): the count check flags it.
        card = prosecution(
            D(2026, 3, 2),
            D(2026, 5, 8),
            detained=False,
            disposition="不起诉（存疑）",
            returns_count=None,
            return1_on=D(2026, 3, 20),
            resubmit1_on=D(2026, 4, 15),
        )
        doubt = one(card, "CK-DOUBT-NONPROS-RETURN")
        assert (doubt.status, doubt.facts["returns"]) == (Status.PASSED, 1)
        count = one(card, "CK-RETURN-DATES")
        assert (count.status, count.item_code) == (Status.VIOLATION, "U4")


class TestJuveniles:
    def test_h35_arrest_review_of_a_minor_on_the_adult_line(self) -> None:
        # §5 "age at offence < 18 ⇒ juvenile line": a 17-year-old in an arrest review handled by 侦监 → U4 (瑕);
        # on 未检 → passes; line left blank → not checkable; 作案时年龄 18 → not under 18, the rule does not apply.
        # (The card holds the age as a whole number and no offence date: the birthday itself cannot be fed.)
        def card(age: int, line: str | None) -> CaseCard:
            c = arrest_card(1, D(2026, 3, 2), D(2026, 3, 9), detained=True, business_line=line)
            c.suspects[0].age_at_offence = age
            return c

        bad = one(card(17, "侦监"), "CK-JUVENILE-LINE")
        assert (bad.status, bad.item_code, bad.severity, bad.facts["minors"]) == (
            Status.VIOLATION,
            "U4",
            MINOR,
            ["王某某"],
        )
        assert _rule(card(17, "未检"), "CK-JUVENILE-LINE") == [Status.PASSED]
        assert _rule(card(17, None), "CK-JUVENILE-LINE") == [Status.NOT_CHECKABLE]
        assert _rule(card(18, "侦监"), "CK-JUVENILE-LINE") == []

    def test_h36_fast_track_with_one_minor_and_one_unknown_age(self) -> None:
        # §5 "速裁 ⇒ not a minor"; §3 F11 (错). Two suspects: 张某某 17 at the offence, 李某 age not on the card.
        # The known minor already decides: violation naming 张某某 (the unknown age cannot undo it).
        card = prosecution(D(2026, 3, 2), D(2026, 3, 10), detained=False, procedure="速裁", business_line="未检")
        card.suspects[0].age_at_offence = 17
        card.suspects.append(dataclasses.replace(card.suspects[0], name="李某", age_at_offence=None))
        r = one(card, "CK-JUVENILE-FAST-TRACK")
        assert (r.status, r.item_code, r.severity) == (Status.VIOLATION, "F11", ERROR)
        assert r.facts["ages"] == {"张某某": 17, "李某": None}
        assert "张某某" in r.explanation and "李某" not in r.explanation


class TestPlea:
    def test_h37_plea_recorded_on_the_person_card_only_signed_without_a_lawyer(self) -> None:
        # §5 "认罪认罚 = 是 ⇒ … defender/duty lawyer"; §3 P18 (错). The case's 认罪认罚 is blank, the suspect's
        # is 是: a plea case. 具结在场人员 = 无 → violation.
        card = prosecution(D(2026, 3, 2), D(2026, 3, 20), detained=False, plea=None, plea_witness="无")
        assert card.suspects[0].plea is True
        r = one(card, "CK-PLEA-WITNESS")
        assert (r.status, r.item_code, r.severity) == (Status.VIOLATION, "P18", ERROR)

    def test_h38_prosecuted_plea_case_with_all_three_plea_fields_blank(self) -> None:
        # §5 "认罪认罚 = 是 ⇒ 具结书 date, defender/duty lawyer, sentencing recommendation present". Prosecuted
        # (起诉) with all three blank → U1 lists the three, in that order; who was present and which
        # recommendation cannot be judged (P18, L12 not checkable). Not prosecuted (不起诉（酌定）): no
        # recommendation goes with it (§4 "indictment states … a sentencing recommendation") → only two missing.
        blank: dict[str, Any] = dict(plea_signed_on=None, plea_witness=None, sentencing_recommendation=None)
        card = prosecution(D(2026, 3, 2), D(2026, 3, 20), detained=False, **blank)
        fields = one(card, "CK-PLEA-FIELDS")
        assert (fields.status, fields.item_code, fields.severity) == (Status.VIOLATION, "U1", MINOR)
        assert fields.facts["missing"] == ["plea_signed_on", "plea_witness", "sentencing_recommendation"]
        assert _rule(card, "CK-PLEA-WITNESS") == [Status.NOT_CHECKABLE]
        assert _rule(card, "CK-PLEA-RECOMMENDATION") == [Status.NOT_CHECKABLE]
        dropped = dataclasses.replace(card, disposition="不起诉（酌定）")
        assert one(dropped, "CK-PLEA-FIELDS").facts["missing"] == ["plea_signed_on", "plea_witness"]
        assert _rule(dropped, "CK-PLEA-RECOMMENDATION") == []


class TestCharges:
    def test_h39_every_suspect_has_a_charge_closed_and_open(self) -> None:
        # §5 "every suspect has a charge"; §3 U6 (person-card offence missing). Second suspect 李某: 移送罪名
        # 盗窃罪, 认定罪名 only a full-width space. Closed → the found charge is needed → violation naming 李某;
        # the same card still open → the transferred charge suffices → passes.
        card = prosecution(D(2026, 3, 2), D(2026, 3, 20), detained=False)
        card.suspects.append(dataclasses.replace(card.suspects[0], name="李某", found_charge="\u3000"))
        r = one(card, "CK-SUSPECT-CHARGE")
        assert (r.status, r.item_code, r.facts["suspects"], r.facts["field"]) == (
            Status.VIOLATION,
            "U6",
            ["李某"],
            "found_charge",
        )
        assert _rule(dataclasses.replace(card, closed_on=None), "CK-SUSPECT-CHARGE") == [Status.PASSED]

    def test_h40_indictment_charge_against_the_card(self) -> None:
        # §5 "charge on card = charge in indictment". Found 盗窃罪、诈骗罪, indicted 诈骗罪，盗窃罪 → the same two
        # charges (order and separator do not matter) → passes. Indicted for 盗窃罪 only → D3 (瑕).
        card = prosecution(D(2026, 3, 2), D(2026, 3, 20), detained=False, found_charge="盗窃罪、诈骗罪")
        card.suspects[0].found_charge, card.suspects[0].prosecuted_charge = "盗窃罪、诈骗罪", "诈骗罪，盗窃罪"
        assert _rule(card, "CK-SUSPECT-CHARGE-MATCH") == [Status.PASSED]
        card.suspects[0].prosecuted_charge = "盗窃罪"
        r = one(card, "CK-SUSPECT-CHARGE-MATCH")
        assert (r.status, r.item_code, r.severity) == (Status.VIOLATION, "D3", MINOR)

    def test_h41_property_charge_on_the_person_card_only(self) -> None:
        # §5 "amount missing for property crimes"; §3 F12 (瑕). Case charges 故意伤害罪 (no amount needed); the
        # suspect's 移送罪名 故意伤害罪, 认定罪名 抢劫罪 (a property charge); 涉案金额 blank, closed → violation
        # naming 抢劫罪.
        # The same card open: the amount is checked on closed cases only → nothing.
        card = prosecution(
            D(2026, 3, 2), D(2026, 3, 20), detained=False, transferred_charge="故意伤害罪", found_charge="故意伤害罪"
        )
        card.amount = None
        card.suspects[0].transferred_charge, card.suspects[0].found_charge = "故意伤害罪", "抢劫罪"
        r = one(card, "CK-AMOUNT")
        assert (r.status, r.item_code, r.severity, r.facts["property_charges"]) == (
            Status.VIOLATION,
            "F12",
            MINOR,
            ["抢劫罪"],
        )
        assert _rule(dataclasses.replace(card, closed_on=None), "CK-AMOUNT") == []

    def test_h42_a_charge_name_holding_a_dunhao_is_one_property_charge(self) -> None:
        # §5 "amount missing for property crimes"; the shipped property list names 掩饰、隐瞒犯罪所得. The charge
        # name itself holds 、 (a 选择性罪名: 掩饰、隐瞒犯罪所得、犯罪所得收益罪, formerly 掩饰、隐瞒犯罪所得罪), so it
        # is one charge, not three: amount blank → F12 violation. (Split at every 、 it was never recognised.)
        for name in ("掩饰、隐瞒犯罪所得、犯罪所得收益罪", "掩饰、隐瞒犯罪所得罪"):
            r = one(_with_charge(name, amount=None), "CK-AMOUNT")
            assert (r.status, r.item_code, r.facts["property_charges"]) == (Status.VIOLATION, "F12", [name])
            assert _rule(_with_charge(name, amount=Decimal("15000")), "CK-AMOUNT") == [Status.PASSED]
        # Two charges joined by 、 are still two: 盗窃罪、掩饰、隐瞒犯罪所得罪 → both named.
        r = one(_with_charge("盗窃罪、掩饰、隐瞒犯罪所得罪", amount=None), "CK-AMOUNT")
        assert r.facts["property_charges"] == ["掩饰、隐瞒犯罪所得罪", "盗窃罪"]
        # A case and its indictment under the same 选择性罪名 agree (§5 "charge on card = charge in indictment").
        assert _rule(_with_charge("走私、贩卖、运输、制造毒品罪"), "CK-SUSPECT-CHARGE-MATCH") == [Status.PASSED]

    def test_h43_drug_case_has_no_victim_to_notify(self) -> None:
        # §4 "Rights notices … victim's right to an agent" (CPL 46) concerns victims; the shipped list of charges
        # without an individual victim names 走私、贩卖、运输、制造毒品. A card charged with exactly that (one name
        # holding 、), 有无被害人 blank, no victim-notice date → the rule does not apply. With 有无被害人 = 是 the
        # date is needed → not checkable.
        card = _with_charge("走私、贩卖、运输、制造毒品罪", victim_notified_on=None, amount=None)
        assert _rule(card, "DL-NOTICE-VICTIM") == []
        assert _rule(dataclasses.replace(card, has_victim=True), "DL-NOTICE-VICTIM") == [Status.NOT_CHECKABLE]
