"""Shared helpers of the rules: the check context, custody, deadline status and explanation pieces."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reviewapp.checks.config import CheckConfig
from reviewapp.checks.results import CheckResult, RuleSpec, Status
from reviewapp.domain.case_card import CASE_FIELDS, SUSPECT_FIELDS, CaseCard, SuspectRecord
from reviewapp.domain.sentence_terms import parse_term
from reviewapp.i18n import translate
from reviewapp.legal.calendar import CalendarUnknownError, LegalCalendar
from reviewapp.legal.periods import PeriodEnd, period_end, period_floor

PROSECUTION_REVIEW = "审查起诉"
ARREST_REVIEW = "审查逮捕"
CRIMINAL_TYPES = (PROSECUTION_REVIEW, ARREST_REVIEW)
FAST_TRACK = "速裁"

_CASE_LABELS = {spec.attr: spec.column for spec in CASE_FIELDS}
SUSPECT_LABELS = {spec.attr: spec.column for spec in SUSPECT_FIELDS}
# Facts a check needs that the card has no column for.
_CASE_LABELS.update(
    {
        "likely_sentence_over_one_year": "可能判处一年以上有期徒刑",
        "return3_on": "第三次退查日期",
        "resubmit3_on": "第三次重新移送日期",
        "suspects": "犯罪嫌疑人",
    }
)
_CHARGE_SPLIT = re.compile(r"[，,；;/\s]+")


@dataclass(frozen=True)
class CheckContext:
    config: CheckConfig
    calendar: LegalCalendar
    today: dt.date | None = None


def in_custody(card: CaseCard) -> bool | None:
    """The card's 是否羁押; failing that, True if any suspect is detained, False if all are known free."""
    if card.detained is not None:
        return card.detained
    flags = [s.detained for s in card.suspects]
    if any(flags):
        return True
    if flags and all(f is False for f in flags):
        return False
    # With 是否羁押 blank everywhere, the coercive measures on the card tell it (CPL arts. 80–82, 91).
    held = [measure_holds(s) for s in card.suspects]
    if any(held):
        return True
    if held and all(h is False for h in held):
        return False
    return None


CUSTODY_MEASURES = ("拘留", "逮捕")
FREE_MEASURES = ("取保候审", "监视居住")


def measure_holds(suspect: SuspectRecord) -> bool | None:
    """Whether a suspect's current coercive measure is custody: 拘留 / 逮捕 (or a detention or arrest date
    with no later end) is; bail and residential surveillance are not; None when the card does not say."""
    measure = (suspect.measure or "").strip()
    if measure in CUSTODY_MEASURES:
        return suspect.measure_ended_on is None
    if measure in FREE_MEASURES:
        return False
    if suspect.arrested_on is not None or suspect.detained_on is not None:
        return suspect.measure_ended_on is None
    return None


def likely_over_one_year(card: CaseCard) -> bool | None:
    """Whether the likely sentence exceeds one year (CPL art. 172: 速裁 15 days instead of 10), read from the
    sentencing recommendation (量刑建议), else the judgment (判决刑期) of each suspect; None when unknown."""
    terms = [parse_term(s.recommended_sentence) or parse_term(s.sentence) for s in card.suspects]
    if any(t is not None and t.high > 12 for t in terms):
        return True
    if terms and all(t is not None for t in terms):
        return False
    return None


