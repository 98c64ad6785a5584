"""Working-day calendar for legal periods: weekends, public holidays and 调休 working days.

CPL art. 105: a period whose last day is a 节假日 ends on the next working day. Which days are
节假日 follows the State Council schedule: public holidays are days off, and a 调休 Saturday or Sunday
is a working day. The schedule comes from the ``chinese_calendar`` package, and a local override file
(resources/calendar/overrides.yaml) adds or corrects whole years. A date in a year neither source
knows raises :class:`CalendarUnknownError` — the calendar never guesses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import chinese_calendar

from reviewapp.errors import KnownError

OVERRIDES_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "calendar" / "overrides.yaml"


class CalendarUnknownError(KnownError, LookupError):
    """A date falls in a year whose holiday schedule is not known (add it to the override file)."""

    def __init__(self, day: dt.date, known_years: Iterable[int]) -> None:
        years = sorted(known_years)
        self.day = day
        self.known_years: tuple[int, ...] = tuple(years)
        span = f"{years[0]}–{years[-1]}" if years else "none"
        super().__init__(f"{day.isoformat()} is outside the known holiday calendar (known years: {span})")


class CalendarOverrideError(KnownError, ValueError):
    """The override file is malformed."""


class LegalCalendar:
    """Answers "is this a working day?" for the years whose schedule is known.

    Built once from the package tables plus overrides; every answer after that is a set lookup, and the
    next-working-day search is memoised, so checking 100 000 cases stays cheap.
    """

    def __init__(
        self,
        holidays: Mapping[int, Iterable[dt.date]],
        workdays: Mapping[int, Iterable[dt.date]],
        holiday_names: Mapping[dt.date, str] | None = None,
    ) -> None:
        self._years: frozenset[int] = frozenset(holidays) | frozenset(workdays)
        self._holidays: frozenset[dt.date] = frozenset(d for ds in holidays.values() for d in ds)
        self._workdays: frozenset[dt.date] = frozenset(d for ds in workdays.values() for d in ds)
        self._names: dict[dt.date, str] = dict(holiday_names or {})
        self._next_cache: dict[dt.date, tuple[dt.date, tuple[dt.date, ...]]] = {}

    @classmethod
    def from_package(cls, overrides: Path | None = OVERRIDES_FILE) -> LegalCalendar:
        """The ``chinese_calendar`` schedule, with whole years replaced or added from ``overrides``."""
        holidays: dict[int, list[dt.date]] = {}
        workdays: dict[int, list[dt.date]] = {}
        names: dict[dt.date, str] = {}
        for day, name in chinese_calendar.holidays.items():
            holidays.setdefault(day.year, []).append(day)
            names[day] = str(name)
        for day in chinese_calendar.workdays:
            workdays.setdefault(day.year, []).append(day)
        # A year the package knows with no 调休 workday still counts as known.
        for year in list(holidays):
            workdays.setdefault(year, [])
        if overrides is not None and overrides.exists():
            for year, (hol, work) in load_overrides(overrides).items():
                holidays[year] = list(hol)
                workdays[year] = list(work)
                for day in hol:
                    names.pop(day, None)
        return cls(holidays, workdays, names)

    @property
    def known_years(self) -> frozenset[int]:
        return self._years

    def knows(self, day: dt.date) -> bool:
        return day.year in self._years

    def is_workday(self, day: dt.date) -> bool:
        if day.year not in self._years:
            raise CalendarUnknownError(day, self._years)
        if day in self._workdays:  # 调休: a Saturday/Sunday made a working day
            return True
        return day.weekday() < 5 and day not in self._holidays

    def holiday_name(self, day: dt.date) -> str | None:
        """The package's (English) holiday name for a public holiday, None for a plain weekend."""
        return self._names.get(day)

    def next_working_day(self, day: dt.date) -> tuple[dt.date, tuple[dt.date, ...]]:
        """``day`` itself if it is a working day, else the first working day after it, with the
        non-working days passed over (``day`` included)."""
        cached = self._next_cache.get(day)
        if cached is not None:
            return cached
        skipped: list[dt.date] = []
        current = day
        while not self.is_workday(current):
            skipped.append(current)
            current += dt.timedelta(days=1)
        result = (current, tuple(skipped))
        self._next_cache[day] = result
        return result


def _as_date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise CalendarOverrideError(f"{where}: {value!r} is not a date (write YYYY-MM-DD)")


def load_overrides(path: Path) -> dict[int, tuple[list[dt.date], list[dt.date]]]:
    """year → (holidays, 调休 workdays) from an override file; raises CalendarOverrideError on bad data."""
    import yaml  # loaded when a deadline is first computed, not with every module that imports the calendar

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise CalendarOverrideError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("years", {}), dict):
        raise CalendarOverrideError(f"{path}: expected a mapping 'years: {{YEAR: {{holidays, workdays}}}}'")
    out: dict[int, tuple[list[dt.date], list[dt.date]]] = {}
    for raw_year, entry in (data.get("years") or {}).items():
        try:
            year = int(raw_year)
        except (TypeError, ValueError) as exc:
            raise CalendarOverrideError(f"{path}: year {raw_year!r} is not a number") from exc
        entry = entry or {}
        if not isinstance(entry, dict) or set(entry) - {"holidays", "workdays"}:
            raise CalendarOverrideError(f"{path}: year {year} may only have 'holidays' and 'workdays' lists")
        lists: list[list[dt.date]] = []
        for key in ("holidays", "workdays"):
            values = entry.get(key) or []
            if not isinstance(values, list):
                raise CalendarOverrideError(f"{path}: {year}.{key} must be a list of dates")
            days = [_as_date(v, f"{path}: {year}.{key}") for v in values]
            for day in days:
                if day.year != year:
                    raise CalendarOverrideError(f"{path}: {day.isoformat()} is listed under year {year}")
            lists.append(days)
        hol, work = lists
        if set(hol) & set(work):
            clash = min(set(hol) & set(work)).isoformat()
            raise CalendarOverrideError(f"{path}: {clash} is both a holiday and a workday")
        out[year] = (hol, work)
    return out


@lru_cache(maxsize=1)
def default_calendar() -> LegalCalendar:
    """The package calendar plus the shipped override file, built once per process."""
    return LegalCalendar.from_package()
