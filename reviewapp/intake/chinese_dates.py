"""Dates written in Chinese numerals, as official documents date themselves (二〇二五年三月十一日) and clerks copy
them into a card: the year digit by digit (〇 ○ 零 for nought), month and day as numbers (十一, 二十, 三十一).

``arabic_date(text)`` rewrites such a date as ``2025年3月11日`` for the ordinary date reader, or returns None when
``text`` is not one (the reader then refuses it as it did).
"""

from __future__ import annotations

import re

YEAR_DIGITS = {**dict.fromkeys("〇○零Ｏ", "0"), **{c: str(i) for i, c in enumerate("一二三四五六七八九", start=1)}}
SMALL = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
_NUMBER = "[一二三四五六七八九十]"
_DATE = re.compile(
    rf"(?P<y>[〇○零Ｏ一二三四五六七八九]{{4}})\s*年\s*(?P<m>{_NUMBER}{{1,2}})\s*月\s*(?P<d>{_NUMBER}{{1,3}})\s*日?"
)


def arabic_date(text: str) -> str | None:
    m = _DATE.fullmatch(text.strip())
    if m is None:
        return None
    year = "".join(YEAR_DIGITS[c] for c in m.group("y"))
    month, day = _small_number(m.group("m")), _small_number(m.group("d"))
    if month is None or day is None:
        return None
    return f"{year}年{month}月{day}日"


def _small_number(text: str) -> int | None:
    """一 … 九, 十, 十一 … 十九, 二十 … 三十一: the numbers of months and days, written one way only."""
    if text == "十":
        return 10
    if len(text) == 1:
        return SMALL.get(text)
    if len(text) == 2 and text[0] == "十":
        return 10 + SMALL[text[1]] if text[1] in SMALL else None
    if len(text) == 2 and text[1] == "十":
        return SMALL[text[0]] * 10 if text[0] in SMALL and text[0] in "二三" else None
    if len(text) == 3 and text[1] == "十" and text[0] in "二三" and text[2] in SMALL:
        return SMALL[text[0]] * 10 + SMALL[text[2]]
    return None
