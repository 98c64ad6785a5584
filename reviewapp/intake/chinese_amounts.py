"""Amounts written in Chinese numerals, as clerks type them into 涉案金额: 壹万贰仟叁佰元整 (the capitals of financial
documents), 一万二千元, 两千五百元, 5千元, 1万2千元, 叁拾万元伍角.

``chinese_amount(text)`` gives the yuan as a Decimal, or None when ``text`` is not such an amount (the caller then
refuses it as not a number). Only what reads one way is read: two digits in a row without a unit between them
(二二), a unit after a larger unit of its own section without a 零 rule broken (二百三千), or anything else left
over is refused rather than guessed.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = {
    **dict.fromkeys("零〇", 0),
    **dict.fromkeys("一壹", 1),
    **dict.fromkeys("二贰貳两兩", 2),
    **dict.fromkeys("三叁參", 3),
    **dict.fromkeys("四肆", 4),
    **dict.fromkeys("五伍", 5),
    **dict.fromkeys("六陆陸", 6),
    **dict.fromkeys("七柒", 7),
    **dict.fromkeys("八捌", 8),
    **dict.fromkeys("九玖", 9),
}
SMALL_UNITS = {**dict.fromkeys("十拾", 10), **dict.fromkeys("百佰", 100), **dict.fromkeys("千仟", 1000)}
BIG_UNITS = {**dict.fromkeys("万萬", 10**4), **dict.fromkeys("亿億", 10**8)}
YUAN = frozenset("元圆圓")
FRACTIONS = {"角": Decimal("0.1"), "分": Decimal("0.01")}
ENDINGS = ("整", "正")
CHINESE = frozenset(DIGITS) | frozenset(SMALL_UNITS) | frozenset(BIG_UNITS)


def has_chinese_numerals(text: str) -> bool:
    return any(ch in CHINESE for ch in text)


def chinese_amount(text: str) -> Decimal | None:
    """The amount in yuan written by ``text`` (no currency word before it), or None."""
    body = text.strip().removesuffix(ENDINGS[0]).removesuffix(ENDINGS[1])
    yuan_text, fraction_text = body, ""
    for i, ch in enumerate(body):
        if ch in YUAN:
            yuan_text, fraction_text = body[:i], body[i + 1 :]
            break
    else:
        if body and body[-1] in FRACTIONS:  # 伍角, 叁分: no yuan at all
            yuan_text, fraction_text = "", body
    if not yuan_text and not fraction_text:
        return None
    whole = _integer(yuan_text) if yuan_text else Decimal(0)
    cents = _fraction(fraction_text)
    if whole is None or cents is None:
        return None
    return whole + cents


def _integer(text: str) -> Decimal | None:
    total = Decimal(0)  # complete 亿 / 万 groups
    section = Decimal(0)  # below the current big unit
    number: Decimal | None = None  # the digit (or Arabic run) waiting for its unit
    last_small = 10**4  # the last small unit of this section: they must fall (千 → 百 → 十)
    i = 0
    while i < len(text):
        ch = text[i]
        if (ch.isdigit() and ch.isascii()) or ch == ".":
            if number is not None:
                return None
            j = i
            while j < len(text) and ((text[j].isascii() and text[j].isdigit()) or text[j] in ".,"):
                j += 1
            try:
                number = Decimal(text[i:j].replace(",", ""))
            except InvalidOperation:
                return None
            i = j
            continue
        if ch in DIGITS:
            if number is not None and not (number == 0 and DIGITS[ch] != 0):
                return None  # 二二: two digits without a unit
            number = Decimal(DIGITS[ch]) if DIGITS[ch] else (Decimal(0) if number is None else number)
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if unit >= last_small:
                return None  # 二百三千: the units of a section fall
            if number is None:
                if unit != 10 or section:
                    return None  # 百 alone; only 十 stands for 一十 (十五)
                number = Decimal(1)
            section += number * unit
            number, last_small = None, unit
        elif ch in BIG_UNITS:
            unit = BIG_UNITS[ch]
            group = section + (number or 0)
            if group == 0 and total == 0:
                return None  # 万 with nothing before it
            total = (total + group) * unit if unit == 10**8 else total + group * unit
            section, number, last_small = Decimal(0), None, 10**4
        else:
            return None
        i += 1
    return total + section + (number or 0)


def _fraction(text: str) -> Decimal | None:
    """角 and 分 after the yuan: 伍角, 陆角柒分, 零柒分, 5角."""
    out = Decimal(0)
    digit: int | None = None
    for ch in text:
        if ch in DIGITS:
            if digit not in (None, 0):
                return None
            digit = DIGITS[ch]
        elif ch.isascii() and ch.isdigit():
            if digit not in (None, 0):
                return None
            digit = int(ch)
        elif ch in FRACTIONS and digit is not None:
            out += FRACTIONS[ch] * digit
            digit = None
        else:
            return None
    return out if digit in (None, 0) else None
