"""Formatting helpers of the official documents: dates, heading numerals, sentences."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from reviewapp.exports.documents import cn_date, cn_numeral, sentence


def test_dates_use_arabic_numerals_without_zero_padding():
    assert cn_date(date(2026, 3, 5)) == "2026年3月5日"
    assert cn_date(date(2026, 12, 31)) == "2026年12月31日"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_dates_round_trip(d):
    text = cn_date(d)
    y, rest = text.split("年")
    m, rest = rest.split("月")
    assert rest.endswith("日")
    assert date(int(y), int(m), int(rest[:-1])) == d
    assert not m.startswith("0") and not rest.startswith("0")


def test_heading_numerals():
    assert [cn_numeral(n) for n in (1, 2, 9, 10, 11, 20, 21, 99)] == [
        "一",
        "二",
        "九",
        "十",
        "十一",
        "二十",
        "二十一",
        "九十九",
    ]


def test_sentence_adds_one_full_stop():
    assert sentence("见起诉书第3页") == "见起诉书第3页。"
    assert sentence("已补正。") == "已补正。"
    assert sentence("逐项整改，") == "逐项整改。"
    assert sentence("  ") == ""
