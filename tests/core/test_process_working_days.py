"""add_working_days: the N-th working day after a day on the legal calendar (CPL art. 105: the starting day
is not counted), with its boundaries — holidays, 调休 working weekends, year ends, unknown years."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewapp.domain.working_days import add_working_days, working_days_between
from reviewapp.legal import CalendarUnknownError, LegalCalendar, default_calendar
from reviewapp.services.results.notice_config import NoticeConfig, reply_deadline

CAL = default_calendar()
# The package calendar knows 2004–2026; 30 working days from the end of October stay inside 2026.
KNOWN = st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2026, 10, 31))


@given(KNOWN, st.integers(min_value=0, max_value=30))
@settings(max_examples=300, deadline=None)
def test_the_result_is_n_working_days_later(day: dt.date, n: int) -> None:
    end = add_working_days(day, n, CAL)
    assert end >= day
    assert working_days_between(day, end, CAL) == n
    if n:
        assert CAL.is_workday(end)  # a period in working days never ends on a day off
        # No earlier day would do: the day before the end is one working day short.
        assert working_days_between(day, end - dt.timedelta(days=1), CAL) == n - 1
    else:
        assert end == day


@given(KNOWN, st.integers(min_value=0, max_value=15), st.integers(min_value=0, max_value=15))
@settings(max_examples=200, deadline=None)
def test_periods_add_up(day: dt.date, a: int, b: int) -> None:
    assert add_working_days(add_working_days(day, a, CAL), b, CAL) == add_working_days(day, a + b, CAL)


@given(KNOWN, st.integers(min_value=1, max_value=20))
@settings(max_examples=200, deadline=None)
def test_same_as_the_notice_reply_deadline_in_working_days(day: dt.date, n: int) -> None:
    config = NoticeConfig(deadline_days=n, working_days=True)
    assert add_working_days(day, n, CAL) == reply_deadline(day, config, CAL)


def test_a_feedback_period_into_an_unknown_year_is_counted_on_weekdays_and_says_so() -> None:
    # The opinion is still sent: the period is counted Monday to Friday and the recorded step says why.
    from unittest.mock import patch

    from reviewapp.services.panel import opinion

    last = max(CAL.known_years)
    sent = dt.date(last, 12, 28)
    with patch.object(opinion, "setting_in", lambda s, key: 10):
        due, note = opinion.feedback_due(None, sent)  # type: ignore[arg-type]
    assert due.year == last + 1 and due.weekday() < 5
    assert str(last + 1) in note
    with patch.object(opinion, "setting_in", lambda s, key: 1):
        assert opinion.feedback_due(None, dt.date(last, 3, 2)) == (add_working_days(dt.date(last, 3, 2), 1, CAL), "")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("start", "n", "end"),
    [
        # 国庆节 2026: 10-01 … 10-07 off; Saturday 10-10 is a 调休 working day; Sunday 10-11 is not.
        (dt.date(2026, 9, 29), 1, dt.date(2026, 9, 30)),
        (dt.date(2026, 9, 29), 2, dt.date(2026, 10, 8)),
        (dt.date(2026, 9, 29), 4, dt.date(2026, 10, 10)),
        (dt.date(2026, 9, 29), 5, dt.date(2026, 10, 12)),
        (dt.date(2026, 9, 30), 5, dt.date(2026, 10, 13)),
        (dt.date(2026, 10, 1), 1, dt.date(2026, 10, 8)),  # starting on a holiday: the next working day is day 1
        (dt.date(2026, 10, 7), 0, dt.date(2026, 10, 7)),
        # 中秋节 2026: Friday 09-25 to Sunday 09-27 off.
        (dt.date(2026, 9, 24), 1, dt.date(2026, 9, 28)),
        # an ordinary week
        (dt.date(2026, 11, 27), 5, dt.date(2026, 12, 4)),
        # across the turn of a known year: 元旦 2026 (2026-01-01 … 01-03 off; Sunday 01-04 worked)
        (dt.date(2025, 12, 31), 1, dt.date(2026, 1, 4)),
        (dt.date(2025, 12, 31), 2, dt.date(2026, 1, 5)),
    ],
)
def test_known_holiday_periods(start: dt.date, n: int, end: dt.date) -> None:
    assert add_working_days(start, n, CAL) == end


def test_a_year_the_calendar_does_not_know_is_never_guessed() -> None:
    with pytest.raises(CalendarUnknownError):
        add_working_days(dt.date(2026, 12, 28), 5, CAL)  # runs into 2027, not in the calendar yet


def test_a_negative_period_is_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(dt.date(2026, 3, 2), -1, CAL)


def test_an_override_calendar_is_honoured() -> None:
    # A hand-made year: Monday 2030-01-07 off, Saturday 2030-01-12 worked.
    cal = LegalCalendar({2030: [dt.date(2030, 1, 7)]}, {2030: [dt.date(2030, 1, 12)]})
    assert add_working_days(dt.date(2030, 1, 4), 1, cal) == dt.date(2030, 1, 8)
    assert add_working_days(dt.date(2030, 1, 4), 5, cal) == dt.date(2030, 1, 12)
    assert working_days_between(dt.date(2030, 1, 4), dt.date(2030, 1, 14), cal) == 6
