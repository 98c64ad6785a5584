"""Demo cards for key-case review (重点评查): one closed case for each trigger the case card can support
(domain.plans_triggers), each otherwise clean for the pre-screening. 部门受案号 start with 演示-重点-."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from reviewapp.demo.scenarios import arrest_card, prosecution_card
from reviewapp.domain.case_card import CaseCard
from reviewapp.domain.plans_triggers import Trigger

PREFIX = "演示-重点-"
D = dt.date
ACCEPTED, CLOSED = D(2025, 5, 12), D(2025, 6, 6)
NOT_PROSECUTED: dict[str, Any] = dict(
    plea=False, plea_signed_on=None, plea_witness=None, sentencing_recommendation=None, procedure=None
)


def _renumber(card: CaseCard, serial: int) -> CaseCard:
    no = f"{PREFIX}{serial:03d}"
    suspects = [dataclasses.replace(s, dept_case_no=no) for s in card.suspects]
    return dataclasses.replace(card, dept_case_no=no, suspects=suspects)


def key_case_cards() -> list[tuple[Trigger | None, CaseCard]]:
    """(the trigger the card demonstrates, the card); None for the arrest review 不捕后不诉 links to."""
    p, a = prosecution_card, arrest_card
    plea_off = {"plea": False, "prosecuted_charge": None}
    cards: list[tuple[Trigger | None, CaseCard]] = [
        (
            Trigger.ABSOLUTE_NO_ARREST,
            a(1, ACCEPTED, D(2025, 5, 15), detained=True, disposition="不批准逮捕（绝对不捕）"),
        ),
        (
            Trigger.NO_PROSECUTION_AFTER_ARREST,
            p(2, ACCEPTED, CLOSED, detained=True, disposition="不起诉（酌定）", suspect=plea_off, **NOT_PROSECUTED),
        ),
        (Trigger.WITHDRAWN_AFTER_ARREST, p(3, ACCEPTED, CLOSED, detained=True, disposition="撤回起诉")),
        (
            None,
            a(
                4,
                ACCEPTED,
                D(2025, 5, 15),
                detained=False,
                disposition="不批准逮捕（存疑不捕）",
                unified_case_no="演示统一-0004",
            ),
        ),
        (
            Trigger.NO_PROSECUTION_AFTER_NO_ARREST,
            p(
                5,
                D(2025, 5, 20),
                D(2025, 7, 4),
                detained=False,
                disposition="不起诉（存疑）",
                unified_case_no="演示统一-0004",
                returns_count=1,
                return1_on=D(2025, 6, 3),
                resubmit1_on=D(2025, 6, 13),
                suspect=plea_off,
                **NOT_PROSECUTED,
            ),
        ),
        (Trigger.WITHDRAWN, p(6, ACCEPTED, CLOSED, detained=False, disposition="撤回起诉")),
        (
            Trigger.ACQUITTED,
            p(7, ACCEPTED, CLOSED, detained=False, suspect={"judged_charge": "无罪", "sentence": "无罪"}),
        ),
        (
            Trigger.EXEMPTED,
            p(8, ACCEPTED, CLOSED, detained=False, suspect={"judged_charge": "盗窃罪", "sentence": "免予刑事处罚"}),
        ),
        (
            Trigger.CHARGE_MISMATCH,
            p(9, ACCEPTED, CLOSED, detained=False, suspect={"judged_charge": "侵占罪", "sentence": "有期徒刑六个月"}),
        ),
        (
            Trigger.CHANGED_ON_RECONSIDERATION,
            a(
                10,
                ACCEPTED,
                D(2025, 5, 15),
                detained=False,
                disposition="不批准逮捕（存疑不捕）",
                reconsideration_outcome="改变原决定",
            ),
        ),
        (Trigger.STATE_COMPENSATION, p(11, ACCEPTED, CLOSED, detained=False, state_compensation=True)),
        (
            Trigger.SENTENCE_MISMATCH,
            p(
                12,
                ACCEPTED,
                CLOSED,
                detained=False,
                suspect={
                    "judged_charge": "盗窃罪",
                    "sentence": "有期徒刑一年",
                    "recommended_sentence": "有期徒刑八个月",
                },
            ),
        ),
    ]
    return [(t, _renumber(c, n)) for n, (t, c) in enumerate(cards, start=1)]
