"""Percentages rounded half up (四舍五入), the way a spreadsheet's 0.0% format shows the same share."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from reviewapp.domain.rounding import percent


def test_half_up_as_the_workbook_shows_it() -> None:
    assert percent(1 / 16) == "6.3%"  # 6.25: Python's :.1f would print 6.2
    assert percent(0.145) == "14.5%"  # binary 0.14499…, written 0.145
    assert percent(1 / 7) == "14.3%"
    assert (percent(0), percent(1), percent(None)) == ("0.0%", "100.0%", "—")
    assert percent(0.12345, places=2) == "12.35%"


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_within_half_a_unit_of_the_exact_share(n: int, d: int) -> None:
    printed = Fraction(percent(n / d).removesuffix("%"))
    assert abs(printed - Fraction(n, d) * 100) <= Fraction(1, 20)


def test_fixed_places_half_up() -> None:
    from reviewapp.domain.rounding import fixed

    assert fixed(9 / 8, 2) == "1.13"  # Python's :.2f prints 1.12
    assert fixed(2.45, 1) == "2.5"  # binary 2.4500000000000002 and written 2.45 agree
    assert fixed(0.5, 0) == "1" and fixed(3, 2) == "3.00"


@given(st.integers(0, 10_000), st.integers(1, 500))
def test_fixed_within_half_a_unit(n: int, d: int) -> None:
    from reviewapp.domain.rounding import fixed

    assert abs(Fraction(fixed(n / d, 2)) - Fraction(n, d)) <= Fraction(1, 200)
