"""Chinese sentences and sentencing recommendations (量刑建议) as month ranges, for 诉判不一（刑期）.

Accepted forms: 有期徒刑一年六个月 / 1年6个月 / 一年半, 拘役三个月, 管制六个月, ranges 有期徒刑一年至二年 and
六个月以上一年以下, 缓刑 (kept as a flag; its own term is not the sentence), 无期徒刑 and 死刑 (special values
above every fixed term), 免予刑事处罚 = 0 months. A trailing fine (并处罚金…) is ignored. Anything else is
None: the caller reports it as not checkable with the text quoted, never a guessed value (review-rules.md §1).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Special values, ordered above any fixed term (有期徒刑 is at most 25 years = 300 months when combined).
LIFE = 10_000
SUSPENDED_DEATH = 15_000
DEATH = 20_000
SPECIAL_NAMES = {LIFE: "无期徒刑", SUSPENDED_DEATH: "死刑缓期二年执行", DEATH: "死刑"}

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = "[0-9零〇一二两三四五六七八九十百]+"
_KIND = "(?:有期徒刑|拘役|管制)"
_DUR = rf"(?:{_NUM}年(?:半|又?零?{_NUM}个?月)?|{_NUM}个?月)"
_SPECIAL = "(?:无期徒刑|死刑缓期(?:二|两|2)年执行|死缓|死刑|免予刑事处罚|免除刑事处罚|免刑)"
_TERM = rf"(?:{_KIND}?{_DUR}{_KIND}?|{_SPECIAL})"
_SEP = "(?:至|到|-|~|～|—|－)"
_RANGE = re.compile(rf"(?P<a>{_TERM}){_SEP}(?P<b>{_TERM})")
_ABOVE_BELOW = re.compile(rf"{_KIND}?(?P<a>{_TERM})以上(?P<b>{_TERM})以下{_KIND}?")
_SINGLE = re.compile(rf"(?P<a>{_TERM})")
_PARTS = re.compile(rf"(?:(?P<y>{_NUM})年(?P<half>半)?)?(?:又?零?(?P<m>{_NUM})个?月)?")
_PREFIXES = ("建议判处", "建议", "判处", "判决")


@dataclass(frozen=True)
class Term:
    """A sentence or a recommendation: ``low``..``high`` months (equal for a fixed term)."""

    low: int
    high: int
    probation: bool = False

    @property
    def fixed(self) -> bool:
        return self.low == self.high

    def contains(self, months: int) -> bool:
        return self.low <= months <= self.high


def chinese_number(text: str) -> int | None:
    """Arabic or Chinese numerals up to the hundreds (十八, 二十, 一百二十); None if not a number."""
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for ch in text:
        if ch in "零〇" and digit is None and total:
            continue  # 一百零五
        if ch in _DIGITS:
            if digit is not None:
                return None
            digit = _DIGITS[ch]
        elif ch in "十百":
            total += (1 if digit is None else digit) * (10 if ch == "十" else 100)
            digit = None
        else:
            return None
    return total + (digit or 0)


def months_text(months: int) -> str:
    return SPECIAL_NAMES.get(months, f"{months}个月")


def _months(term: str) -> int | None:
    if "死缓" in term or "缓期" in term:
        return SUSPENDED_DEATH
    if "死刑" in term:
        return DEATH
    if "无期" in term:
        return LIFE
    if "免" in term:
        return 0
    dur = re.sub(_KIND, "", term)
    m = _PARTS.fullmatch(dur)
    if not m or not (m["y"] or m["m"]):
        return None
    years = chinese_number(m["y"]) if m["y"] else 0
    months = chinese_number(m["m"]) if m["m"] else 0
    if years is None or months is None:
        return None
    return years * 12 + months + (6 if m["half"] else 0)


def parse_term(text: str | None) -> Term | None:
    """The months a sentence or recommendation states; None when the text is empty or not understood."""
    s = "".join(unicodedata.normalize("NFKC", text or "").split()).rstrip("。.")
    s = re.split("[,，;；]?并处|[,，;；]罚金", s)[0]
    for prefix in _PREFIXES:
        s = s.removeprefix(prefix)
    probation = "缓刑" in s
    if probation:
        main, _, rest = s.partition("缓刑")
        main = main.rstrip(",，;；、")
        if rest and not re.fullmatch(_DUR + "(?:执行)?", rest):
            return None
        s = main
    if not s:
        return None
    for pattern in (_RANGE, _ABOVE_BELOW, _SINGLE):
        m = pattern.fullmatch(s)
        if m:
            low = _months(m["a"])
            high = _months(m["b"]) if "b" in m.groupdict() and m["b"] else low
            if low is None or high is None or low > high:
                return None
            return Term(low, high, probation)
    return None
