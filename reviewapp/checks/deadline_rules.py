"""Review deadlines: arrest review, prosecution review and plea fast-track (review-rules.md §4).

Overdue while the suspect is in custody is 超期羁押 (P12, 严重司法错误); otherwise the statutory deadline was
exceeded (P10, 一般司法错误).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from reviewapp.checks.context import (
    ARREST_REVIEW,
    FAST_TRACK,
    PROSECUTION_REVIEW,
    CheckContext,
    calendar_unknown,
    describe_timing,
    field_label,
    in_custody,
    iso,
    join_sentences,
    judge,
    likely_over_one_year,
    not_checkable,
    passed_without_calendar,
    result,
    timing,
    timing_facts,
)
from reviewapp.checks.results import ERROR, SERIOUS, CheckResult, RuleSpec, Status
from reviewapp.checks.segments import Segment, net_review_days, returns_on_card, review_segments
from reviewapp.domain.case_card import CaseCard
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate
from reviewapp.legal.calendar import CalendarUnknownError
from reviewapp.legal.periods import PeriodEnd, period_end


def _deadline_spec(rule_id: str, title: str, basis: str) -> RuleSpec:
    return RuleSpec(rule_id, title, basis, "P10", ERROR, custody_item_code="P12", custody_severity=SERIOUS)


ARREST_REVIEW_SPEC = _deadline_spec(
    "DL-ARREST-REVIEW",
    QT_TRANSLATE_NOOP("CheckRules", "Arrest review decided within the statutory period"),
    "CPL art. 91; 规则 art. 282",
)
PROSECUTION_SPEC = _deadline_spec(
    "DL-PROSECUTION",
    QT_TRANSLATE_NOOP("CheckRules", "Prosecution review decided within one month (+15 days if extended)"),
    "CPL arts. 172, 175; 规则 arts. 346, 351",
)
FAST_TRACK_SPEC = _deadline_spec(
    "DL-FAST-TRACK",
    QT_TRANSLATE_NOOP("CheckRules", "Fast-track (速裁) case decided within 10 / 15 days"),
    "CPL art. 172; 规则 art. 273",
)

_STATUS_RANK = {Status.VIOLATION: 3, Status.NOT_CHECKABLE: 2, Status.WARNING: 1, Status.PASSED: 0}


def check_arrest_review(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type != ARREST_REVIEW:
        return []
    cfg = ctx.config
    facts = {"accepted_on": iso(card.accepted_on), "closed_on": iso(card.closed_on)}
    custody = in_custody(card)
    if from_supervisory_commission(card) and custody is not False:
        # CPL art. 170 (review-rules.md §4 table): a case transferred under 留置 is decided within 10 days of
        # the 先行拘留, +1–4 in special circumstances; the card records that an extension was approved, not its
        # length, so the longest (4 days) is allowed. The suspect is held: custody counting, P12 when late.
        # A card saying the suspect is not held is no 留置 case: the ordinary limits below apply.
        extra = cfg.arrest_supervisory_extension_days if card.extension_approved else 0
        days = cfg.arrest_supervisory_days + extra
        what = translate(
            "Checks", "Arrest decision on a case transferred by a supervisory commission (CPL art. 170, {days} days)"
        )
        custody = True
        facts["transferring_agency"] = card.transferring_agency
    elif custody is None:
        return [not_checkable(ARREST_REVIEW_SPEC, ("detained",))]
    elif custody:
        days = cfg.arrest_detained_days
        what = translate("Checks", "Arrest review, suspect detained ({days} days)")
    elif card.extension_approved:
        days = cfg.arrest_not_detained_major_days
        what = translate("Checks", "Arrest review, not detained, major or complex ({days} days)")
    else:
        days = cfg.arrest_not_detained_days
        what = translate("Checks", "Arrest review, not detained ({days} days)")
    return [
        judge(
            ARREST_REVIEW_SPEC,
            what.format(days=days),
            card.accepted_on,
            ctx,
            custody=custody,
            actual=card.closed_on,
            warn_days=cfg.warning_days["arrest_review"],
            days=days,
            facts=facts,
        )
    ]


# Names a supervisory commission (监察委员会) goes by as the transferring organ on a card.
SUPERVISORY_AGENCIES = ("监察委员会", "监委", "监察机关")


def from_supervisory_commission(card: CaseCard) -> bool:
    """The case was transferred by a supervisory commission (移送单位 names one): CPL art. 170 applies."""
    agency = card.transferring_agency or ""
    return any(name in agency for name in SUPERVISORY_AGENCIES)


def _segment_facts(card: CaseCard, custody: bool) -> dict[str, Any]:
    net = net_review_days(card)
    calendar_days = (card.closed_on - card.accepted_on).days if card.closed_on else None
    return {
        "in_custody": custody,
        "extension_approved": bool(card.extension_approved),
        "returns": returns_on_card(card),
        "net_review_days": net,
        "calendar_days": calendar_days,
        "return_days": calendar_days - net if calendar_days is not None and net is not None else None,
    }


def _check_segments(
    spec: RuleSpec,
    card: CaseCard,
    ctx: CheckContext,
    what: Callable[[int], str],
    months: int,
    days: int,
    warn_days: int,
    alt_days: int | None = None,
    days_from: dt.date | None = None,
    notes: tuple[str, ...] = (),
) -> list[CheckResult]:
    """Check every review stretch against the period counted from its own start (CPL art. 175: restart).

    ``alt_days``: a longer period that applies on a condition the card does not record (速裁 with a likely
    sentence over one year); a stretch between the two limits is not checkable. ``days_from``: the ``days``
    apply only to the stretches starting on or after this day (an extension approved in a later stretch
    did not lengthen an earlier one).
    """
    custody = in_custody(card)
    if custody is None:
        return [not_checkable(spec, ("detained",))]
    found = review_segments(card)
    if found.missing:
        return [not_checkable(spec, found.missing, {"returns": returns_on_card(card)})]
    facts = _segment_facts(card, custody)
    stretches: list[dict[str, Any]] = []
    sentences: list[str] = []
    worst = Status.PASSED
    missing: tuple[str, ...] = ()
    try:
        for seg in found.segments:
            seg_days = days if days_from is None or seg.start >= days_from else 0
            status, sentence, seg_facts, seg_missing = _one_segment(
                seg, ctx, custody, months, seg_days, warn_days, alt_days, what
            )
            stretches.append(seg_facts)
            sentences.append(sentence)
            missing = missing or seg_missing
            if _STATUS_RANK[status] > _STATUS_RANK[worst]:
                worst = status
    except CalendarUnknownError as exc:
        return [calendar_unknown(spec, exc)]
    facts["segments"] = stretches
    if found.on_return:
        sentences.append(
            translate("Checks", "The case is on return for supplementary investigation; the review clock is stopped.")
        )
    if len(found.segments) > 1:
        sentences.insert(0, translate("Checks", "The period restarts on each resubmission (CPL art. 175)."))
    sentences.extend(notes)
    if worst is Status.NOT_CHECKABLE:
        sentences.append(
            translate("Checks", "Not checkable: the card lacks {fields}.").format(
                fields=", ".join(field_label(a) for a in missing)
            )
        )
    return [
        result(
            spec,
            worst,
            join_sentences(sentences),
            facts,
            missing if worst is Status.NOT_CHECKABLE else (),
            custody=custody,
        )
    ]


def _one_segment(
    seg: Segment,
    ctx: CheckContext,
    custody: bool,
    months: int,
    days: int,
    warn_days: int,
    alt_days: int | None,
    what: Callable[[int], str],
) -> tuple[Status, str, dict[str, Any], tuple[str, ...]]:
    actual = seg.end
    today = None if seg.ends_in_return else ctx.today
    try:
        limit: PeriodEnd = period_end(seg.start, months=months, days=days, in_custody=custody, calendar=ctx.calendar)
        t = timing(limit, actual, today, warn_days)
    except CalendarUnknownError:
        decided = passed_without_calendar(seg.start, months, days, actual, today, warn_days)
        if decided is None:
            raise
        limit, t = decided
    if t is None:
        text = translate("Checks", "Open since {start} and no date given to measure against.").format(
            start=seg.start.isoformat()
        )
        return Status.NOT_CHECKABLE, text, {"start": seg.start.isoformat()}, ("closed_on",)
    label = (
        what(days)
        if not seg.ends_in_return
        else translate("Checks", "Review until the return for supplementary investigation")
    )
    facts = timing_facts(limit, t)
    facts["ends_in_return"] = seg.ends_in_return
    if t.status is Status.VIOLATION and alt_days is not None and actual is not None:
        alt = period_end(seg.start, days=alt_days, in_custody=custody, calendar=ctx.calendar)
        alt_t = timing(alt, actual, None, warn_days)
        assert alt_t is not None  # an actual date is given
        if alt_t.status is not Status.VIOLATION:
            text = translate(
                "Checks",
                "{what}: decided on {date}, after the {days}-day limit ({end}) but within {alt_days} days ({alt_end}), "
                "which applies only if the likely sentence exceeds one year.",
            ).format(
                what=what(days),
                date=actual.isoformat(),
                days=days,
                end=limit.end.isoformat(),
                alt_days=alt_days,
                alt_end=alt.end.isoformat(),
            )
            facts["alternative_end"] = alt.end.isoformat()
            return Status.NOT_CHECKABLE, text, facts, ("likely_sentence_over_one_year",)
        facts["alternative_end"] = alt.end.isoformat()
        facts["days_over"] = alt_t.days_over
        return Status.VIOLATION, describe_timing(what(alt_days), alt, alt_t), facts, ()
    return t.status, describe_timing(label, limit, t), facts, ()


def check_prosecution(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type != PROSECUTION_REVIEW or card.procedure == FAST_TRACK:
        return []
    cfg = ctx.config
    # CPL art. 172: one month; +15 days for a major or complex case only with an approved extension, and an
    # extension approved after the month had run out extends nothing (its date is on the whole card).
    late = card.extension_approved is True and _extension_late(card, ctx)
    extra = cfg.prosecution_extension_days if card.extension_approved and not late else 0
    plain = translate("Checks", "Prosecution review ({months} month)")
    if late:
        text = translate(
            "Checks", "Prosecution review ({months} month; the extension approved on {date} came after it ended)"
        )
    elif extra:
        text = translate("Checks", "Prosecution review, extension approved ({months} month + {days} days)")
    else:
        text = plain
    approved = card.extension_approved_on.isoformat() if card.extension_approved_on else ""
    label = text.format(months=cfg.prosecution_months, days=extra, date=approved)
    # CPL art. 175: the period restarts on each resubmission, so an extension lengthens the stretch it was
    # approved in (and, the card holding one approval, those after it) — never a stretch that had already
    # ended: that one is measured against the month alone.
    days_from = _approval_stretch(card) if extra else None
    return _check_segments(
        PROSECUTION_SPEC,
        card,
        ctx,
        lambda days: label if days else plain.format(months=cfg.prosecution_months),
        cfg.prosecution_months,
        extra,
        cfg.warning_days["prosecution"],
        days_from=days_from,
        notes=_carry_over_note(card, days_from) if extra else (),
    )


def _carry_over_note(card: CaseCard, days_from: dt.date | None) -> tuple[str, ...]:
    """Say which reading was taken when an extension lengthens a stretch restarted after a return.

    review-rules.md §4 says the period restarts on resubmission (CPL art. 175) but not whether an approved
    extension carries into the restarted period; the card holds one approval, and the app reads it as
    lengthening its own stretch and every later one (README, "Domain readings"). The explanation names the
    reading so that a reader who counts otherwise sees where the difference comes from."""
    stretches = review_segments(card).segments
    if len(stretches) < 2:
        return ()
    if days_from is None:
        return (
            translate(
                "Checks",
                "Reading taken where the rules are silent: the card does not date the extension's approval, "
                "so the extension is applied to every review stretch.",
            ),
        )
    later = [seg.start.isoformat() for seg in stretches if seg.start > days_from]
    if not later:
        return ()
    approved = card.extension_approved_on.isoformat() if card.extension_approved_on else ""
    return (
        translate(
            "Checks",
            "Reading taken where the rules are silent: an approved extension carries into the review stretches "
            "restarted after it (the card records one approval), so the extension approved on {date} also "
            "applies to the stretch from {starts}.",
        ).format(date=approved, starts=", ".join(later)),
    )


def _approval_stretch(card: CaseCard) -> dt.date | None:
    """The start of the review stretch the extension was approved in; None when the card does not date the
    approval (or dates it before the case was received): then it is taken to cover every stretch."""
    approved = card.extension_approved_on
    if approved is None:
        return None
    starts = [seg.start for seg in review_segments(card).segments if seg.start <= approved]
    return starts[-1] if starts else None


def _extension_late(card: CaseCard, ctx: CheckContext) -> bool:
    """The extension's approval date lies after the one-month period of its review stretch had ended (under
    every custody counting the card allows); False when the card has no approval date or cannot tell."""
    approved = card.extension_approved_on
    start = _approval_stretch(card)
    if start is None or approved is None:
        return False
    custody = in_custody(card)
    try:
        ends = [
            period_end(start, months=ctx.config.prosecution_months, in_custody=held, calendar=ctx.calendar).end
            for held in ((True, False) if custody is None else (custody,))
        ]
    except CalendarUnknownError:
        return False
    return all(approved > end for end in ends)


def check_fast_track(card: CaseCard, ctx: CheckContext) -> list[CheckResult]:
    if card.case_type != PROSECUTION_REVIEW or card.procedure != FAST_TRACK:
        return []
    cfg = ctx.config
    text = translate("Checks", "Fast-track (速裁) review ({days} days)")
    # The recommendation or judgment on the card says whether the likely sentence exceeds one year; only
    # when it does not say is a decision between the two limits left open.
    over = likely_over_one_year(card)
    days = cfg.fast_track_over_one_year_days if over else cfg.fast_track_days
    return _check_segments(
        FAST_TRACK_SPEC,
        card,
        ctx,
        lambda days: text.format(days=days),
        0,
        days,
        cfg.warning_days["fast_track"],
        alt_days=cfg.fast_track_over_one_year_days if over is None else None,
    )
