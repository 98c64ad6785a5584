"""CPL art. 105 period arithmetic and the holiday calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewapp.legal import CalendarUnknownError, LegalCalendar, add_months, days_over, default_calendar, period_end
from reviewapp.legal.calendar import CalendarOverrideError, load_overrides

D = dt.date
CAL = default_calendar()


def end(start: dt.date, *, custody: bool, months: int = 0, days: int = 0) -> dt.date:
    return period_end(start, months=months, days=days, in_custody=custody, calendar=CAL).end


class TestCalendar:
    def test_weekend_and_weekday(self) -> None:
        assert CAL.is_workday(D(2025, 3, 5))  # Wednesday
        assert not CAL.is_workday(D(2025, 3, 8))  # Saturday

    def test_public_holiday_on_a_weekday_is_not_a_workday(self) -> None:
        assert not CAL.is_workday(D(2025, 10, 1))  # National Day, Wednesday

    def test_tiaoxiu_saturday_is_a_workday(self) -> None:
        assert D(2025, 2, 8).weekday() == 5
        assert CAL.is_workday(D(2025, 2, 8))  # 调休: worked for the Spring Festival break

    def test_unknown_year_raises(self) -> None:
        with pytest.raises(CalendarUnknownError) as info:
            CAL.is_workday(D(2030, 1, 2))
        assert info.value.day == D(2030, 1, 2)
        assert 2026 in info.value.known_years

    def test_next_working_day_lists_skipped_days(self) -> None:
        day, skipped = CAL.next_working_day(D(2025, 10, 1))
        assert day == D(2025, 10, 9)
        assert skipped == tuple(D(2025, 10, d) for d in range(1, 9))
        assert CAL.holiday_name(D(2025, 10, 1)) is not None


class TestOverrides:
    def test_override_adds_an_unknown_year(self, tmp_path: Path) -> None:
        path = tmp_path / "overrides.yaml"
        path.write_text("years:\n  2030:\n    holidays: [2030-01-01]\n    workdays: [2030-01-05]\n", encoding="utf-8")
        cal = LegalCalendar.from_package(path)
        assert 2030 in cal.known_years
        assert not cal.is_workday(D(2030, 1, 1))  # Tuesday, holiday
        assert cal.is_workday(D(2030, 1, 5))  # Saturday, 调休
        assert not cal.is_workday(D(2030, 1, 6))  # plain Sunday
        assert cal.is_workday(D(2025, 3, 5))  # package years still known

    def test_override_replaces_a_known_year(self, tmp_path: Path) -> None:
        path = tmp_path / "overrides.yaml"
        path.write_text("years:\n  2025:\n    holidays: []\n    workdays: []\n", encoding="utf-8")
        cal = LegalCalendar.from_package(path)
        assert cal.is_workday(D(2025, 10, 1))
        assert not cal.is_workday(D(2025, 2, 8))

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("years:\n  2030:\n    holidays: [2031-01-01]\n", "listed under year 2030"),
            ("years:\n  2030:\n    holidays: [notadate]\n", "is not a date"),
            ("years:\n  2030:\n    feasts: []\n", "may only have"),
            ("years:\n  2030:\n    holidays: [2030-01-01]\n    workdays: [2030-01-01]\n", "both"),
            ("years: [1, 2]\n", "expected a mapping"),
            ("years: {2030: {holidays: [\n", "not valid YAML"),
        ],
    )
    def test_bad_override_is_rejected_with_the_reason(self, tmp_path: Path, text: str, message: str) -> None:
        path = tmp_path / "overrides.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(CalendarOverrideError, match=message):
            load_overrides(path)

    def test_shipped_override_file_is_valid(self) -> None:
        from reviewapp.legal.calendar import OVERRIDES_FILE

        assert isinstance(load_overrides(OVERRIDES_FILE), dict)


class TestAddMonths:
    def test_same_date_next_month(self) -> None:
        assert add_months(D(2025, 3, 15), 1) == D(2025, 4, 15)

    def test_31_january_plus_one_month(self) -> None:
        assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
        assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)  # leap year

    def test_leap_day(self) -> None:
        assert add_months(D(2024, 2, 29), 1) == D(2024, 3, 29)
        assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)

    def test_across_the_year(self) -> None:
        assert add_months(D(2025, 12, 31), 2) == D(2026, 2, 28)


class TestPeriodEnd:
    def test_start_day_not_counted(self) -> None:
        assert end(D(2025, 3, 3), custody=False, days=3) == D(2025, 3, 6)

    def test_weekend_end_rolls_to_monday_when_not_in_custody(self) -> None:
        limit = period_end(D(2025, 3, 6), days=3, in_custody=False, calendar=CAL)
        assert limit.nominal_end == D(2025, 3, 9)  # Sunday
        assert limit.end == D(2025, 3, 10)
        assert limit.skipped == (D(2025, 3, 9),)

    def test_weekend_end_does_not_roll_in_custody(self) -> None:
        limit = period_end(D(2025, 3, 6), days=3, in_custody=True, calendar=CAL)
        assert limit.end == D(2025, 3, 9)
        assert limit.skipped == ()

    def test_public_holiday_end_rolls_over_the_whole_break(self) -> None:
        # 16 Sep + 15 days = 1 Oct (National Day); the break runs to 8 Oct.
        assert end(D(2025, 9, 16), custody=False, days=15) == D(2025, 10, 9)
        assert end(D(2025, 9, 16), custody=True, days=15) == D(2025, 10, 1)

    def test_tiaoxiu_saturday_ends_the_period(self) -> None:
        # 8 Jan + 1 month = Saturday 8 Feb 2025, a 调休 working day: no roll-over.
        assert end(D(2025, 1, 8), custody=False, months=1) == D(2025, 2, 8)

    def test_month_period_from_31_january(self) -> None:
        assert end(D(2024, 1, 31), custody=True, months=1) == D(2024, 2, 29)
        # 2025-02-28 is a Friday and a working day.
        assert end(D(2025, 1, 31), custody=False, months=1) == D(2025, 2, 28)

    def test_month_plus_days(self) -> None:
        # CPL art. 172: one month + 15 days; 3 Mar → 3 Apr → 18 Apr.
        assert end(D(2025, 3, 3), custody=False, months=1, days=15) == D(2025, 4, 18)

    def test_days_over(self) -> None:
        limit = period_end(D(2025, 3, 6), days=3, in_custody=False, calendar=CAL)
        assert days_over(limit, D(2025, 3, 10)) == 0
        assert days_over(limit, D(2025, 3, 11)) == 1

    def test_roll_into_unknown_year_raises(self, tmp_path: Path) -> None:
        cal = LegalCalendar({2025: []}, {2025: []})
        with pytest.raises(CalendarUnknownError):
            period_end(D(2025, 12, 30), days=2, in_custody=False, calendar=cal)  # 1 Jan 2026 unknown here
        # In custody the calendar is never consulted.
        assert period_end(D(2025, 12, 30), days=2, in_custody=True, calendar=cal).end == D(2026, 1, 1)

    def test_facts_are_plain(self) -> None:
        facts = period_end(D(2025, 3, 6), days=3, in_custody=False, calendar=CAL).facts()
        assert facts["end"] == "2025-03-10"
        assert facts["skipped"] == ["2025-03-09"]


@given(st.dates(D(2004, 1, 1), D(2026, 9, 30)), st.integers(0, 40), st.booleans())
def test_end_is_never_before_nominal_and_is_a_workday_unless_in_custody(
    start: dt.date, days: int, custody: bool
) -> None:
    limit = period_end(start, days=days, in_custody=custody, calendar=CAL)
    assert limit.end >= limit.nominal_end == start + dt.timedelta(days=days)
    if custody:
        assert limit.end == limit.nominal_end
    else:
        assert CAL.is_workday(limit.end)
        assert all(not CAL.is_workday(d) for d in limit.skipped)


@given(st.dates(D(2004, 1, 1), D(2026, 6, 30)), st.dates(D(2004, 1, 1), D(2026, 6, 30)))
def test_period_end_is_monotonic_in_the_start(a: dt.date, b: dt.date) -> None:
    early, late = min(a, b), max(a, b)
    for custody in (True, False):
        assert end(early, custody=custody, months=1) <= end(late, custody=custody, months=1)
