"""Times in JSON carry their offset: a stored UTC time read back as local time, unambiguously."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from reviewapp.legal.local_time import iso_stamp, local_datetime


@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)))
def test_a_stamp_names_the_same_instant_as_the_stored_utc_time(stored: dt.datetime) -> None:
    text = iso_stamp(stored)
    assert text is not None
    back = dt.datetime.fromisoformat(text)
    assert back.utcoffset() is not None  # never a bare wall-clock time
    assert back == stored.replace(tzinfo=dt.UTC, microsecond=0)  # the same instant, to the second
    assert back.replace(tzinfo=None) == local_datetime(stored).replace(microsecond=0)  # shown as the local clock


def test_no_time_stays_none_and_minutes_are_kept_to_the_minute() -> None:
    assert iso_stamp(None) is None
    text = iso_stamp(dt.datetime(2026, 12, 3, 16, 30, 59), "minutes")
    assert text is not None and dt.datetime.fromisoformat(text) == dt.datetime(2026, 12, 3, 16, 30, tzinfo=dt.UTC)