@lru_cache(maxsize=4096)
def charges(text: str | None) -> frozenset[str]:
    """A charge field as a set of names: '盗窃罪、诈骗罪' → {'盗窃罪', '诈骗罪'} (order and separators ignored).

    A charge name may itself hold 、 (选择性罪名: '掩饰、隐瞒犯罪所得罪', '走私、贩卖、运输、制造毒品罪'): pieces
    joined by 、 belong to one name up to the piece ending in 罪. Pieces never reaching a 罪 stay apart.
    """
    if not text:
        return frozenset()
    names: set[str] = set()
    for chunk in _CHARGE_SPLIT.split(text.strip()):
        pending: list[str] = []
        for piece in (p for p in chunk.split("、") if p):
            pending.append(piece)
            if piece.endswith("罪"):
                names.add("、".join(pending))
                pending = []
        names.update(pending)
    return frozenset(names)


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def result(
    spec: RuleSpec,
    status: Status,
    explanation: str,
    facts: dict[str, Any] | None = None,
    missing: tuple[str, ...] = (),
    custody: bool = False,
) -> CheckResult:
    """A result of ``spec``; with ``custody`` the rule's in-custody item and severity apply (P12 style)."""
    item, severity = spec.item_code, spec.severity
    if custody and spec.custody_item_code:
        item = spec.custody_item_code
        severity = spec.custody_severity or severity
    return CheckResult(spec.rule_id, item, severity, status, explanation, facts or {}, missing)


def field_label(attr: str) -> str:
    """The export column of a card attribute ('closed_on' → '办结日期', 'suspects[0].x' → '嫌疑人1 …')."""
    if attr.startswith("suspects["):
        index, _, name = attr[len("suspects[") :].partition("].")
        column = SUSPECT_LABELS.get(name, name)
        return f"{translate('Checks', 'suspect {number}').format(number=int(index) + 1)} {column}"
    return _CASE_LABELS.get(attr, attr)


def not_checkable(spec: RuleSpec, missing: tuple[str, ...], facts: dict[str, Any] | None = None) -> CheckResult:
    fields = ", ".join(field_label(a) for a in missing)
    text = translate("Checks", "Not checkable: the card lacks {fields}.").format(fields=fields)
    return result(spec, Status.NOT_CHECKABLE, text, facts, missing)


def calendar_unknown(spec: RuleSpec, exc: CalendarUnknownError) -> CheckResult:
    years = exc.known_years
    text = translate(
        "Checks",
        "Not checkable: {day} is outside the known holiday calendar ({first}–{last}); "
        "add that year to resources/calendar/overrides.yaml.",
    ).format(day=exc.day.isoformat(), first=years[0] if years else "-", last=years[-1] if years else "-")
    return result(spec, Status.NOT_CHECKABLE, text, {"unknown_date": exc.day.isoformat()})


def join_sentences(parts: list[str]) -> str:
    """Sentences in reading order ("A. B." in English, "甲。乙。" in Chinese)."""
    if not parts:
        return ""
    template = translate("Checks", "{first} {second}")
    text = parts[0]
    for part in parts[1:]:
        text = template.format(first=text, second=part)
    return text


def describe_days(days: tuple[dt.date, ...]) -> str:
    """Consecutive days as ranges: '2025-10-01–2025-10-08 (8 days)'; single days as they are."""
    runs: list[list[dt.date]] = []
    for day in days:
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) == 1:
            parts.append(run[0].isoformat())
        else:
            parts.append(
                translate("Checks", "{first}–{last} ({count} days)").format(
                    first=run[0].isoformat(), last=run[-1].isoformat(), count=len(run)
                )
            )
    return ", ".join(parts)


def describe_limit(limit: PeriodEnd) -> str:
    """'ends 2025-03-04', with the holiday roll-over or the custody rule spelled out."""
    if not limit.calendar_known:
        return translate("Checks", "ends on {end} or later (the holiday calendar of {year} is not known yet)").format(
            end=limit.end.isoformat(), year=limit.end.year
        )
    if limit.in_custody:
        return translate("Checks", "ends {end} (in custody: never extended over holidays)").format(
            end=limit.end.isoformat()
        )
    if limit.skipped:
        return translate("Checks", "ends {end} ({nominal} is not a working day; passed over {skipped})").format(
            end=limit.end.isoformat(),
            nominal=limit.nominal_end.isoformat(),
            skipped=describe_days(limit.skipped),
        )
    if limit.end.weekday() >= 5:  # a weekend day that is a working day: 调休
        return translate("Checks", "ends {end} (a 调休 weekend working day, so not extended)").format(
            end=limit.end.isoformat()
        )
    return translate("Checks", "ends {end}").format(end=limit.end.isoformat())


