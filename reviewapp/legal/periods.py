"""Period arithmetic of CPL art. 105 (法定期间的计算).

- The day the period starts is not counted: a 3-day period from 1 March ends on 4 March.
- A month period runs to the same date of the month it lands in; when that date does not exist
  (31 January + 1 month) it ends on that month's last day.
- A period whose last day is a 节假日 (weekend or public holiday — a 调休 Saturday/Sunday is a working
  day) ends on the next working day, EXCEPT while the person is in custody: then it ends on the day itself
  and the calendar is not consulted at all.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from reviewapp.legal.calendar import LegalCalendar


@dataclass(frozen=True)
class PeriodEnd:
    """When a period ends, and why."""

    start: dt.date
    months: int
    days: int
    in_custody: bool
    nominal_end: dt.date  # start + months + days, before any holiday roll-over
    end: dt.date  # the last allowed day
    skipped: tuple[dt.date, ...] = ()  # non-working days rolled over (nominal_end first)
    # False for a floor (see period_floor): the true end is this day or a later one.
    calendar_known: bool = True

    def facts(self) -> dict[str, object]:
        return {
            "start": self.start.isoformat(),
            "months": self.months,
            "days": self.days,
            "in_custody": self.in_custody,
            "nominal_end": self.nominal_end.isoformat(),
            "end": self.end.isoformat(),
            "skipped": [d.isoformat() for d in self.skipped],
            "calendar_known": self.calendar_known,
        }


@lru_cache(maxsize=65536)
def add_months(day: dt.date, months: int) -> dt.date:
    """Same date ``months`` later; the month's last day when that date does not exist."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = _cal.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


@lru_cache(maxsize=262144)
def period_end(
    start: dt.date,
    *,
    months: int = 0,
    days: int = 0,
    in_custody: bool,
    calendar: LegalCalendar,
) -> PeriodEnd:
    """The last allowed day of a period of ``months`` + ``days`` starting on ``start``.

    Raises CalendarUnknownError when the roll-over needs a day outside the known calendar.
    Memoised (results are immutable): checking many cases asks for the same periods again and again.
    """
    # CPL art. 105: the starting day is not counted, so the period ends `days` days after `start`.
    nominal = add_months(start, months) + dt.timedelta(days=days)
    if in_custody:
        # CPL art. 105: in custody the period is never extended over holidays.
        return PeriodEnd(start, months, days, True, nominal, nominal)
    end, skipped = calendar.next_working_day(nominal)
    return PeriodEnd(start, months, days, False, nominal, end, skipped)


def period_floor(start: dt.date, *, months: int = 0, days: int = 0) -> PeriodEnd:
    """The earliest day a period not in custody can end, without the calendar.

    A holiday roll-over only moves the end later, so an event on or before this day is on time even when
    the year's holiday schedule is not known.
    """
    nominal = add_months(start, months) + dt.timedelta(days=days)
    return PeriodEnd(start, months, days, False, nominal, nominal, (), calendar_known=False)


def days_over(limit: PeriodEnd, actual: dt.date) -> int:
    """Days past the last allowed day (0 when on time)."""
    return max(0, (actual - limit.end).days)
