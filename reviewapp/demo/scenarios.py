"""Demo cards for the automatic pre-screening: for every rule one card that breaks it and one that sits
exactly on its limit and passes (in custody and not, where custody changes the counting).

Each card is otherwise clean: every other check passes, so a card triggers exactly its expected violations
(tests/core/test_checks_scenarios.py holds this). 部门受案号 start with 演示-规则-.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reviewapp.domain.case_card import CaseCard, SuspectRecord

PREFIX = "演示-规则-"
D = dt.date
UNIT = "演示市演示区人民检察院"
AGENCY = "演示市公安局演示分局"


@dataclass(frozen=True)
class ScenarioCase:
    card: CaseCard
    rule_id: str  # the rule this card demonstrates
    triggers: bool  # True: breaks the rule; False: sits on the limit and passes
    expected_violations: frozenset[str]
    note: str  # for developers: what the card shows


def _suspect(no: str, name: str, *, detained: bool, started: dt.date, **changes: Any) -> SuspectRecord:
    fields: dict[str, Any] = {
        "gender": "男",
        "age_at_offence": 34,
        "detained": detained,
        "measure": "逮捕" if detained else "取保候审",
        "measure_started_on": started,
        "plea": True,
        "transferred_charge": "盗窃罪",
        "found_charge": "盗窃罪",
        "prosecuted_charge": "盗窃罪",
    }
    fields.update(changes)
    return SuspectRecord(dept_case_no=no, name=name, **fields)


def prosecution_card(
    serial: int,
    accepted: dt.date,
    closed: dt.date | None,
    *,
    detained: bool,
    suspect: dict[str, Any] | None = None,
    **changes: Any,
) -> CaseCard:
    """A clean 审查起诉 theft case with a plea agreement; ``changes`` replace card fields."""
    no = f"{PREFIX}{serial:03d}"
    card = CaseCard(
        dept_case_no=no,
        name="张某某盗窃案",
        case_type="审查起诉",
        unit=UNIT,
        department="第一检察部",
        prosecutor="李明",
        accepted_on=accepted,
        unified_case_no=f"演示检刑诉受〔{accepted.year}〕{serial}号",
        business_line="公诉",
        prosecutor_staff_no="J0427",
        transferring_agency=AGENCY,
        transferred_charge="盗窃罪",
        found_charge="盗窃罪",
        closed_on=closed,
        disposition="起诉",
        detained=detained,
        plea=True,
        plea_signed_on=min(accepted + dt.timedelta(days=2), closed or dt.date.max),
        plea_witness="值班律师",
        sentencing_recommendation="确定刑",
        procedure="简易",
        extension_approved=False,
        returns_count=0,
        suspect_notified_on=accepted + dt.timedelta(days=1),
        victim_notified_on=accepted + dt.timedelta(days=1),
        amount=Decimal("8600"),
        summary="犯罪嫌疑人张某某入户窃取他人手机及现金，价值人民币8600元。",
    )
    started = accepted - dt.timedelta(days=25)
    card.suspects = [_suspect(no, "张某某", detained=detained, started=started, **(suspect or {}))]
    return dataclasses.replace(card, **changes) if changes else card


def arrest_card(serial: int, accepted: dt.date, closed: dt.date | None, *, detained: bool, **changes: Any) -> CaseCard:
    no = f"{PREFIX}{serial:03d}"
    card = CaseCard(
        dept_case_no=no,
        name="王某某诈骗案",
        case_type="审查逮捕",
        unit=UNIT,
        department="第二检察部",
        prosecutor="陈静",
        accepted_on=accepted,
        business_line="侦监",
        transferring_agency=AGENCY,
        transferred_charge="诈骗罪",
        found_charge="诈骗罪",
        closed_on=closed,
        disposition="批准逮捕",
        detained=detained,
        amount=Decimal("52000"),
        summary="犯罪嫌疑人王某某冒充客服骗取被害人人民币52000元。",
    )
    measure = "拘留" if detained else "取保候审"
    card.suspects = [
        _suspect(
            no,
            "王某某",
            detained=detained,
            started=accepted - dt.timedelta(days=3),
            measure=measure,
            plea=None,
            transferred_charge="诈骗罪",
            found_charge="诈骗罪",
            prosecuted_charge=None,
        )
    ]
    return dataclasses.replace(card, **changes) if changes else card


def hit(rule: str, card: CaseCard, note: str) -> ScenarioCase:
    """A card that breaks ``rule`` (and nothing else)."""
    return ScenarioCase(card, rule, True, frozenset({rule}), note)


def ok(rule: str, card: CaseCard, note: str) -> ScenarioCase:
    """A card that sits on the limit of ``rule`` and passes every check."""
    return ScenarioCase(card, rule, False, frozenset(), note)


def _deadline_cases() -> list[ScenarioCase]:
    ret2: dict[str, Any] = {
        "returns_count": 2,
        "return1_on": D(2025, 3, 31),
        "resubmit1_on": D(2025, 4, 28),
        "return2_on": D(2025, 5, 27),
        "resubmit2_on": D(2025, 6, 25),
    }
    return [
        hit(
            "DL-ARREST-REVIEW",
            arrest_card(1, D(2025, 9, 24), D(2025, 10, 2), detained=True),
            "detained: 7 days end on 1 Oct (holiday) — no extension in custody; decided 1 day late",
        ),
        ok(
            "DL-ARREST-REVIEW",
            arrest_card(2, D(2025, 9, 24), D(2025, 10, 1), detained=True),
            "detained: decided on the 7th day, a public holiday",
        ),
        hit(
            "DL-ARREST-REVIEW",
            arrest_card(3, D(2025, 9, 16), D(2025, 10, 10), detained=False),
            "not detained: 15 days end on 1 Oct, rolled over National Day to 9 Oct; decided 10 Oct",
        ),
        ok(
            "DL-ARREST-REVIEW",
            arrest_card(4, D(2025, 9, 16), D(2025, 10, 9), detained=False),
            "not detained: decided on the first working day after National Day",
        ),
        hit(
            "DL-PROSECUTION",
            prosecution_card(11, D(2025, 4, 10), D(2025, 5, 12), detained=True),
            "in custody: one month ends Saturday 10 May, not extended; decided Monday 12 May (P12)",
        ),
        ok(
            "DL-PROSECUTION",
            prosecution_card(12, D(2024, 1, 31), D(2024, 2, 29), detained=True),
            "in custody: 31 Jan + 1 month = 29 Feb (leap year); decided that day",
        ),
        hit(
            "DL-PROSECUTION",
            prosecution_card(13, D(2025, 1, 8), D(2025, 2, 10), detained=False),
            "not detained: one month ends on 8 Feb, a 调休 working Saturday; decided Monday 10 Feb (P10)",
        ),
        ok(
            "DL-PROSECUTION",
            prosecution_card(14, D(2025, 4, 10), D(2025, 5, 12), detained=False),
            "not detained: one month ends Saturday 10 May, rolled to Monday 12 May; decided that day",
        ),
        ok(
            "DL-PROSECUTION",
            prosecution_card(15, D(2025, 3, 3), D(2025, 4, 18), detained=False, extension_approved=True),
            "extension approved: one month + 15 days ends 18 Apr; decided that day",
        ),
        ok(
            "DL-RETURN-COUNT",
            prosecution_card(16, D(2025, 3, 3), D(2025, 7, 25), detained=False, **ret2),
            "two returns, each within a month; the review period restarts on each resubmission",
        ),
        hit(
            "DL-RETURN-COUNT",
            prosecution_card(17, D(2025, 3, 3), D(2025, 9, 5), detained=False, **{**ret2, "returns_count": 3}),
            "three returns recorded (the third one's dates are not on the card)",
        ),
        hit(
            "DL-RETURN-PERIOD",
            prosecution_card(
                18,
                D(2025, 3, 3),
                D(2025, 5, 20),
                detained=True,
                returns_count=1,
                return1_on=D(2025, 3, 20),
                resubmit1_on=D(2025, 4, 21),
            ),
            "in custody: the return's month ends Sunday 20 Apr, not extended; resubmitted 21 Apr",
        ),
        ok(
            "DL-RETURN-PERIOD",
            prosecution_card(
                19,
                D(2025, 3, 3),
                D(2025, 5, 20),
                detained=False,
                returns_count=1,
                return1_on=D(2025, 3, 20),
                resubmit1_on=D(2025, 4, 21),
            ),
            "not detained: the return's month ends Sunday 20 Apr, rolled to Monday 21 Apr",
        ),
        hit(
            "DL-FAST-TRACK",
            prosecution_card(21, D(2025, 4, 24), D(2025, 5, 12), detained=False, procedure="速裁"),
            "速裁, not detained: even the 15-day limit (9 May) passed; decided 12 May",
        ),
        ok(
            "DL-FAST-TRACK",
            prosecution_card(22, D(2025, 4, 24), D(2025, 5, 6), detained=False, procedure="速裁"),
            "速裁, not detained: 10 days end on 4 May (Labour Day), rolled to 6 May; decided that day",
        ),
        hit(
            "DL-FAST-TRACK",
            prosecution_card(23, D(2025, 6, 3), D(2025, 6, 19), detained=True, procedure="速裁"),
            "速裁, in custody: 15-day limit 18 Jun; decided 19 Jun",
        ),
        ok(
            "DL-FAST-TRACK",
            prosecution_card(24, D(2025, 6, 3), D(2025, 6, 13), detained=True, procedure="速裁"),
            "速裁, in custody: decided on the 10th day",
        ),
        hit(
            "DL-NOTICE-SUSPECT",
            prosecution_card(31, D(2025, 3, 6), D(2025, 3, 28), detained=True, suspect_notified_on=D(2025, 3, 10)),
            "in custody: 3 days end Sunday 9 Mar, not extended; notified Monday 10 Mar",
        ),
        ok(
            "DL-NOTICE-SUSPECT",
            prosecution_card(32, D(2025, 3, 6), D(2025, 3, 28), detained=False, suspect_notified_on=D(2025, 3, 10)),
            "not detained: 3 days end Sunday 9 Mar, rolled to Monday 10 Mar; notified that day",
        ),
        hit(
            "DL-NOTICE-VICTIM",
            prosecution_card(33, D(2025, 3, 6), D(2025, 3, 28), detained=False, victim_notified_on=D(2025, 3, 11)),
            "not detained: victim notified on 11 Mar, after the rolled limit of 10 Mar",
        ),
        ok(
            "DL-NOTICE-VICTIM",
            prosecution_card(34, D(2025, 3, 6), D(2025, 3, 28), detained=True, victim_notified_on=D(2025, 3, 9)),
            "in custody: victim notified on the 3rd day, a Sunday",
        ),
        hit(
            "DL-BAIL",
            prosecution_card(
                41, D(2025, 2, 24), D(2025, 3, 18), detained=False, suspect={"measure_started_on": D(2024, 3, 15)}
            ),
            "bail since 15 Mar 2024: 12 months end Saturday 15 Mar 2025, rolled to 17 Mar; closed 18 Mar",
        ),
        ok(
            "DL-BAIL",
            prosecution_card(
                42, D(2025, 2, 24), D(2025, 3, 17), detained=False, suspect={"measure_started_on": D(2024, 3, 15)}
            ),
            "bail: closed on 17 Mar 2025, the rolled last day",
        ),
        hit(
            "DL-SURVEILLANCE",
            prosecution_card(
                43,
                D(2025, 2, 17),
                D(2025, 3, 4),
                detained=False,
                suspect={"measure": "监视居住", "measure_started_on": D(2024, 9, 2)},
            ),
            "residential surveillance since 2 Sep 2024: 6 months end Sunday 2 Mar, rolled to 3 Mar; closed 4 Mar",
        ),
        ok(
            "DL-SURVEILLANCE",
            prosecution_card(
                44,
                D(2025, 2, 17),
                D(2025, 3, 3),
                detained=False,
                suspect={"measure": "监视居住", "measure_started_on": D(2024, 9, 2)},
            ),
            "residential surveillance: closed on 3 Mar 2025, the rolled last day",
        ),
    ]


def _card_cases() -> list[ScenarioCase]:
    a, c = D(2025, 5, 12), D(2025, 6, 6)  # a clean month: accepted Monday, decided within the month

    def p(serial: int, detained: bool = False, **changes: Any) -> CaseCard:
        return prosecution_card(serial, a, c, detained=detained, **changes)

    minor = {"age_at_offence": 17}
    return [
        hit(
            "CK-DATE-ORDER",
            p(51, suspect_notified_on=D(2025, 5, 9)),
            "suspect notified three days before the case was received",
        ),
        ok("CK-DATE-ORDER", p(52, suspect_notified_on=a, victim_notified_on=a), "notices on the day of receipt"),
        hit("CK-REQUIRED-FIELDS", p(53, transferring_agency=None), "移送单位 missing on a closed case"),
        ok("CK-REQUIRED-FIELDS", p(54), "every required field filled"),
        hit(
            "CK-RETURN-DATES",
            p(55, returns_count=2, return1_on=D(2025, 5, 20), resubmit1_on=D(2025, 5, 30)),
            "two returns counted, dates for one only (the review stretches cannot be delimited)",
        ),
        ok(
            "CK-RETURN-DATES",
            p(56, returns_count=1, return1_on=D(2025, 5, 20), resubmit1_on=D(2025, 5, 30)),
            "one return with both dates",
        ),
        hit(
            "CK-DOUBT-NONPROS-RETURN",
            p(
                57,
                disposition="不起诉（存疑）",
                plea=False,
                plea_signed_on=None,
                plea_witness=None,
                sentencing_recommendation=None,
                suspect={"plea": False, "prosecuted_charge": None},
            ),
            "non-prosecution for insufficient evidence without a return",
        ),
        ok(
            "CK-DOUBT-NONPROS-RETURN",
            p(
                58,
                disposition="不起诉（存疑）",
                plea=False,
                plea_signed_on=None,
                plea_witness=None,
                sentencing_recommendation=None,
                returns_count=1,
                return1_on=D(2025, 5, 20),
                resubmit1_on=D(2025, 6, 3),
                suspect={"plea": False, "prosecuted_charge": None},
            ),
            "non-prosecution for insufficient evidence after exactly one return",
        ),
        hit("CK-JUVENILE-LINE", p(59, suspect=minor), "suspect aged 17 on the 公诉 line"),
        ok("CK-JUVENILE-LINE", p(60, business_line="未检", suspect=minor), "suspect aged 17 on the 未检 line"),
        hit(
            "CK-JUVENILE-FAST-TRACK",
            p(61, business_line="未检", procedure="速裁", suspect=minor, closed_on=D(2025, 5, 22)),
            "速裁 for a suspect aged 17",
        ),
        ok(
            "CK-JUVENILE-FAST-TRACK",
            p(62, procedure="速裁", suspect={"age_at_offence": 18}, closed_on=D(2025, 5, 22)),
            "速裁 for a suspect aged exactly 18",
        ),
        hit("CK-AGE-KNOWN", p(63, suspect={"age_at_offence": None}), "age at the offence missing"),
        ok("CK-AGE-KNOWN", p(64, business_line="未检", suspect={"age_at_offence": 14}), "age 14 recorded"),
        hit("CK-AMOUNT", p(65, amount=None), "theft without the amount involved"),
        ok(
            "CK-AMOUNT",
            p(66, amount=Decimal("1000"), summary="犯罪嫌疑人张某某窃取他人电动自行车一辆，价值人民币1000元。"),
            "theft with the amount recorded (1000 yuan)",
        ),
        hit("CK-PLEA-FIELDS", p(67, plea_signed_on=None), "plea case without the 具结书 date"),
        ok(
            "CK-PLEA-FIELDS",
            p(68, disposition="不起诉（酌定）", sentencing_recommendation=None, suspect={"prosecuted_charge": None}),
            "plea case not prosecuted: no sentencing recommendation needed",
        ),
        hit("CK-PLEA-WITNESS", p(69, plea_witness="无"), "plea agreement signed with no lawyer present"),
        ok("CK-PLEA-WITNESS", p(70, plea_witness="辩护人"), "plea agreement signed with the defender"),
        hit(
            "CK-PLEA-RECOMMENDATION",
            p(71, sentencing_recommendation="无"),
            "plea case prosecuted without a sentencing recommendation",
        ),
        ok("CK-PLEA-RECOMMENDATION", p(72), "fixed-term sentencing recommendation"),
        hit(
            "CK-CHARGE-CHANGED",
            p(73, transferred_charge="诈骗罪", suspect={"transferred_charge": "诈骗罪"}),
            "transferred as fraud, found theft, no reason recorded",
        ),
        ok(
            "CK-CHARGE-CHANGED",
            p(
                74,
                transferred_charge="诈骗罪",
                extra={"罪名变更理由": "秘密窃取而非虚构事实骗取"},
                suspect={"transferred_charge": "诈骗罪"},
            ),
            "transferred as fraud, found theft, reason recorded",
        ),
        hit(
            "CK-SUSPECT-CHARGE",
            p(75, suspect={"found_charge": None, "prosecuted_charge": None}),
            "person card without the found charge",
        ),
        ok("CK-SUSPECT-CHARGE", p(76), "every person card has a charge"),
        hit(
            "CK-SUSPECT-CHARGE-MATCH",
            p(77, suspect={"found_charge": "诈骗罪", "prosecuted_charge": "诈骗罪"}),
            "person card says fraud, the case card theft",
        ),
        ok(
            "CK-SUSPECT-CHARGE-MATCH",
            p(
                78,
                found_charge="盗窃罪、诈骗罪",
                transferred_charge="盗窃罪、诈骗罪",
                summary="犯罪嫌疑人张某某入户盗窃并冒充客服诈骗，涉案金额人民币8600元。",
            ),
            "case found theft and fraud; the suspect's theft is one of them",
        ),
    ]


def scenario_cards() -> list[ScenarioCase]:
    """Every demo scenario; each rule in RULES has a triggering card and a passing on-the-limit card."""
    return _deadline_cases() + _card_cases()