@dataclass(frozen=True)
class Timing:
    """How an event (or, for an open case, today) stands against a limit."""

    status: Status
    actual: dt.date | None  # the date compared: the event, or today for an open case
    days_over: int
    days_left: int | None  # open cases only
    open: bool


def timing(limit: PeriodEnd, actual: dt.date | None, today: dt.date | None, warn_days: int) -> Timing | None:
    """Compare ``actual`` (or ``today`` while the step is still open) with ``limit``; None when neither is known.

    Open steps warn ``warn_days`` days ahead of the last allowed day (configurable per stage).
    """
    if actual is not None:
        over = (actual - limit.end).days
        status = Status.VIOLATION if over > 0 else Status.PASSED
        return Timing(status, actual, max(0, over), None, False)
    if today is None:
        return None
    left = (limit.end - today).days
    if left < 0:
        return Timing(Status.VIOLATION, today, -left, left, True)
    status = Status.WARNING if left <= warn_days else Status.PASSED
    return Timing(status, today, 0, left, True)


def describe_timing(what: str, limit: PeriodEnd, t: Timing) -> str:
    """One sentence: what was measured, from when, the computed limit and the outcome."""
    head = translate("Checks", "{what}: counted from {start}, {limit}.").format(
        what=what, start=limit.start.isoformat(), limit=describe_limit(limit)
    )
    actual = t.actual.isoformat() if t.actual else "-"
    if t.open:
        if t.status is Status.VIOLATION:
            tail = translate("Checks", "Still open on {today}: {days} day(s) over.").format(
                today=actual, days=t.days_over
            )
        else:
            tail = translate("Checks", "Still open on {today}: {days} day(s) left.").format(
                today=actual, days=t.days_left
            )
    elif t.status is Status.VIOLATION:
        tail = translate("Checks", "Done on {date}: {days} day(s) over.").format(date=actual, days=t.days_over)
    else:
        tail = translate("Checks", "Done on {date}: within the limit.").format(date=actual)
    return join_sentences([head, tail])


def timing_facts(limit: PeriodEnd, t: Timing) -> dict[str, Any]:
    facts = limit.facts()
    facts.update({"actual": iso(t.actual), "days_over": t.days_over, "open": t.open, "days_left": t.days_left})
    return facts


def passed_without_calendar(
    start: dt.date, months: int, days: int, actual: dt.date | None, today: dt.date | None, warn_days: int
) -> tuple[PeriodEnd, Timing] | None:
    """When the holiday calendar is unknown, the unrolled end is a floor: on time against it is on time."""
    floor = period_floor(start, months=months, days=days)
    t = timing(floor, actual, today, warn_days)
    return (floor, t) if t is not None and t.status is Status.PASSED else None


def judge(
    spec: RuleSpec,
    what: str,
    start: dt.date,
    ctx: CheckContext,
    *,
    custody: bool | None,
    actual: dt.date | None,
    warn_days: int,
    months: int = 0,
    days: int = 0,
    facts: dict[str, Any] | None = None,
    missing_if_open: tuple[str, ...] = ("closed_on",),
) -> CheckResult:
    """One period check. With custody unknown, both counting rules are tried and must agree (no guessing)."""
    outcomes: list[tuple[PeriodEnd, Timing]] = []
    try:
        for held in (True, False) if custody is None else (custody,):
            limit = period_end(start, months=months, days=days, in_custody=held, calendar=ctx.calendar)
            t = timing(limit, actual, ctx.today, warn_days)
            if t is None:
                return not_checkable(spec, missing_if_open, facts)
            outcomes.append((limit, t))
    except CalendarUnknownError as exc:
        decided = passed_without_calendar(start, months, days, actual, ctx.today, warn_days)
        if decided is None:
            return calendar_unknown(spec, exc)
        outcomes = [decided]
    if len({t.status for _, t in outcomes}) > 1:
        return not_checkable(spec, ("detained",), facts)
    limit, t = outcomes[-1]
    return result(
        spec,
        t.status,
        describe_timing(what, limit, t),
        {**(facts or {}), **timing_facts(limit, t)},
        custody=bool(custody),
    )
