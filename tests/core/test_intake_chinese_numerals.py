"""Chinese numerals in a card: 涉案金额 in the capitals of financial documents or everyday numerals, and dates as
documents write them — read exactly or refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewapp.intake.chinese_amounts import chinese_amount
from reviewapp.intake.values import BadDate, BadNumber, parse_date_text, parse_decimal

CAPITALS = "零壹贰叁肆伍陆柒捌玖"
EVERYDAY = "零一二三四五六七八九"


def spell(n: int, digits: str = CAPITALS, units: str = "拾佰仟") -> str:
    """``n`` (0 ≤ n < 10^12) as a cheque writes it: each four-digit group with 仟佰拾, 万 / 亿 after its group,
    one 零 for any run of zeros between non-zero digits (壹仟零伍, 壹亿零伍佰万)."""
    if n == 0:
        return digits[0]
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out, zero_pending = "", False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_pending = bool(out)
            continue
        if out and (zero_pending or group < 1000):
            out += digits[0]
        zero_pending = False
        part, gap = "", False
        for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
            d = group // power % 10
            if d == 0:
                gap = bool(part)
                continue
            if gap:
                part += digits[0]
                gap = False
            part += digits[d] + unit
        out += part + ("", "万", "亿")[index % 3 if index < 3 else 2]
    return out


@given(st.integers(min_value=0, max_value=10**12 - 1), st.integers(min_value=0, max_value=99))
def test_a_cheque_amount_reads_back_exactly(yuan: int, fen: int) -> None:
    text = spell(yuan) + "元"
    text += (CAPITALS[fen // 10] + "角" if fen // 10 else "") + (CAPITALS[fen % 10] + "分" if fen % 10 else "")
    if fen == 0:
        text += "整"
    assert chinese_amount(text) == Decimal(yuan) + Decimal(fen) / 100


@given(st.integers(min_value=1, max_value=10**8 - 1))
def test_everyday_numerals_read_as_the_capitals_do(yuan: int) -> None:
    assert chinese_amount(spell(yuan, EVERYDAY, "十百千") + "元") == yuan


@pytest.mark.parametrize(
    ("cell", "yuan"),
    [
        ("壹万贰仟叁佰肆拾伍元陆角柒分", Decimal("12345.67")),
        ("人民币壹万元整", Decimal(10000)),
        ("一万二千元", Decimal(12000)),
        ("两千五百元", Decimal(2500)),
        ("十五元", Decimal(15)),
        ("5千元", Decimal(5000)),
        ("1万2千元", Decimal(12000)),
        ("壹亿零伍佰万元", Decimal(105000000)),
        ("叁拾万元伍角", Decimal("300000.5")),
        ("1.2万元", Decimal(12000)),  # Arabic numerals as before
        ("12,000元", Decimal(12000)),
    ],
)
def test_an_amount_cell_in_chinese_numerals_is_read(cell: str, yuan: Decimal) -> None:
    assert parse_decimal(cell) == yuan


@pytest.mark.parametrize("cell", ["二二元", "百元", "二百三千元", "万元", "壹万元多", "约壹万元", "伍角叁"])
def test_numerals_that_read_more_than_one_way_are_refused(cell: str) -> None:
    with pytest.raises(BadNumber):
        parse_decimal(cell)


# --- dates as documents write them: 二〇二五年三月十一日 ---------------------------------------------------------


def spell_day_number(n: int) -> str:
    """1–31 as a document writes a month or day: 一, 十, 十一, 二十, 二十一, 三十一."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else EVERYDAY[tens] + "十")
    return head + (EVERYDAY[ones] if ones else "")


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from("〇○零"))
def test_a_date_in_chinese_numerals_reads_back(day: date, nought: str) -> None:
    year = "".join(nought if c == "0" else EVERYDAY[int(c)] for c in str(day.year))
    written = f"{year}年{spell_day_number(day.month)}月{spell_day_number(day.day)}日"
    assert parse_date_text(written) == day


@pytest.mark.parametrize(
    "written", ["二〇二五年二月三十日", "二〇二五年十三月一日", "二〇二五年三月十十日", "二〇二五年三月"]
)
def test_a_date_in_chinese_numerals_that_is_no_day_is_refused_in_its_own_words(written: str) -> None:
    with pytest.raises(BadDate) as refused:
        parse_date_text(written)
    assert written in str(refused.value)
