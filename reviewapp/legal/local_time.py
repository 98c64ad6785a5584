"""Stored times are UTC (storage/models/base.utcnow, naive); a reader's page shows the local wall clock and
the local calendar day — a review submitted at 00:30 Beijing time is dated that day, not the day before."""

from __future__ import annotations

import datetime as dt


def local_datetime(at: dt.datetime) -> dt.datetime:
    """A stored (naive UTC, or aware) time as a naive local time, to the minute's precision kept as is."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return aware.astimezone().replace(tzinfo=None)


def local_date(at: dt.datetime) -> dt.date:
    """The local calendar day of a stored time."""
    return local_datetime(at).date()


def iso_stamp(at: dt.datetime | None, timespec: str = "seconds") -> str | None:
    """A stored time (naive UTC, or aware) for JSON that programs read: local time with its UTC offset
    (ISO 8601, ``2026-12-03T22:31:05+08:00``), so it reads the same wherever it is read; None stays None."""
    if at is None:
        return None
    aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return aware.astimezone().isoformat(timespec=timespec)
