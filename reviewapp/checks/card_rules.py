"""Case-card logic checks (review-rules.md §5): date order, completeness, returns, juveniles, amounts."""

from __future__ import annotations

from reviewapp.checks.context import (
    CRIMINAL_TYPES,
    FAST_TRACK,
    PROSECUTION_REVIEW,
    CheckContext,
    charges,
    field_label,
    not_checkable,
    result,
)
from reviewapp.checks.results import ERROR, MINOR, CheckResult, RuleSpec, Status
from reviewapp.checks.segments import returns_on_card
from reviewapp.domain.case_card import CaseCard
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate

DATE_ORDER_SPEC = RuleSpec(
    "CK-DATE-ORDER",
    QT_TRANSLATE_NOOP("CheckRules", "Card dates in a possible order"),
    "规则 arts. 664–665 (process monitoring)",
    "U4",
    MINOR,
)
REQUIRED_FIELDS_SPEC = RuleSpec(
    "CK-REQUIRED-FIELDS",
    QT_TRANSLATE_NOOP("CheckRules", "Card fields required for the case type are filled"),
    "规则 arts. 664–670 (案管 monitoring)",
    "U1",
    MINOR,
)
RETURN_DATES_SPEC = RuleSpec(
    "CK-RETURN-DATES",
    QT_TRANSLATE_NOOP("CheckRules", "Number of returns matches the return dates"),
    "CPL art. 175",
    "U4",
    MINOR,
)
DOUBT_RETURN_SPEC = RuleSpec(
    "CK-DOUBT-NONPROS-RETURN",
    QT_TRANSLATE_NOOP("CheckRules", "Non-prosecution for insufficient evidence only after a return"),
    "CPL art. 175 para. 4",
    "L13",
    ERROR,
)
JUVENILE_LINE_SPEC = RuleSpec(
    "CK-JUVENILE-LINE",
    QT_TRANSLATE_NOOP("CheckRules", "Case of a suspect under 18 handled on the juvenile (未检) line"),
    "CPL art. 277",
    "U4",
    MINOR,
)
JUVENILE_FAST_TRACK_SPEC = RuleSpec(
    "CK-JUVENILE-FAST-TRACK",
    QT_TRANSLATE_NOOP("CheckRules", "No fast-track (速裁) for a suspect under 18"),
    "CPL art. 223",
    "F11",
    ERROR,
)
AGE_KNOWN_SPEC = RuleSpec(
    "CK-AGE-KNOWN",
    QT_TRANSLATE_NOOP("CheckRules", "Every suspect's age at the offence is on the card"),
    "Criminal Law art. 17 (ages 14 / 16 / 18)",
    "U1",
    MINOR,
)
AMOUNT_SPEC = RuleSpec(
    "CK-AMOUNT",
    QT_TRANSLATE_NOOP("CheckRules", "Amount involved recorded for a property crime"),
    "规则 arts. 664–670 (案管 monitoring)",
    "F12",
    MINOR,
)

JUVENILE_LINE = "未检"
NON_PROSECUTION_DOUBT = "不起诉（存疑）"


def _label(attr: str) -> str:
    return field_label(attr)


def _date_pairs() -> tuple[tuple[str, str], ...]:
    """(earlier, later) attribute pairs the card's dates must respect."""
    chain = ["accepted_on", "return1_on", "resubmit1_on", "return2_on", "resubmit2_on", "closed_on"]
    pairs = [(a, b) for i, a in enumerate(chain) for b in chain[i + 1 :]]
    for attr in ("suspect_notified_on", "victim_notified_on", "plea_signed_on", "extension_approved_on"):
        pairs += [("accepted_on", attr), (attr, "closed_on")]
    return tuple(pairs)


_DATE_PAIRS = _date_pairs()


