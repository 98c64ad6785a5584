"""Key-case triggers (重点评查): which closed cases a key-case plan must select, and why.

review-rules.md §1 lists the triggers of one province's template. Each trigger here reads only case-card
fields; for a case the trigger applies to but whose card lacks the data, the result is "not checkable" with
the reason, never a silent "no". Triggers whose data the card does not carry at all (复议/复核 changes,
sentence-range mismatches, 国家赔偿) say so for every case they apply to; cases the 检察长 designates are added
by hand with that reason (selection.add_manual).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from reviewapp.domain.sentence_terms import Term, months_text, parse_term
from reviewapp.i18n import translate

ARREST_REVIEW = "审查逮捕"
PROSECUTION_REVIEW = "审查起诉"
ARRESTED = "逮捕"


class Trigger(StrEnum):
    ABSOLUTE_NO_ARREST = "绝对不捕"
    NO_PROSECUTION_AFTER_ARREST = "捕后不诉"
    WITHDRAWN_AFTER_ARREST = "捕后撤回"
    NO_PROSECUTION_AFTER_NO_ARREST = "不捕后不诉"
    CHANGED_ON_RECONSIDERATION = "复议复核改变"
    WITHDRAWN = "撤回起诉"
    ACQUITTED = "无罪"
    EXEMPTED = "免刑"
    CHARGE_MISMATCH = "诉判不一（罪名）"
    SENTENCE_MISMATCH = "诉判不一（刑期）"
    STATE_COMPENSATION = "国家赔偿"


@dataclass(frozen=True)
class SuspectFacts:
    name: str
    measure: str | None = None
    prosecuted_charge: str | None = None
    judged_charge: str | None = None
    sentence: str | None = None
    recommended_sentence: str | None = None  # 量刑建议
    arrested: bool = False  # an arrest date (逮捕日期) is on the card, whatever the measure is now


@dataclass(frozen=True)
class CaseFacts:
    case_id: int
    case_type: str
    disposition: str | None
    unified_case_no: str | None = None
    suspects: tuple[SuspectFacts, ...] = ()
    # 统一受案号 of arrest reviews that refused arrest (不批准逮捕), for 不捕后不诉; filled by the caller.
    refused_arrest_numbers: frozenset[str] = field(default_factory=frozenset)
    reconsideration_outcome: str | None = None  # 复议复核结果
    state_compensation: bool | None = None  # 国家赔偿


@dataclass(frozen=True)
class Outcome:
    """``fired`` True/False; None = the trigger applies but the card lacks the data (``why`` says what)."""

    trigger: Trigger
    fired: bool | None
    why: str = ""  # the card data that fired it, or why it cannot be checked


def _d(f: CaseFacts) -> str:
    return (f.disposition or "").strip()


def _not_prosecuted(f: CaseFacts) -> bool:
    return _d(f).startswith("不起诉")


def _arrested(f: CaseFacts) -> list[str]:
    # Arrested and later released on bail still counts as 捕后: the arrest date says so when the measure moved on.
    return [s.name for s in f.suspects if (s.measure or "").strip() == ARRESTED or s.arrested]


def _no_measures(f: CaseFacts) -> bool:
    return not any(s.measure or s.arrested for s in f.suspects)


def _no_disposition(t: Trigger) -> Outcome:
    return Outcome(t, None, translate("Plans", "the card has no 审结处理结果"))


def absolute_no_arrest(f: CaseFacts) -> Outcome:
    t = Trigger.ABSOLUTE_NO_ARREST
    if f.case_type != ARREST_REVIEW:
        return Outcome(t, False)
    d = _d(f)
    if not d:
        return _no_disposition(t)
    if "绝对" in d or "不构成犯罪" in d:
        return Outcome(t, True, f"审结处理结果={d}")
    if d == "不批准逮捕":
        return Outcome(t, None, translate("Plans", "审结处理结果 is 不批准逮捕 without its ground (绝对/存疑/相对)"))
    return Outcome(t, False)


def _after_arrest(t: Trigger, f: CaseFacts, outcome: Callable[[str], bool]) -> Outcome:
    d = _d(f)
    if f.case_type != PROSECUTION_REVIEW:
        return Outcome(t, False)
    if not d:
        return _no_disposition(t)
    if not outcome(d):
        return Outcome(t, False)
    if _no_measures(f):
        return Outcome(t, None, translate("Plans", "no suspect's 强制措施 is on the card"))
    arrested = _arrested(f)
    if not arrested:
        return Outcome(t, False)
    return Outcome(t, True, f"审结处理结果={d}; 强制措施=逮捕 ({'、'.join(arrested)})")


def no_prosecution_after_arrest(f: CaseFacts) -> Outcome:
    return _after_arrest(Trigger.NO_PROSECUTION_AFTER_ARREST, f, lambda d: d.startswith("不起诉"))


def withdrawn_after_arrest(f: CaseFacts) -> Outcome:
    return _after_arrest(Trigger.WITHDRAWN_AFTER_ARREST, f, lambda d: "撤回起诉" in d)


def no_prosecution_after_no_arrest(f: CaseFacts) -> Outcome:
    t = Trigger.NO_PROSECUTION_AFTER_NO_ARREST
    if f.case_type != PROSECUTION_REVIEW:
        return Outcome(t, False)
    if not _d(f):
        return _no_disposition(t)
    if not _not_prosecuted(f):
        return Outcome(t, False)
    if not f.unified_case_no:
        return Outcome(t, None, translate("Plans", "no 统一受案号 links the case to its arrest review"))
    if f.unified_case_no in f.refused_arrest_numbers:
        return Outcome(t, True, f"审结处理结果={_d(f)}; 统一受案号 {f.unified_case_no} 不批准逮捕")
    return Outcome(t, False)


def withdrawn(f: CaseFacts) -> Outcome:
    t = Trigger.WITHDRAWN
    if f.case_type != PROSECUTION_REVIEW:
        return Outcome(t, False)
    if not _d(f):
        return _no_disposition(t)
    return Outcome(t, True, f"审结处理结果={_d(f)}") if "撤回起诉" in _d(f) else Outcome(t, False)


def _judged(t: Trigger, f: CaseFacts, hit: Callable[[SuspectFacts], bool], what: str) -> Outcome:
    if f.case_type != PROSECUTION_REVIEW or _d(f) != "起诉":
        return Outcome(t, False)
    if not any(s.sentence or s.judged_charge for s in f.suspects):
        return Outcome(t, None, translate("Plans", "no judgment (判决罪名/判决刑期) is on the card"))
    names = [s.name for s in f.suspects if hit(s)]
    return Outcome(t, True, f"{what} ({'、'.join(names)})") if names else Outcome(t, False)


def acquitted(f: CaseFacts) -> Outcome:
    return _judged(Trigger.ACQUITTED, f, lambda s: "无罪" in (s.sentence or "") + (s.judged_charge or ""), "判决=无罪")


def exempted(f: CaseFacts) -> Outcome:
    return _judged(
        Trigger.EXEMPTED,
        f,
        lambda s: "免予刑事处罚" in (s.sentence or "") or "免刑" in (s.sentence or ""),
        "判决=免予刑事处罚",
    )


def _norm(charge: str | None) -> str:
    return (charge or "").strip().removesuffix("罪")


def charge_mismatch(f: CaseFacts) -> Outcome:
    t = Trigger.CHARGE_MISMATCH
    if f.case_type != PROSECUTION_REVIEW or _d(f) != "起诉":
        return Outcome(t, False)
    pairs = [s for s in f.suspects if s.prosecuted_charge]
    if not any(s.judged_charge for s in pairs):
        return Outcome(t, None, translate("Plans", "no 起诉罪名 with its 判决罪名 is on the card"))
    diff = [
        f"{s.name}: {s.prosecuted_charge} → {s.judged_charge}"
        for s in pairs
        if s.judged_charge and "无罪" not in s.judged_charge and _norm(s.prosecuted_charge) != _norm(s.judged_charge)
    ]
    return Outcome(t, True, "；".join(diff)) if diff else Outcome(t, False)


def _criminal(f: CaseFacts) -> bool:
    return f.case_type in (ARREST_REVIEW, PROSECUTION_REVIEW)


# 复议/复核 reviews a refusal (不批准逮捕, 不起诉) at the request of the investigating agency: only those decisions
# can be changed by one. Negations are read before 改变/撤销 (不改变 contains 改变), and a change before 维持
# (部分维持、部分改变 is a change).
_NEGATED = ("不改变", "未改变", "不撤销", "未撤销", "不变更", "未变更")
_CHANGED = ("改变", "撤销", "变更")
_KEPT = ("维持", "未复议", "未复核", "未提请")


def _reconsiderable(f: CaseFacts) -> bool:
    d = _d(f)
    return (f.case_type == ARREST_REVIEW and d.startswith("不批准逮捕")) or (
        f.case_type == PROSECUTION_REVIEW and d.startswith("不起诉")
    )


def changed_on_reconsideration(f: CaseFacts) -> Outcome:
    t = Trigger.CHANGED_ON_RECONSIDERATION
    result = (f.reconsideration_outcome or "").strip()
    if not result:
        if not _reconsiderable(f):
            return Outcome(t, False)
        why = translate("Plans", "the card has no 复议复核结果 for a decision that 复议/复核 can change")
        return Outcome(t, None, why)
    negated = any(w in result for w in _NEGATED)
    if not negated and any(w in result for w in _CHANGED):
        return Outcome(t, True, f"复议复核结果={result}; 审结处理结果={_d(f)}")
    if negated or result == "无" or any(w in result for w in _KEPT):
        return Outcome(t, False)
    return Outcome(t, None, translate("Plans", "复议复核结果 '{text}' is not understood").format(text=result))


def state_compensation(f: CaseFacts) -> Outcome:
    t = Trigger.STATE_COMPENSATION
    if f.state_compensation is True:
        return Outcome(t, True, "国家赔偿=是")
    if f.state_compensation is False or not _criminal(f):
        return Outcome(t, False)
    return Outcome(t, None, translate("Plans", "the card has no 国家赔偿 value"))


def _range_text(term: Term) -> str:
    if term.fixed:
        return months_text(term.low)
    return f"{months_text(term.low)}–{months_text(term.high)}"


def sentence_mismatch(f: CaseFacts) -> Outcome:
    """诉判不一（刑期）: the judged term outside the recommended range (a fixed recommendation is a one-point
    range). An acquittal is the 无罪 trigger's, not a sentence to compare."""
    t = Trigger.SENTENCE_MISMATCH
    if f.case_type != PROSECUTION_REVIEW or _d(f) != "起诉":
        return Outcome(t, False)
    pairs = [
        s
        for s in f.suspects
        if s.recommended_sentence and s.sentence and "无罪" not in s.sentence + (s.judged_charge or "")
    ]
    if not pairs:
        return Outcome(t, None, translate("Plans", "no suspect has both 量刑建议 and 判决刑期 on the card"))
    outside: list[str] = []
    unreadable: list[str] = []
    for s in pairs:
        rec, judged = parse_term(s.recommended_sentence), parse_term(s.sentence)
        if rec is None or judged is None or not judged.fixed:
            bad = s.recommended_sentence if rec is None else s.sentence
            unreadable.append(f"{s.name}: '{bad}'")
        elif not rec.contains(judged.low):
            outside.append(
                f"{s.name}: 判决 {s.sentence} ({months_text(judged.low)}) 不在量刑建议 {s.recommended_sentence} "
                f"({_range_text(rec)}) 内"
            )
    if outside:
        return Outcome(t, True, "；".join(outside))
    if unreadable:
        why = translate("Plans", "the sentence cannot be read as a term: {texts}")
        return Outcome(t, None, why.format(texts="；".join(unreadable)))
    return Outcome(t, False)


CHECKS: dict[Trigger, Callable[[CaseFacts], Outcome]] = {
    Trigger.ABSOLUTE_NO_ARREST: absolute_no_arrest,
    Trigger.NO_PROSECUTION_AFTER_ARREST: no_prosecution_after_arrest,
    Trigger.WITHDRAWN_AFTER_ARREST: withdrawn_after_arrest,
    Trigger.NO_PROSECUTION_AFTER_NO_ARREST: no_prosecution_after_no_arrest,
    Trigger.CHANGED_ON_RECONSIDERATION: changed_on_reconsideration,
    Trigger.WITHDRAWN: withdrawn,
    Trigger.ACQUITTED: acquitted,
    Trigger.EXEMPTED: exempted,
    Trigger.CHARGE_MISMATCH: charge_mismatch,
    Trigger.SENTENCE_MISMATCH: sentence_mismatch,
    Trigger.STATE_COMPENSATION: state_compensation,
}


def evaluate(f: CaseFacts, triggers: tuple[Trigger, ...] = tuple(Trigger)) -> list[Outcome]:
    return [CHECKS[t](f) for t in triggers]
