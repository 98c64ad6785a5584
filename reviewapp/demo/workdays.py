"""Working days for demo dates: acceptances, decisions and signatures fall on days the office is open."""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import cache

import chinese_calendar

# Demo dates stay inside these years; the table is built once (a bisect per pick keeps 100 000 cases fast).
_FIRST_YEAR, _LAST_YEAR = 2022, 2027


def _official_workday(day: date) -> bool:
    """China's official working days (调休 weekends count); plain weekdays beyond the package's years."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


@cache
def _workday_ordinals() -> list[int]:
    first, last = date(_FIRST_YEAR, 1, 1).toordinal(), date(_LAST_YEAR, 12, 31).toordinal()
    return [n for n in range(first, last + 1) if _official_workday(date.fromordinal(n))]


@cache
def _workday_set() -> frozenset[int]:
    return frozenset(_workday_ordinals())


def is_workday(day: date) -> bool:
    if _FIRST_YEAR <= day.year <= _LAST_YEAR:
        return day.toordinal() in _workday_set()
    return _official_workday(day)


def pick_workday(rng: random.Random, first: date, last: date) -> date:
    """A uniformly chosen working day in [first, last]; ``first`` when the span has none (a long holiday)."""
    table = _workday_ordinals()
    lo, hi = bisect_left(table, first.toordinal()), bisect_right(table, last.toordinal())
    if lo >= hi:
        return first
    return date.fromordinal(table[rng.randrange(lo, hi)])


def workdays_between(first: date, last: date) -> list[date]:
    table = _workday_ordinals()
    lo, hi = bisect_left(table, first.toordinal()), bisect_right(table, last.toordinal())
    return [date.fromordinal(n) for n in table[lo:hi]]


def add_days(day: date, n: int) -> date:
    return day + timedelta(days=n)
