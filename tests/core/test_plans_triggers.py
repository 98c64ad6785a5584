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
    Trigger.CHANGED_ON_RECONSIDERATION: (
        facts(ARREST, "不批准逮捕（存疑不捕）", reconsideration_outcome="改变原决定"),
        facts(ARREST, "不批准逮捕（存疑不捕）", reconsideration_outcome="维持原决定"),
    ),
    Trigger.STATE_COMPENSATION: (
        facts(PROSECUTION, "起诉", state_compensation=True),
        facts(PROSECUTION, "起诉", state_compensation=False),
    ),
    # 判决 2 years against a recommendation of 1 year to 1 year 11 months: one month outside; at 2 years inside.
    Trigger.SENTENCE_MISMATCH: (
        facts(PROSECUTION, "起诉", sus(sentence="有期徒刑二年", recommended_sentence="有期徒刑一年至一年十一个月")),
        facts(PROSECUTION, "起诉", sus(sentence="有期徒刑二年", recommended_sentence="有期徒刑一年至二年")),
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
        (Trigger.SENTENCE_MISMATCH, facts(PROSECUTION, "起诉", sus(sentence="有期徒刑一年"))),
        (Trigger.CHANGED_ON_RECONSIDERATION, facts(ARREST, "不批准逮捕（存疑不捕）")),
        (Trigger.CHANGED_ON_RECONSIDERATION, facts(PROSECUTION, "不起诉（酌定）")),
        (Trigger.CHANGED_ON_RECONSIDERATION, facts(ARREST, "不批准逮捕", reconsideration_outcome="已办理")),
        (Trigger.STATE_COMPENSATION, facts(PROSECUTION, "起诉")),
        (Trigger.STATE_COMPENSATION, facts(ARREST, "不批准逮捕")),
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


@pytest.mark.parametrize(
    ("outcome", "fired"),
    [
        ("改变原决定", True),
        ("撤销原不起诉决定", True),
        ("部分维持、部分改变", True),
        ("维持原决定", False),
        ("不改变原决定", False),
        ("未复议", False),
        ("无", False),
    ],
)
def test_reconsideration_result_wording(outcome: str, fired: bool) -> None:
    card = facts(PROSECUTION, "不起诉（存疑）", reconsideration_outcome=outcome)
    hit = CHECKS[Trigger.CHANGED_ON_RECONSIDERATION](card)
    assert hit.fired is fired
    if fired:
        assert outcome in hit.why


def test_a_decision_no_reconsideration_can_change_needs_no_result() -> None:
    assert CHECKS[Trigger.CHANGED_ON_RECONSIDERATION](facts(ARREST, "批准逮捕")).fired is False
    assert CHECKS[Trigger.CHANGED_ON_RECONSIDERATION](facts(PROSECUTION, "起诉")).fired is False


@pytest.mark.parametrize(
    ("judged", "recommended", "fired"),
    [
        ("有期徒刑一年六个月", "有期徒刑一年六个月", False),  # a fixed recommendation is a one-point range
        ("有期徒刑一年七个月", "有期徒刑一年六个月", True),
        ("有期徒刑一年五个月", "有期徒刑一年六个月", True),
        ("有期徒刑六个月", "六个月以上一年以下", False),  # both ends belong to the range
        ("有期徒刑一年", "六个月以上一年以下", False),
        ("拘役五个月", "六个月以上一年以下", True),
        ("有期徒刑一年一个月", "六个月以上一年以下", True),
        ("有期徒刑三年，缓刑四年", "有期徒刑三年", False),
        ("无期徒刑", "有期徒刑十五年", True),
        ("免予刑事处罚", "拘役一个月", True),
    ],
)
def test_sentence_range_just_inside_and_just_outside(judged: str, recommended: str, fired: bool) -> None:
    card = facts(PROSECUTION, "起诉", sus(sentence=judged, recommended_sentence=recommended))
    hit = CHECKS[Trigger.SENTENCE_MISMATCH](card)
    assert hit.fired is fired
    if fired:
        assert "个月" in hit.why or "无期徒刑" in hit.why, "the reason states the months"


def test_a_sentence_fires_with_the_months_in_the_reason() -> None:
    card = facts(PROSECUTION, "起诉", sus(sentence="有期徒刑二年", recommended_sentence="有期徒刑一年至一年六个月"))
    why = CHECKS[Trigger.SENTENCE_MISMATCH](card).why
    assert "24个月" in why and "12个月–18个月" in why and "张某" in why


@pytest.mark.parametrize(
    ("judged", "recommended", "quoted"),
    [
        ("有期徒刑二年", "从轻处罚", "从轻处罚"),
        ("依法判处", "有期徒刑一年", "依法判处"),
        ("有期徒刑一年至二年", "有期徒刑一年", "有期徒刑一年至二年"),  # a judgment is one term
    ],
)
def test_an_unreadable_sentence_is_not_checkable_and_quoted(judged: str, recommended: str, quoted: str) -> None:
    card = facts(PROSECUTION, "起诉", sus(sentence=judged, recommended_sentence=recommended))
    hit = CHECKS[Trigger.SENTENCE_MISMATCH](card)
    assert hit.fired is None and f"'{quoted}'" in hit.why


def test_an_acquittal_is_not_a_sentence_mismatch() -> None:
    card = facts(PROSECUTION, "起诉", sus(sentence="无罪", recommended_sentence="有期徒刑一年"))
    assert CHECKS[Trigger.SENTENCE_MISMATCH](card).fired is None  # nothing to compare: the 无罪 trigger has it
    assert CHECKS[Trigger.ACQUITTED](card).fired is True


def test_one_suspect_outside_fires_even_when_another_is_unreadable() -> None:
    a = SuspectFacts("甲", sentence="有期徒刑三年", recommended_sentence="有期徒刑二年")
    b = SuspectFacts("乙", sentence="依法判处", recommended_sentence="有期徒刑一年")
    hit = CHECKS[Trigger.SENTENCE_MISMATCH](facts(PROSECUTION, "起诉", a, b))
    assert hit.fired is True and "甲" in hit.why and "乙" not in hit.why
