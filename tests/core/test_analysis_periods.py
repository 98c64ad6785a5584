"""Statistical periods: parsing, bounds (end exclusive), the periods compared with, labels."""

from __future__ import annotations

from datetime import date

import pytest

from reviewapp.i18n import current_language, set_language
from reviewapp.services.analysis.periods import (
    Period,
    PeriodError,
    PeriodKind,
    current_period,
    last_complete_period,
    parse_period,
)


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("2026", PeriodKind.YEAR, date(2026, 1, 1), date(2027, 1, 1)),
        ("2026H1", PeriodKind.HALF, date(2026, 1, 1), date(2026, 7, 1)),
        ("2026h2", PeriodKind.HALF, date(2026, 7, 1), date(2027, 1, 1)),
        ("2026Q3", PeriodKind.QUARTER, date(2026, 7, 1), date(2026, 10, 1)),
        (" 2026q4 ", PeriodKind.QUARTER, date(2026, 10, 1), date(2027, 1, 1)),
        ("2026-11", PeriodKind.MONTH, date(2026, 11, 1), date(2026, 12, 1)),
        ("2026-12", PeriodKind.MONTH, date(2026, 12, 1), date(2027, 1, 1)),
        ("2026M2", PeriodKind.MONTH, date(2026, 2, 1), date(2026, 3, 1)),
    ],
)
def test_parse_and_bounds(text: str, kind: PeriodKind, start: date, end: date) -> None:
    p = parse_period(text)
    assert (p.kind, p.start, p.end) == (kind, start, end)
    assert parse_period(p.code()) == p  # the canonical text reads back
    assert p.contains(start) and not p.contains(end)


@pytest.mark.parametrize("text", ["", "2026Q5", "2026-13", "2026-0", "2026H3", "26Q1", "Q3 2026", "2026年"])
def test_bad_periods_are_refused_plainly(text: str) -> None:
    with pytest.raises(PeriodError, match="2026Q3"):
        parse_period(text)


def test_previous_and_year_before_cross_year_ends() -> None:
    assert parse_period("2026Q1").previous() == parse_period("2025Q4")
    assert parse_period("2026-01").previous() == parse_period("2025-12")
    assert parse_period("2026H1").previous() == parse_period("2025H2")
    assert parse_period("2026").previous() == parse_period("2025")
    assert parse_period("2026-03").year_before() == parse_period("2025-03")
    assert parse_period("2026Q3").year_before() == parse_period("2025Q3")
    assert parse_period("2026-05").shifted(-17) == parse_period("2024-12")


def test_current_and_last_complete_periods() -> None:
    today = date(2026, 10, 9)
    assert current_period(PeriodKind.QUARTER, today) == Period(PeriodKind.QUARTER, 2026, 4)
    assert last_complete_period(PeriodKind.QUARTER, today) == parse_period("2026Q3")
    assert last_complete_period(PeriodKind.MONTH, today) == parse_period("2026-09")
    assert last_complete_period(PeriodKind.YEAR, today) == parse_period("2025")


def test_labels_in_both_languages() -> None:
    before = current_language()
    try:
        set_language("zh_CN")
        assert parse_period("2026Q3").label() == "2026年第三季度"
        assert parse_period("2026-11").label() == "2026年11月"
        assert parse_period("2026H1").label() == "2026年上半年"
        assert parse_period("2026").label() == "2026年"
        set_language("en")
        assert parse_period("2026Q3").label() == "Q3 2026"
        assert parse_period("2026H2").label() == "second half of 2026"
    finally:
        set_language(before)
