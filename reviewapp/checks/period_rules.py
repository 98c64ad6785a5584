"""Other statutory periods: returns for supplementary investigation, rights notices, bail and surveillance."""

from __future__ import annotations

from datetime import date

from reviewapp.checks.context import (
    CRIMINAL_TYPES,
    PROSECUTION_REVIEW,
    CheckContext,
    charges,
    in_custody,
    iso,
    judge,
    not_checkable,
    result,
)
from reviewapp.checks.results import ERROR, MINOR, CheckResult, RuleSpec, Status
from reviewapp.checks.segments import returns_on_card
from reviewapp.domain.case_card import CaseCard, SuspectRecord
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate

RETURN_COUNT_SPEC = RuleSpec(
    "DL-RETURN-COUNT",
    QT_TRANSLATE_NOOP("CheckRules", "At most two returns for supplementary investigation"),
    "CPL art. 175; 规则 art. 346",
    "P17",
    ERROR,
)
RETURN_PERIOD_SPEC = RuleSpec(
    "DL-RETURN-PERIOD",
    QT_TRANSLATE_NOOP("CheckRules", "Each return for supplementary investigation lasts at most one month"),
    "CPL art. 175; 规则 art. 346",
    "P17",
    ERROR,
)
NOTICE_SUSPECT_SPEC = RuleSpec(
    "DL-NOTICE-SUSPECT",
    QT_TRANSLATE_NOOP("CheckRules", "Suspect told of the right to counsel within 3 days of receipt"),
    "CPL art. 34; 规则 art. 40",
    "P3",
    MINOR,
)
NOTICE_VICTIM_SPEC = RuleSpec(
    "DL-NOTICE-VICTIM",
    QT_TRANSLATE_NOOP("CheckRules", "Victim told of the right to an agent within 3 days of receipt"),
    "CPL art. 46; 规则 art. 55",
    "P3",
    MINOR,
)
BAIL_SPEC = RuleSpec(
    "DL-BAIL",
    QT_TRANSLATE_NOOP("CheckRules", "Bail (取保候审) at most 12 months"),
    "CPL art. 79",
    "P10",
    ERROR,
)
SURVEILLANCE_SPEC = RuleSpec(
    "DL-SURVEILLANCE",
    QT_TRANSLATE_NOOP("CheckRules", "Residential surveillance (监视居住) at most 6 months"),
    "CPL art. 79",
    "P10",
    ERROR,
)

_RETURNS = (("return1_on", "resubmit1_on"), ("return2_on", "resubmit2_on"))


