"""Helpers shared by the hand-computed cases (test_hand_computed_deadlines.py, test_hand_computed_rules.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reviewapp.checks import CheckResult, check_case
from reviewapp.demo.scenarios import prosecution_card
from reviewapp.domain.case_card import CaseCard
from reviewapp.legal import default_calendar

D = dt.date
CAL = default_calendar()


def one(card: CaseCard, rule_id: str) -> CheckResult:
    """The one result of ``rule_id`` on ``card``."""
    results = check_case(card, rule_ids=[rule_id])
    assert len(results) == 1, results
    return results[0]


def prosecution(accepted: dt.date, closed: dt.date, *, detained: bool, **changes: Any) -> CaseCard:
    return prosecution_card(1, accepted, closed, detained=detained, **changes)
