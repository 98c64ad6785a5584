"""The rule registry and the one entry point: check_case(card) → results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reviewapp.checks import card_rules, deadline_rules, period_rules, plea_charge_rules
from reviewapp.checks.config import CheckConfig, default_config
from reviewapp.checks.context import CheckContext
from reviewapp.checks.results import CheckResult, RuleSpec
from reviewapp.domain.case_card import CaseCard
from reviewapp.legal.calendar import LegalCalendar, default_calendar

RuleCheck = Callable[[CaseCard, CheckContext], list[CheckResult]]


@dataclass(frozen=True)
class Rule:
    spec: RuleSpec
    check: RuleCheck


_RULES: tuple[Rule, ...] = (
    Rule(deadline_rules.ARREST_REVIEW_SPEC, deadline_rules.check_arrest_review),
    Rule(deadline_rules.PROSECUTION_SPEC, deadline_rules.check_prosecution),
    Rule(deadline_rules.FAST_TRACK_SPEC, deadline_rules.check_fast_track),
    Rule(period_rules.RETURN_COUNT_SPEC, period_rules.check_return_count),
    Rule(period_rules.RETURN_PERIOD_SPEC, period_rules.check_return_period),
    Rule(period_rules.NOTICE_SUSPECT_SPEC, period_rules.check_notice_suspect),
    Rule(period_rules.NOTICE_VICTIM_SPEC, period_rules.check_notice_victim),
    Rule(period_rules.BAIL_SPEC, period_rules.check_bail),
    Rule(period_rules.SURVEILLANCE_SPEC, period_rules.check_surveillance),
    Rule(card_rules.DATE_ORDER_SPEC, card_rules.check_date_order),
    Rule(card_rules.REQUIRED_FIELDS_SPEC, card_rules.check_required_fields),
    Rule(card_rules.RETURN_DATES_SPEC, card_rules.check_return_dates),
    Rule(card_rules.DOUBT_RETURN_SPEC, card_rules.check_doubt_non_prosecution),
    Rule(card_rules.JUVENILE_LINE_SPEC, card_rules.check_juvenile_line),
    Rule(card_rules.JUVENILE_FAST_TRACK_SPEC, card_rules.check_juvenile_fast_track),
    Rule(card_rules.AGE_KNOWN_SPEC, card_rules.check_age_known),
    Rule(card_rules.AMOUNT_SPEC, card_rules.check_amount),
    Rule(plea_charge_rules.PLEA_FIELDS_SPEC, plea_charge_rules.check_plea_fields),
    Rule(plea_charge_rules.PLEA_WITNESS_SPEC, plea_charge_rules.check_plea_witness),
    Rule(plea_charge_rules.PLEA_RECOMMENDATION_SPEC, plea_charge_rules.check_plea_recommendation),
    Rule(plea_charge_rules.CHARGE_CHANGED_SPEC, plea_charge_rules.check_charge_changed),
    Rule(plea_charge_rules.SUSPECT_CHARGE_SPEC, plea_charge_rules.check_suspect_charge),
    Rule(plea_charge_rules.SUSPECT_CHARGE_MATCH_SPEC, plea_charge_rules.check_suspect_charge_match),
)

# The registry: every rule's id, title, legal basis, checklist item and proposed severity, in check order.
RULES: tuple[RuleSpec, ...] = tuple(rule.spec for rule in _RULES)
RULES_BY_ID: dict[str, RuleSpec] = {spec.rule_id: spec for spec in RULES}


def check_case(
    card: CaseCard,
    *,
    today: dt.date | None = None,
    config: CheckConfig | None = None,
    calendar: LegalCalendar | None = None,
    rule_ids: Iterable[str] | None = None,
) -> list[CheckResult]:
    """Every applicable rule's results for ``card``; rules that do not apply to the case return nothing.

    ``today`` enables the open-case checks (warnings before expiry, overdue while still open).
    """
    ctx = CheckContext(config or default_config(), calendar or default_calendar(), today)
    wanted = None if rule_ids is None else frozenset(rule_ids)
    out: list[CheckResult] = []
    for rule in _RULES:
        if wanted is None or rule.spec.rule_id in wanted:
            out.extend(rule.check(card, ctx))
    return out


def check_cases(
    cards: Iterable[CaseCard],
    *,
    today: dt.date | None = None,
    config: CheckConfig | None = None,
    calendar: LegalCalendar | None = None,
) -> Iterable[tuple[CaseCard, list[CheckResult]]]:
    """Check many cards, yielding as it goes (a caller can report progress or stop early)."""
    cfg, cal = config or default_config(), calendar or default_calendar()
    for card in cards:
        yield card, check_case(card, today=today, config=cfg, calendar=cal)
