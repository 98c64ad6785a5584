"""Plea agreements (认罪认罚) and charge consistency on the card (review-rules.md §4, §5)."""

from __future__ import annotations

from reviewapp.checks.context import (
    CRIMINAL_TYPES,
    PROSECUTION_REVIEW,
    SUSPECT_LABELS,
    CheckContext,
    charges,
    field_label,
    not_checkable,
    result,
)
from reviewapp.checks.results import ERROR, MINOR, CheckResult, RuleSpec, Status
from reviewapp.domain.case_card import CaseCard
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate

PLEA_FIELDS_SPEC = RuleSpec(
    "CK-PLEA-FIELDS",
    QT_TRANSLATE_NOOP("CheckRules", "Plea case: agreement date, who was present and the recommendation recorded"),
    "CPL art. 174; 规则 arts. 272, 274",
    "U1",
    MINOR,
)
PLEA_WITNESS_SPEC = RuleSpec(
    "CK-PLEA-WITNESS",
    QT_TRANSLATE_NOOP("CheckRules", "Plea agreement signed with a defender or duty lawyer present"),
    "CPL art. 174; 规则 art. 272",
    "P18",
    ERROR,
)
PLEA_RECOMMENDATION_SPEC = RuleSpec(
    "CK-PLEA-RECOMMENDATION",
    QT_TRANSLATE_NOOP("CheckRules", "Plea case prosecuted with a sentencing recommendation, fixed in principle"),
    "CPL art. 176; 规则 arts. 274–275",
    "L12",
    MINOR,
)
CHARGE_CHANGED_SPEC = RuleSpec(
    "CK-CHARGE-CHANGED",
    QT_TRANSLATE_NOOP("CheckRules", "Found charge differs from the transferred charge only with a recorded reason"),
    "规则 arts. 664–670 (案管 monitoring)",
    "D3",
    MINOR,
)
SUSPECT_CHARGE_SPEC = RuleSpec(
    "CK-SUSPECT-CHARGE",
    QT_TRANSLATE_NOOP("CheckRules", "Every suspect has a charge on the person card"),
    "规则 arts. 664–670 (案管 monitoring)",
    "U6",
    MINOR,
)
SUSPECT_CHARGE_MATCH_SPEC = RuleSpec(
    "CK-SUSPECT-CHARGE-MATCH",
    QT_TRANSLATE_NOOP("CheckRules", "Suspects' charges agree with the case card"),
    "规则 arts. 664–670 (案管 monitoring)",
    "D3",
    MINOR,
)

PROSECUTE = "起诉"
LAWYERS = ("辩护人", "值班律师")
NO_ONE = "无"
FIXED_TERM, RANGE_TERM = "确定刑", "幅度刑"
_NO_MARKERS = frozenset({"否", "无", "n", "no", "0", "false", "×"})


def _plea(card: CaseCard) -> bool:
    if card.plea is not None:
        return card.plea
    return any(s.plea for s in card.suspects)


def _applies(card: CaseCard) -> bool:
    return card.case_type == PROSECUTION_REVIEW and _plea(card)