def check_date_order(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    wrong: list[str] = []
    facts_wrong: list[dict[str, str]] = []
    for earlier, later in _DATE_PAIRS:
        a, b = getattr(card, earlier), getattr(card, later)
        if a is not None and b is not None and a > b:
            wrong.append(f"{_label(earlier)} {a.isoformat()} > {_label(later)} {b.isoformat()}")
            facts_wrong.append({"earlier": earlier, "later": later, "first": a.isoformat(), "second": b.isoformat()})
    for suspect in card.suspects:
        start = suspect.measure_started_on
        if start is not None and card.closed_on is not None and start > card.closed_on:
            wrong.append(f"{suspect.name} 强制措施开始日期 {start.isoformat()} > 办结日期 {card.closed_on.isoformat()}")
            facts_wrong.append(
                {
                    "earlier": "measure_started_on",
                    "later": "closed_on",
                    "first": start.isoformat(),
                    "second": card.closed_on.isoformat(),
                }
            )
    if wrong:
        text = translate("Checks", "Dates out of order: {pairs}.").format(pairs="; ".join(wrong))
        return [result(DATE_ORDER_SPEC, Status.VIOLATION, text, {"out_of_order": facts_wrong})]
    return [result(DATE_ORDER_SPEC, Status.PASSED, translate("Checks", "The card's dates are in order."))]


def check_required_fields(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    # Review is of closed cases; an open card may still be incomplete.
    if card.closed_on is None or card.case_type not in ctx.config.required_fields:
        return []
    missing = [a for a in ctx.config.required_fields[card.case_type] if getattr(card, a) in (None, "")]
    no_suspects = card.case_type in ctx.config.suspects_required and not card.suspects
    facts = {"missing": missing, "no_suspects": no_suspects}
    if missing or no_suspects:
        names = [_label(a) for a in missing] + (["犯罪嫌疑人"] if no_suspects else [])
        text = translate("Checks", "Closed {case_type} case lacks: {fields}.").format(
            case_type=card.case_type, fields=", ".join(names)
        )
        return [result(REQUIRED_FIELDS_SPEC, Status.VIOLATION, text, facts)]
    text = translate("Checks", "All fields required for a {case_type} case are filled.").format(
        case_type=card.case_type
    )
    return [result(REQUIRED_FIELDS_SPEC, Status.PASSED, text, facts)]


def check_return_dates(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type != PROSECUTION_REVIEW:
        return []
    count = card.returns_count
    problems: list[str] = []
    pairs = (("return1_on", "resubmit1_on"), ("return2_on", "resubmit2_on"))
    for number, (ret, res) in enumerate(pairs, start=1):
        returned, resubmitted = getattr(card, ret), getattr(card, res)
        if resubmitted is not None and returned is None:
            problems.append(translate("Checks", "{field} without {other}").format(field=_label(res), other=_label(ret)))
        if count is None:
            continue
        if number <= count and returned is None:
            problems.append(
                translate("Checks", "{field} missing for {count} returns").format(field=_label(ret), count=count)
            )
        if number > count and (returned is not None or resubmitted is not None):
            problems.append(
                translate("Checks", "{field} given but only {count} returns").format(field=_label(ret), count=count)
            )
    if count is None and (card.return1_on or card.return2_on):
        problems.append(
            translate("Checks", "return dates given but {field} is empty").format(field=_label("returns_count"))
        )
    facts = {"returns_count": count, "returns_dated": sum(1 for r, _ in pairs if getattr(card, r))}
    if problems:
        text = translate("Checks", "Returns on the card do not match: {problems}.").format(problems="; ".join(problems))
        return [result(RETURN_DATES_SPEC, Status.VIOLATION, text, facts)]
    return [result(RETURN_DATES_SPEC, Status.PASSED, translate("Checks", "Returns and their dates match."), facts)]


def check_doubt_non_prosecution(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type != PROSECUTION_REVIEW or _normalise(card.disposition) != NON_PROSECUTION_DOUBT:
        return []
    if card.returns_count is None and card.return1_on is None:
        return [not_checkable(DOUBT_RETURN_SPEC, ("returns_count",))]
    count = returns_on_card(card)
    if count < 1:
        text = translate(
            "Checks", "Non-prosecution for insufficient evidence without any return for supplementary investigation."
        )
        return [result(DOUBT_RETURN_SPEC, Status.VIOLATION, text, {"returns": count})]
    text = translate("Checks", "Non-prosecution for insufficient evidence after {count} return(s).").format(count=count)
    return [result(DOUBT_RETURN_SPEC, Status.PASSED, text, {"returns": count})]


def _normalise(text: str | None) -> str:
    return (text or "").strip().replace("(", "（").replace(")", "）").replace(" ", "")


def _minors(card: CaseCard) -> tuple[list[str], list[int]]:
    """Names of suspects under 18 at the offence, and indexes of suspects whose age is unknown."""
    minors = [s.name for s in card.suspects if s.age_at_offence is not None and s.age_at_offence < 18]
    unknown = [i for i, s in enumerate(card.suspects) if s.age_at_offence is None]
    return minors, unknown


def check_juvenile_line(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type not in CRIMINAL_TYPES:
        return []
    minors, _ = _minors(card)
    if not minors:
        return []
    facts = {"minors": minors, "business_line": card.business_line}
    if card.business_line is None:
        return [not_checkable(JUVENILE_LINE_SPEC, ("business_line",), facts)]
    if card.business_line != JUVENILE_LINE:
        text = translate("Checks", "Suspect(s) under 18 ({names}) but the case is on the {line} line, not 未检.")
        return [
            result(
                JUVENILE_LINE_SPEC,
                Status.VIOLATION,
                text.format(names=", ".join(minors), line=card.business_line),
                facts,
            )
        ]
    text = translate("Checks", "Suspect(s) under 18 ({names}); handled on the 未检 line.").format(
        names=", ".join(minors)
    )
    return [result(JUVENILE_LINE_SPEC, Status.PASSED, text, facts)]


def check_juvenile_fast_track(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type != PROSECUTION_REVIEW or card.procedure != FAST_TRACK:
        return []
    minors, unknown = _minors(card)
    ages = {s.name: s.age_at_offence for s in card.suspects}
    if minors:
        text = translate("Checks", "Fast-track (速裁) applied although {names} were under 18 at the offence.")
        return [
            result(JUVENILE_FAST_TRACK_SPEC, Status.VIOLATION, text.format(names=", ".join(minors)), {"ages": ages})
        ]
    if unknown or not card.suspects:
        missing = tuple(f"suspects[{i}].age_at_offence" for i in unknown) or ("suspects",)
        return [not_checkable(JUVENILE_FAST_TRACK_SPEC, missing, {"ages": ages})]
    text = translate("Checks", "Fast-track (速裁): every suspect was 18 or older at the offence.")
    return [result(JUVENILE_FAST_TRACK_SPEC, Status.PASSED, text, {"ages": ages})]


def check_age_known(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type not in CRIMINAL_TYPES or not card.suspects:
        return []
    _, unknown = _minors(card)
    names = [card.suspects[i].name for i in unknown]
    if names:
        text = translate("Checks", "Age at the offence missing for: {names}.").format(names=", ".join(names))
        return [result(AGE_KNOWN_SPEC, Status.VIOLATION, text, {"suspects": names})]
    return [
        result(AGE_KNOWN_SPEC, Status.PASSED, translate("Checks", "Every suspect's age at the offence is recorded."))
    ]


def check_amount(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type not in CRIMINAL_TYPES or card.closed_on is None:
        return []
    names = charges(card.found_charge) | charges(card.transferred_charge)
    for suspect in card.suspects:
        names |= charges(suspect.found_charge) | charges(suspect.transferred_charge)
    hits = sorted(n for n in names if any(key in n for key in ctx.config.property_charges))
    if not hits:
        return []
    facts = {"property_charges": hits, "amount": str(card.amount) if card.amount is not None else None}
    if card.amount is None or card.amount <= 0:
        text = translate("Checks", "Property crime ({charges}) without the amount involved (涉案金额).")
        return [result(AMOUNT_SPEC, Status.VIOLATION, text.format(charges=", ".join(hits)), facts)]
    text = translate("Checks", "Property crime ({charges}); amount involved {amount} yuan.")
    return [result(AMOUNT_SPEC, Status.PASSED, text.format(charges=", ".join(hits), amount=card.amount), facts)]
