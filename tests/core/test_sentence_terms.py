"""Chinese sentences and sentencing recommendations as months: every accepted form, Chinese numerals, ranges,
缓刑 as a flag, the special values, and None (never a guess) for anything else."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reviewapp.domain.sentence_terms import DEATH, LIFE, SUSPENDED_DEATH, Term, chinese_number, months_text, parse_term

DIGITS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """0..199 written the way judgments write them (十二, 二十, 一百零五)."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    if rest == 0:
        return DIGITS[n // 100] + "百"
    if rest < 10:
        return DIGITS[n // 100] + "百零" + DIGITS[rest]
    tail = chinese(rest)
    return DIGITS[n // 100] + "百" + ("一" + tail if tail.startswith("十") else tail)


def duration(years: int, months: int, arabic: bool) -> str:
    num = str if arabic else chinese
    text = f"{num(years)}年" if years else ""
    if months:
        text += f"{num(months)}个月"
    return text


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("有期徒刑一年六个月", Term(18, 18)),
        ("1年6个月", Term(18, 18)),
        ("有期徒刑一年零六个月", Term(18, 18)),
        ("有期徒刑一年半", Term(18, 18)),
        ("三年有期徒刑", Term(36, 36)),
        ("拘役三个月", Term(3, 3)),
        ("管制六个月", Term(6, 6)),
        ("有期徒刑一年至二年", Term(12, 24)),
        ("有期徒刑1年-2年", Term(12, 24)),
        ("六个月以上一年以下", Term(6, 12)),
        ("有期徒刑六个月以上一年以下", Term(6, 12)),
        ("有期徒刑三年，缓刑五年", Term(36, 36, probation=True)),
        ("判处有期徒刑二年，并处罚金人民币五千元", Term(24, 24)),
        ("建议判处拘役四个月。", Term(4, 4)),
        ("有期徒刑十年至无期徒刑", Term(120, LIFE)),
        ("无期徒刑", Term(LIFE, LIFE)),
        ("死刑缓期二年执行", Term(SUSPENDED_DEATH, SUSPENDED_DEATH)),
        ("死刑", Term(DEATH, DEATH)),
        ("免予刑事处罚", Term(0, 0)),
        ("有 期 徒 刑 １ 年", Term(12, 12)),  # full-width digits and stray spaces of exports
    ],
)
def test_accepted_forms(text: str, term: Term) -> None:
    assert parse_term(text) == term


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "无罪",
        "从轻处罚",
        "有期徒刑十年以上",
        "有期徒刑二年至一年",
        "有期徒刑一年，缓刑较长",
        "一年二年",
        "abc",
    ],
)
def test_anything_else_is_none_not_a_guess(text: str | None) -> None:
    assert parse_term(text) is None


def test_special_values_rank_above_every_fixed_term() -> None:
    assert 25 * 12 < LIFE < SUSPENDED_DEATH < DEATH
    assert months_text(LIFE) == "无期徒刑" and months_text(18) == "18个月"


@given(st.integers(min_value=0, max_value=199))
def test_chinese_numerals(n: int) -> None:
    assert chinese_number(chinese(n)) == n
    assert chinese_number(str(n)) == n


@given(st.integers(0, 25), st.integers(0, 11), st.booleans(), st.sampled_from(["有期徒刑", "拘役", "管制", ""]))
def test_any_fixed_term_reads_back_as_its_months(years: int, months: int, arabic: bool, kind: str) -> None:
    assume(years or months)
    assert parse_term(kind + duration(years, months, arabic)) == Term(years * 12 + months, years * 12 + months)


@given(st.integers(1, 300), st.integers(0, 300), st.booleans())
def test_a_range_holds_its_ends_and_nothing_beyond(low: int, extra: int, arabic: bool) -> None:
    high = low + extra
    a, b = duration(low // 12, low % 12, arabic), duration(high // 12, high % 12, arabic)
    for text in (f"有期徒刑{a}至{b}", f"{a}以上{b}以下"):
        term = parse_term(text)
        assert term == Term(low, high)
        assert term.contains(low) and term.contains(high)
        assert not term.contains(low - 1) and not term.contains(high + 1)


@given(st.integers(1, 300), st.integers(1, 300))
def test_a_reversed_range_is_rejected(a: int, b: int) -> None:
    assume(a != b)
    low, high = min(a, b), max(a, b)
    text = f"{duration(high // 12, high % 12, True)}至{duration(low // 12, low % 12, True)}"
    assert parse_term(text) is None


@given(st.text(alphabet="有期徒刑拘役年月个至以上下缓一二三十0123456789，", max_size=20))
def test_arbitrary_text_never_raises_and_a_result_is_well_formed(text: str) -> None:
    term = parse_term(text)
    assert term is None or 0 <= term.low <= term.high
