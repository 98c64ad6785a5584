"""Counting periods in working days (工作日) on the legal calendar.

CPL art. 105: the day a period starts is not counted. A period of N working days ends on the N-th working
day after its starting day: weekends and public holidays are passed over, a 调休 Saturday or Sunday counts.
Used by the feedback period (听取意见, review-rules.md §1 step 8: 5 working days by default) and any other
period set in working days.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class WorkdayCalendar(Protocol):
    """What the count needs of a calendar (reviewapp.legal.LegalCalendar has it); a date the calendar does
    not know raises its own error (the count never guesses)."""

    def is_workday(self, day: dt.date) -> bool: ...


def add_working_days(day: dt.date, n: int, calendar: WorkdayCalendar) -> dt.date:
    """The ``n``-th working day after ``day`` (``day`` itself not counted); ``day`` itself when ``n`` is 0,
    whether or not it is a working day. ``n`` may not be negative."""
    if n < 0:
        raise ValueError(f"a period of {n} working days")
    current, left = day, n
    while left:
        current += dt.timedelta(days=1)
        if calendar.is_workday(current):
            left -= 1
    return current


def working_days_between(start: dt.date, end: dt.date, calendar: WorkdayCalendar) -> int:
    """How many working days lie after ``start`` up to and including ``end`` (0 when ``end`` ≤ ``start``):
    the inverse of :func:`add_working_days` on working days."""
    count, current = 0, start
    while current < end:
        current += dt.timedelta(days=1)
        if calendar.is_workday(current):
            count += 1
    return count