def check_return_count(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type != PROSECUTION_REVIEW:
        return []
    count, most = returns_on_card(card), ctx.config.max_returns
    facts = {"returns": count, "max_returns": most}
    if count > most:
        text = translate("Checks", "{count} returns for supplementary investigation; at most {max} are allowed.")
        return [result(RETURN_COUNT_SPEC, Status.VIOLATION, text.format(count=count, max=most), facts)]
    text = translate("Checks", "{count} returns for supplementary investigation (at most {max}).")
    return [result(RETURN_COUNT_SPEC, Status.PASSED, text.format(count=count, max=most), facts)]


def check_return_period(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type != PROSECUTION_REVIEW:
        return []
    out: list[CheckResult] = []
    custody = in_custody(card)
    for number, (ret_attr, res_attr) in enumerate(_RETURNS, start=1):
        returned = getattr(card, ret_attr)
        if returned is None:
            continue
        resubmitted = getattr(card, res_attr)
        facts = {"return": number, "returned_on": iso(returned), "resubmitted_on": iso(resubmitted)}
        if resubmitted is None and card.closed_on is not None:
            out.append(not_checkable(RETURN_PERIOD_SPEC, (res_attr,), facts))
            continue
        what = translate("Checks", "Return {number} for supplementary investigation ({months} month)")
        out.append(
            judge(
                RETURN_PERIOD_SPEC,
                what.format(number=number, months=ctx.config.return_months),
                returned,
                ctx,
                custody=custody,
                actual=resubmitted,
                warn_days=ctx.config.warning_days["returns"],
                months=ctx.config.return_months,
                facts=facts,
                missing_if_open=(res_attr,),
            )
        )
    return out


def _notice(card: CaseCard, ctx: CheckContext, spec: RuleSpec, attr: str, what: str) -> list[CheckResult]:
    if card.case_type != PROSECUTION_REVIEW:
        return []
    notified = getattr(card, attr)
    if notified is None:
        return [not_checkable(spec, (attr,))]
    return [
        judge(
            spec,
            what,
            card.accepted_on,
            ctx,
            custody=in_custody(card),
            actual=notified,
            warn_days=0,
            days=ctx.config.notice_days,
            facts={"accepted_on": iso(card.accepted_on), "notified_on": iso(notified)},
        )
    ]


def check_notice_suspect(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    what = translate("Checks", "Suspect's rights notice ({days} days)").format(days=ctx.config.notice_days)
    return _notice(card, ctx, NOTICE_SUSPECT_SPEC, "suspect_notified_on", what)


def _victimless(card: CaseCard, ctx: CheckContext) -> bool:
    """Every charge on the card is one without an individual victim (configured list)."""
    names = charges(card.found_charge) | charges(card.transferred_charge)
    for suspect in card.suspects:
        names |= charges(suspect.found_charge) | charges(suspect.transferred_charge)
    keys = ctx.config.victimless_charges
    return bool(names) and all(any(key in name for key in keys) for name in names)


def check_notice_victim(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    # 有无被害人 on the card decides; without it, charges that have no individual victim (configured) do.
    no_victim = card.has_victim is False or (card.has_victim is None and _victimless(card, ctx))
    if card.victim_notified_on is None and no_victim:
        return []  # no victim to notify: the rule does not apply (a date that is there is still checked)
    what = translate("Checks", "Victim's rights notice ({days} days)").format(days=ctx.config.notice_days)
    return _notice(card, ctx, NOTICE_VICTIM_SPEC, "victim_notified_on", what)


_MEASURE_DATES = {"取保候审": "bail_on", "监视居住": "surveillance_on"}


def _measure_span(card: CaseCard, suspect: SuspectRecord, measure: str) -> tuple[bool, date | None, date | None]:
    """(applies, start, end) of ``measure`` for one suspect: the measure's own date (取保候审日期 …), else the
    current measure's start; it ends when lifted (强制措施解除日期), when replaced by a detention, an arrest or
    the other non-custodial measure (bail ↔ residential surveillance), or at the decision (办结日期)."""
    own = getattr(suspect, _MEASURE_DATES[measure])
    current = suspect.measure == measure
    if not current and own is None:
        return False, None, None
    start = own if own is not None else suspect.measure_started_on
    changes = (suspect.detained_on, suspect.arrested_on, suspect.bail_on, suspect.surveillance_on)
    later = [d for d in changes if d is not None and start and d > start]
    if current and suspect.measure_ended_on is not None:
        later.append(suspect.measure_ended_on)
    return True, start, min(later) if later else card.closed_on


def _measure(card: CaseCard, ctx: CheckContext, spec: RuleSpec, measure: str, months: int) -> list[CheckResult]:
    if card.case_type not in CRIMINAL_TYPES:
        return []
    out: list[CheckResult] = []
    for i, suspect in enumerate(card.suspects):
        applies, started, ended = _measure_span(card, suspect, measure)
        if not applies:
            continue
        facts = {"suspect": suspect.name, "measure": measure, "ended_on": iso(ended)}
        if started is None:
            out.append(not_checkable(spec, (f"suspects[{i}].measure_started_on",), facts))
            continue
        what = translate("Checks", "{measure} of {name} ({months} months)").format(
            measure=measure, name=suspect.name, months=months
        )
        # Bail and residential surveillance are not custody: the holiday roll-over applies (CPL art. 105).
        out.append(
            judge(
                spec,
                what,
                started,
                ctx,
                custody=False,
                actual=ended,
                warn_days=ctx.config.warning_days["measures"],
                months=months,
                facts=facts,
            )
        )
    return out


def check_bail(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    return _measure(card, ctx, BAIL_SPEC, "取保候审", ctx.config.bail_months)


def check_surveillance(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    return _measure(card, ctx, SURVEILLANCE_SPEC, "监视居住", ctx.config.surveillance_months)
