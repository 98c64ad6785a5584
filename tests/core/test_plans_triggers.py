"""Each key-case trigger on card data just inside and just outside it, and "not checkable" with the reason
where the card lacks the data."""

from __future__ import annotations

import dataclasses

import pytest

from reviewapp.domain.plans_triggers import CHECKS, CaseFacts, SuspectFacts, Trigger

ARREST, PROSECUTION = "审查逮捕", "审查起诉"


def facts(
    case_type: str = PROSECUTION, disposition: str | None = "起诉", *suspects: SuspectFacts, **kw: object
) -> CaseFacts:
    return CaseFacts(1, case_type, disposition, suspects=tuple(suspects), **kw)  # type: ignore[arg-type]


def sus(**kw: str | None) -> SuspectFacts:
    return SuspectFacts("张某", **kw)


# trigger → (inside, just outside): the smallest change of the card that turns it off.
CASES: dict[Trigger, tuple[CaseFacts, CaseFacts]] = {
    Trigger.ABSOLUTE_NO_ARREST: (facts(ARREST, "不批准逮捕（绝对不捕）"), facts(ARREST, "不批准逮捕（存疑不捕）")),
    Trigger.NO_PROSECUTION_AFTER_ARREST: (
        facts(PROSECUTION, "不起诉（酌定）", sus(measure="逮捕")),
        facts(PROSECUTION, "不起诉（酌定）", sus(measure="取保候审")),
    ),
    Trigger.WITHDRAWN_AFTER_ARREST: (
        facts(PROSECUTION, "撤回起诉", sus(measure="逮捕")),
        facts(PROSECUTION, "撤回起诉", sus(measure="监视居住")),
    ),
    Trigger.NO_PROSECUTION_AFTER_NO_ARREST: (
        facts(PROSECUTION, "不起诉（存疑）", unified_case_no="U1", refused_arrest_numbers=frozenset({"U1"})),
        facts(PROSECUTION, "不起诉（存疑）", unified_case_no="U2", refused_arrest_numbers=frozenset({"U1"})),
    ),
    Trigger.WITHDRAWN: (facts(PROSECUTION, "撤回起诉"), facts(PROSECUTION, "起诉", sus(sentence="有期徒刑一年"))),
    Trigger.ACQUITTED: (
        facts(PROSECUTION, "起诉", sus(sentence="无罪")),
        facts(PROSECUTION, "起诉", sus(sentence="拘役三个月")),
    ),
    Trigger.EXEMPTED: (
        facts(PROSECUTION, "起诉", sus(sentence="免予刑事处罚")),
        facts(PROSECUTION, "起诉", sus(sentence="拘役一个月，缓刑二个月")),
    ),
    Trigger.CHARGE_MISMATCH: (
        facts(PROSECUTION, "起诉", sus(prosecuted_charge="盗窃罪", judged_charge="诈骗罪")),
        facts(PROSECUTION, "起诉", sus(prosecuted_charge="盗窃罪", judged_charge="盗窃")),
    ),
}


@pytest.mark.parametrize("trigger", list(CASES), ids=lambda t: t.value)
def test_trigger_fires_just_inside_and_not_just_outside(trigger: Trigger) -> None:
    inside, outside = CASES[trigger]
    hit = CHECKS[trigger](inside)
    assert hit.fired is True and hit.why, "the card data that fired it is shown"
    assert CHECKS[trigger](outside).fired is False


@pytest.mark.parametrize(
    ("trigger", "card"),
    [
        (Trigger.ABSOLUTE_NO_ARREST, facts(ARREST, "不批准逮捕")),
        (Trigger.ABSOLUTE_NO_ARREST, facts(ARREST, None)),
        (Trigger.NO_PROSECUTION_AFTER_ARREST, facts(PROSECUTION, "不起诉（酌定）", sus())),
        (Trigger.NO_PROSECUTION_AFTER_NO_ARREST, facts(PROSECUTION, "不起诉（酌定）")),
        (Trigger.ACQUITTED, facts(PROSECUTION, "起诉", sus())),
        (Trigger.CHARGE_MISMATCH, facts(PROSECUTION, "起诉", sus(prosecuted_charge="盗窃罪"))),
        (Trigger.SENTENCE_MISMATCH, facts(PROSECUTION, "起诉")),
        (Trigger.CHANGED_ON_RECONSIDERATION, facts(ARREST, "批准逮捕")),
        (Trigger.STATE_COMPENSATION, facts(PROSECUTION, "起诉")),
    ],
)
def test_missing_card_data_is_not_checkable_with_the_reason(trigger: Trigger, card: CaseFacts) -> None:
    outcome = CHECKS[trigger](card)
    assert outcome.fired is None and outcome.why


@pytest.mark.parametrize("trigger", list(Trigger), ids=lambda t: t.value)
def test_a_civil_case_is_outside_every_criminal_trigger(trigger: Trigger) -> None:
    civil = facts("民事诉讼监督", "提出抗诉")
    assert CHECKS[trigger](civil).fired is False
    assert CHECKS[trigger](dataclasses.replace(civil, disposition=None)).fired is False