def check_plea_fields(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if not _applies(card) or card.closed_on is None:
        return []
    needed = ["plea_signed_on", "plea_witness"]
    if card.disposition == PROSECUTE:  # a recommendation goes with the indictment only
        needed.append("sentencing_recommendation")
    missing = [a for a in needed if getattr(card, a) in (None, "")]
    if missing:
        text = translate("Checks", "Plea case (认罪认罚) lacks: {fields}.").format(
            fields=", ".join(field_label(a) for a in missing)
        )
        return [result(PLEA_FIELDS_SPEC, Status.VIOLATION, text, {"missing": missing})]
    text = translate("Checks", "Plea case: agreement date, who was present and the recommendation are recorded.")
    return [result(PLEA_FIELDS_SPEC, Status.PASSED, text, {"missing": []})]


def check_plea_witness(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if not _applies(card):
        return []
    witness = (card.plea_witness or "").strip()
    facts = {"plea_witness": witness or None}
    if witness in LAWYERS:
        text = translate("Checks", "Plea agreement signed with the {witness} present.").format(witness=witness)
        return [result(PLEA_WITNESS_SPEC, Status.PASSED, text, facts)]
    if witness == NO_ONE:
        text = translate("Checks", "Plea agreement signed with neither a defender nor a duty lawyer present.")
        return [result(PLEA_WITNESS_SPEC, Status.VIOLATION, text, facts)]
    return [not_checkable(PLEA_WITNESS_SPEC, ("plea_witness",), facts)]


def check_plea_recommendation(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if not _applies(card) or card.disposition not in (None, PROSECUTE):
        return []
    kind = (card.sentencing_recommendation or "").strip()
    facts = {"sentencing_recommendation": kind or None}
    if kind == FIXED_TERM:
        text = translate("Checks", "Sentencing recommendation: fixed term.")
        return [result(PLEA_RECOMMENDATION_SPEC, Status.PASSED, text, facts)]
    if kind == RANGE_TERM:
        # 规则 art. 275: a fixed term in principle; a range is allowed with reasons the card does not hold.
        text = translate("Checks", "Sentencing recommendation is a range, not a fixed term: check the reasons given.")
        return [result(PLEA_RECOMMENDATION_SPEC, Status.WARNING, text, facts)]
    if kind == NO_ONE:
        text = translate("Checks", "Plea case prosecuted without a sentencing recommendation.")
        return [result(PLEA_RECOMMENDATION_SPEC, Status.VIOLATION, text, facts)]
    return [not_checkable(PLEA_RECOMMENDATION_SPEC, ("sentencing_recommendation",), facts)]


def _change_recorded(card: CaseCard, ctx: CheckContext) -> str | None:
    """The reason (or 是) recorded in an extra export column for a changed charge, if any."""
    for column in ctx.config.charge_change_columns:
        value = (card.extra.get(column) or "").strip()
        if value and value.lower() not in _NO_MARKERS:
            return value
    return None


def check_charge_changed(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type not in CRIMINAL_TYPES or not card.transferred_charge or not card.found_charge:
        return []
    moved, found = charges(card.transferred_charge), charges(card.found_charge)
    facts: dict[str, object] = {"transferred_charge": card.transferred_charge, "found_charge": card.found_charge}
    if moved == found:
        text = translate("Checks", "Found charge matches the transferred charge.")
        return [result(CHARGE_CHANGED_SPEC, Status.PASSED, text, facts)]
    reason = _change_recorded(card, ctx)
    facts["change_reason"] = reason
    if reason is None:
        text = translate(
            "Checks", "Found charge {found} differs from the transferred charge {moved} and no change is recorded."
        )
        return [
            result(
                CHARGE_CHANGED_SPEC,
                Status.VIOLATION,
                text.format(found=card.found_charge, moved=card.transferred_charge),
                facts,
            )
        ]
    text = translate("Checks", "Charge changed from {moved} to {found}; reason recorded: {reason}.")
    return [
        result(
            CHARGE_CHANGED_SPEC,
            Status.PASSED,
            text.format(found=card.found_charge, moved=card.transferred_charge, reason=reason),
            facts,
        )
    ]


def check_suspect_charge(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type not in CRIMINAL_TYPES or not card.suspects:
        return []
    # A closed case must carry the charge found for each person; an open one at least the transferred charge.
    attr = "found_charge" if card.closed_on is not None else "transferred_charge"
    lacking = [s.name for s in card.suspects if not (getattr(s, attr) or "").strip()]
    facts = {"field": attr, "suspects": lacking}
    if lacking:
        text = translate("Checks", "No charge ({field}) on the person card of: {names}.").format(
            field=SUSPECT_LABELS[attr], names=", ".join(lacking)
        )
        return [result(SUSPECT_CHARGE_SPEC, Status.VIOLATION, text, facts)]
    return [result(SUSPECT_CHARGE_SPEC, Status.PASSED, translate("Checks", "Every suspect has a charge."), facts)]


def check_suspect_charge_match(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type not in CRIMINAL_TYPES or not card.suspects:
        return []
    case_found = charges(card.found_charge)
    problems: list[str] = []
    for s in card.suspects:
        found = charges(s.found_charge)
        if case_found and found and not found <= case_found:
            problems.append(
                translate("Checks", "{name}: {charge} is not among the case's found charges").format(
                    name=s.name, charge=s.found_charge
                )
            )
        prosecuted = charges(s.prosecuted_charge)
        if found and prosecuted and prosecuted != found:
            problems.append(
                translate("Checks", "{name}: indicted for {prosecuted} but found {found}").format(
                    name=s.name, prosecuted=s.prosecuted_charge, found=s.found_charge
                )
            )
    if problems:
        text = translate("Checks", "Charges disagree: {problems}.").format(problems="; ".join(problems))
        return [result(SUSPECT_CHARGE_MATCH_SPEC, Status.VIOLATION, text, {"problems": problems})]
    text = translate("Checks", "Suspects' charges agree with the case card.")
    return [result(SUSPECT_CHARGE_MATCH_SPEC, Status.PASSED, text, {"problems": []})]
