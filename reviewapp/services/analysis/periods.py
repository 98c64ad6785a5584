"""Statistical periods (统计期间): a month, quarter, half-year or year, and the periods a figure is compared with.

    p = parse_period("2026Q3")         # Period(kind="quarter", year=2026, index=3)
    p.start, p.end                     # date(2026, 7, 1), date(2026, 10, 1) — the end is exclusive
    p.previous()                       # 2026Q2: period-on-period (环比)
    p.year_before()                    # 2025Q3: year-on-year (同比)
    p.label()                          # "2026年第三季度" (translated)

Accepted texts: ``2026`` (year), ``2026H1`` / ``2026H2`` (half), ``2026Q1`` … ``2026Q4`` (quarter),
``2026-1`` … ``2026-12`` or ``2026M11`` (month); case and surrounding blanks are ignored. A bad text raises
``PeriodError`` (a KnownError with a plain message).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from reviewapp.errors import KnownError
from reviewapp.i18n import translate


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


# How many months one period of each kind spans, and so how many periods a year holds.
_MONTHS = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.HALF: 6, PeriodKind.YEAR: 12}
_CN_NUMBERS = ("一", "二", "三", "四")


class PeriodError(KnownError, ValueError):
    pass


@dataclass(frozen=True, order=True)
class Period:
    """One calendar period. ``index`` counts from 1 within the year (month 1–12, quarter 1–4, half 1–2,
    always 1 for a year)."""

    kind: PeriodKind
    year: int
    index: int = 1

    def __post_init__(self) -> None:
        kind = PeriodKind(self.kind)
        object.__setattr__(self, "kind", kind)
        if not 1 <= self.index <= 12 // _MONTHS[kind] or not 1900 <= self.year <= 9998:
            raise PeriodError(translate("Analysis", "There is no such period: {text}.").format(text=self.code()))

    @property
    def months(self) -> int:
        return _MONTHS[self.kind]

    @property
    def start(self) -> date:
        """The first day of the period."""
        return date(self.year, (self.index - 1) * self.months + 1, 1)

    @property
    def end(self) -> date:
        """The first day AFTER the period (exclusive), so ``start <= d < end``."""
        month0 = self.index * self.months  # months since the start of the year, 0-based end
        return date(self.year + month0 // 12, month0 % 12 + 1, 1)

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end

    def shifted(self, steps: int) -> Period:
        """The period ``steps`` periods of the same kind later (earlier when negative)."""
        per_year = 12 // self.months
        n = self.year * per_year + (self.index - 1) + steps
        return Period(self.kind, n // per_year, n % per_year + 1)

    def previous(self) -> Period:
        """The period just before (环比, period-on-period): 2026Q1 → 2025Q4, 2026 → 2025."""
        return self.shifted(-1)

    def year_before(self) -> Period:
        """The same period a year earlier (同比, year-on-year): 2026-03 → 2025-03."""
        return Period(self.kind, self.year - 1, self.index)

    def code(self) -> str:
        """The canonical text ``parse_period`` reads back: 2026, 2026H1, 2026Q3, 2026-11."""
        if self.kind is PeriodKind.YEAR:
            return f"{self.year}"
        if self.kind is PeriodKind.HALF:
            return f"{self.year}H{self.index}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}Q{self.index}"
        return f"{self.year}-{self.index:02d}"

    def label(self) -> str:
        """The period in words, translated: 2026年第三季度 / the third quarter of 2026."""
        if self.kind is PeriodKind.YEAR:
            return translate("Analysis", "{year}").format(year=self.year)
        if self.kind is PeriodKind.HALF:
            text = translate("Analysis", "first half of {year}") if self.index == 1 else None
            return (text or translate("Analysis", "second half of {year}")).format(year=self.year)
        if self.kind is PeriodKind.QUARTER:
            return translate("Analysis", "Q{n} {year}").format(
                year=self.year, n=self.index, cn=_CN_NUMBERS[self.index - 1]
            )
        return translate("Analysis", "{year}-{month:02d}").format(year=self.year, month=self.index)

    def __str__(self) -> str:
        return self.code()


@dataclass(frozen=True)
class Days:
    """A stretch of days (start inclusive, end exclusive) where a query needs bounds but no Period: the whole
    span of a trend."""

    start: date
    end: date


Span = Period | Days  # what the SQL builders bound a query by

_PATTERNS: tuple[tuple[re.Pattern[str], PeriodKind], ...] = (
    (re.compile(r"^(\d{4})$"), PeriodKind.YEAR),
    (re.compile(r"^(\d{4})H([12])$"), PeriodKind.HALF),
    (re.compile(r"^(\d{4})Q([1-4])$"), PeriodKind.QUARTER),
    (re.compile(r"^(\d{4})(?:-|M)(\d{1,2})$"), PeriodKind.MONTH),
)


def parse_period(text: str) -> Period:
    """``2026`` / ``2026H1`` / ``2026Q3`` / ``2026-11`` → Period; PeriodError for anything else."""
    cleaned = text.strip().upper()
    for pattern, kind in _PATTERNS:
        m = pattern.match(cleaned)
        if m:
            index = int(m.group(2)) if m.lastindex and m.lastindex >= 2 else 1
            if kind is PeriodKind.MONTH and not 1 <= index <= 12:
                break
            return Period(kind, int(m.group(1)), index)
    raise PeriodError(
        translate(
            "Analysis",
            "“{text}” is not a period: write 2026 (a year), 2026H1, 2026Q3 (a quarter) or 2026-11 (a month).",
        ).format(text=text.strip())
    )


def current_period(kind: PeriodKind, today: date | None = None) -> Period:
    """The period of ``kind`` that contains ``today`` (default: the local date)."""
    day = today or date.today()
    months = _MONTHS[PeriodKind(kind)]
    return Period(PeriodKind(kind), day.year, (day.month - 1) // months + 1)


def last_complete_period(kind: PeriodKind, today: date | None = None) -> Period:
    """The last period of ``kind`` that has ended before ``today``: what a quarterly report covers."""
    return current_period(kind, today).previous()
