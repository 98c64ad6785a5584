"""Pure parsers for the cell values of a case export (import-format.md, "Values").

Each parser takes a non-empty cell as calamine or the CSV reader gives it (str, int, float, bool, date,
datetime …) and returns the typed value, or raises :class:`BadValue` (a ValueError) whose ``reason`` is a
translated, user-facing sentence. Emptiness is decided by the caller (:func:`is_blank`).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from reviewapp.i18n import translate
from reviewapp.intake.chinese_amounts import chinese_amount, has_chinese_numerals
from reviewapp.intake.chinese_dates import arabic_date

Cell = str | int | float | bool | date | datetime | time | timedelta

# Excel's 1900 date system counts days from 1899-12-30 (the phantom 1900-02-29 makes serials from
# 1900-03-01 on line up with this epoch; earlier dates do not occur on a case card).
EXCEL_EPOCH = date(1899, 12, 30)
MIN_YEAR, MAX_YEAR = 1900, 2100
# A serial day number before 1910 is no date of a case card (a suspect born then would be 115 years old):
# such a number is a year (2025 → 1905-07-17), a year and month (2025.3) or a count in a date column.
MIN_SERIAL = (date(1910, 1, 1) - EXCEL_EPOCH).days
MAX_SERIAL = (date(MAX_YEAR, 12, 31) - EXCEL_EPOCH).days


class BadValue(ValueError):
    """A cell value that cannot be read; ``reason`` is translated and shown to the user."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class BadDate(BadValue):
    pass


class BadBool(BadValue):
    pass


class BadNumber(BadValue):
    pass


def is_blank(cell: Cell) -> bool:
    return cell == "" or (isinstance(cell, str) and not cell.strip())


# What exports write for "nothing here" in a date, number or yes/no column (after fold and lower case): read
# as an empty cell when it is no value of the column (无 is one in 有无被害人).
PLACEHOLDERS = frozenset({"-", "--", "—", "——", "/", "null", "n/a", "空", "无", "暂无", "不详"})


YES_NO_PLACEHOLDERS = PLACEHOLDERS - {"无"}  # 是否羁押：无 may mean "not detained": refused, not guessed


def is_placeholder(text: str, words: frozenset[str] = PLACEHOLDERS) -> bool:
    return fold(text).lower() in words


def fold(text: str) -> str:
    """Full-width → half-width (digits, letters, （）/：and the like) and trimmed: NFKC does both widths."""
    return unicodedata.normalize("NFKC", text).strip()


# --- text -------------------------------------------------------------------------------------------


def parse_text(cell: Cell) -> str:
    """Text as given, trimmed. Numbers typed by Excel become their plain digits (12345.0 → "12345")."""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    if isinstance(cell, datetime):
        return cell.isoformat(sep=" ") if cell.time() != time() else cell.date().isoformat()
    if isinstance(cell, date | time):
        return cell.isoformat()
    return str(cell)


def normalize_case_no(cell: Cell) -> str:
    """The natural key 部门受案号 in one canonical form, so sheets, re-imports and dossier folders agree.

    Width is folded and all whitespace removed: a full-width digit or a stray space in a case number is a
    typing accident, never a different case.
    """
    return "".join(fold(parse_text(cell)).split())


# The year brackets of a case number as systems and people write them (after width folding): 〔2025〕 in
# official numbering, [2025] or (2025) from keyboards, 【2025】 from some exports. Only the brackets differ:
# the same case.
_OPEN, _CLOSE = "[〔【(〖", "]〕】)〗"
_ONE_STYLE = str.maketrans(_OPEN + _CLOSE, "[" * len(_OPEN) + "]" * len(_CLOSE))


def bracket_key(number: str) -> str:
    """A normalised case number with every style of year bracket written as [ ]: numbers that differ only in
    their brackets share it. Only for matching; the number is stored as the export first wrote it."""
    return number.translate(_ONE_STYLE)


BRACKET_OPENINGS = _OPEN  # the opening bracket of each style, as a normalised case number has them


def bracket_variants(number: str, styles: str = _OPEN) -> list[str]:
    """A normalised case number written with each style of bracket (itself first), for lookups by number;
    ``styles``: only the styles of these opening brackets (those a database holds)."""
    key = bracket_key(number)
    out = [number]
    for left, right in zip(_OPEN, _CLOSE, strict=True):
        if left not in styles:
            continue
        variant = key.replace("[", left).replace("]", right)
        if variant not in out:
            out.append(variant)
    return out


def parse_paths(cell: Cell) -> list[str]:
    """';'-separated relative paths (full-width ；and line breaks too), kept as written."""
    text = parse_text(cell).replace("；", ";").replace("\n", ";")
    return [p.strip() for p in text.split(";") if p.strip()]


# --- dates ------------------------------------------------------------------------------------------

_CLOCK = r"(?P<clock>\d{1,2}(?::\d{1,2}){1,2}(?:\.\d+)?|\d{1,2}时(?:\d{1,2}分(?:\d{1,2}秒)?)?)"
_CLOCK_PARTS = re.compile(r"\d+(?:\.\d+)?")
# Numeric forms need a space or T before the time, else 2025-3-110:00 would be ambiguous.
_TIME = r"(?:[T\s]+" + _CLOCK + r")?"
_DATE_PATTERNS = (
    re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME),
    # 号 for the day is how people write it by hand (2025年3月1号); spaces around the numbers come with text
    # copied from a PDF or typed as in a document (2025 年 3 月 1 日).
    re.compile(r"(\d{4})\s*(年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*(?:[日号]|(?=\s)|$)(?:\s*" + _CLOCK + r")?"),
    re.compile(r"(\d{4})()(\d{2})(\d{2})" + _TIME),
)
_SERIAL = re.compile(r"\d{1,5}(?:\.\d+)?")
_YEAR_MONTH = re.compile(r"(\d{4})(?:[-/.年](\d{1,2})月?)?")  # 2025, 2025.3, 2025-10, 2025年3月


def _bad_date(text: str) -> BadDate:
    return BadDate(
        translate("Values", "'{value}' is not a date (expected e.g. 2025-03-01, 2025年3月1日 or 20250301)").format(
            value=text
        )
    )


def _checked(year: int, month: int, day: int, written: Cell) -> date:
    # The cell is turned into text only for a message: this runs for every date of an export.
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadDate(
            translate("Values", "The year in '{value}' is outside {low}–{high}").format(
                value=parse_text(written), low=MIN_YEAR, high=MAX_YEAR
            )
        )
    try:
        return date(year, month, day)
    except ValueError:
        reason = translate("Values", "'{value}' is not a valid calendar date").format(value=parse_text(written))
        raise BadDate(reason) from None


def _check_clock(clock: str, written: str) -> None:
    """Only the date of a date-time is kept, but an impossible time (25:00, 10:61) means the value is wrong,
    and the date beside it cannot be trusted either."""
    parts = [float(p) for p in _CLOCK_PARTS.findall(clock)]
    limits = (23, 59, 59.999999)
    if any(part > limit for part, limit in zip(parts, limits, strict=False)):
        raise BadDate(translate("Values", "'{value}' holds an impossible time of day").format(value=written))


def _year_only(text: str) -> BadDate:
    return BadDate(
        translate("Values", "'{value}' gives only a year or a year and month, not a full date").format(value=text)
    )


def date_from_serial(serial: float, text: str | None = None) -> date:
    """An Excel serial day number (the time-of-day fraction is dropped)."""
    if MIN_YEAR <= serial < MAX_YEAR + 1:
        raise _year_only(text if text is not None else parse_text(serial))
    if not MIN_SERIAL <= serial < MAX_SERIAL + 1:
        raise BadDate(
            translate("Values", "The number {value} is not a plausible Excel date").format(
                value=text if text is not None else parse_text(serial)
            )
        )
    return EXCEL_EPOCH + timedelta(days=int(serial))


@lru_cache(maxsize=65536)
def parse_date_text(text: str) -> date:
    """A date written as text; cached because exports repeat the same few thousand dates."""
    folded = fold(text)
    for pattern in _DATE_PATTERNS:
        m = pattern.fullmatch(folded)
        if m:
            day = _checked(int(m.group(1)), int(m.group(3)), int(m.group(4)), text.strip())
            if m.group("clock") is not None:
                _check_clock(m.group("clock"), text.strip())
            return day
    year_month = _YEAR_MONTH.fullmatch(folded)
    if year_month is not None and MIN_YEAR <= int(year_month.group(1)) <= MAX_YEAR:
        raise _year_only(text.strip())
    if _SERIAL.fullmatch(folded):
        # A serial that lost its date format on the way through CSV.
        return date_from_serial(float(folded), text.strip())
    arabic = arabic_date(folded)  # 二〇二五年三月十一日, as documents date themselves
    if arabic is not None:
        try:
            return parse_date_text(arabic)
        except BadDate as exc:  # 二〇二五年二月三十日: the reason, in the words the cell wrote
            raise BadDate(str(exc).replace(arabic, text.strip())) from None
    raise _bad_date(text.strip())


def parse_date(cell: Cell) -> date:
    # datetime is a date subclass: test it first to drop the time part.
    if isinstance(cell, datetime):
        return _checked(cell.year, cell.month, cell.day, cell)
    if isinstance(cell, date):
        return _checked(cell.year, cell.month, cell.day, cell)
    if isinstance(cell, bool):
        raise _bad_date(parse_text(cell))
    if isinstance(cell, int | float):
        if 19000101 <= cell <= 21001231 and float(cell).is_integer():
            # 20250301 typed into a number cell.
            return parse_date_text(str(int(cell)))
        return date_from_serial(float(cell))
    if isinstance(cell, str):
        return parse_date_text(cell)
    raise _bad_date(parse_text(cell))


# --- booleans ---------------------------------------------------------------------------------------

TRUE_WORDS = frozenset({"是", "y", "yes", "1", "√", "✓", "✔", "☑", "✅", "true", "t", "对"})
FALSE_WORDS = frozenset({"否", "n", "no", "0", "×", "✗", "✘", "x", "false", "f", "不是"})
# Field-specific words, accepted only on the column they describe: "羁押" in 是否羁押 is unambiguous, but
# "未X" is not a general negation (e.g. 未成年), so these are not added to the general sets.
FIELD_WORDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # A 羁押状态 column may hold the coercive measure itself: 拘留 and 逮捕 hold the suspect in custody, 取保候审 and
    # 监视居住 do not (CPL arts. 66–100; the custody rule of the deadline checks reads measures the same way).
    "detained": (
        frozenset({"羁押", "在押", "已羁押", "拘留", "刑事拘留", "刑拘", "已拘留", "逮捕", "已逮捕", "执行逮捕"}),
        frozenset({"未羁押", "非羁押", "不羁押", "未在押", "取保候审", "取保", "已取保", "监视居住", "监居"})
        | frozenset({"指定居所监视居住", "住所监视居住"}),
    ),
    "plea": (frozenset({"认罪认罚", "已认罪认罚"}), frozenset({"未认罪认罚", "不认罪认罚"})),
    "has_victim": (frozenset({"有", "有被害人"}), frozenset({"无", "没有", "无被害人"})),
    "extension_approved": (frozenset({"延长", "已延长"}), frozenset({"未延长", "不延长"})),
}


def parse_bool(cell: Cell, attr: str | None = None) -> bool:
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, int | float) and cell in (0, 1):
        return bool(cell)
    word = "".join(fold(parse_text(cell)).split()).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    if attr in FIELD_WORDS:
        yes, no = FIELD_WORDS[attr]
        if word in yes:
            return True
        if word in no:
            return False
    raise BadBool(
        translate("Values", "'{value}' is not yes/no (expected 是/否, Y/N, 1/0, √/× or true/false)").format(
            value=parse_text(cell)
        )
    )


# --- numbers ----------------------------------------------------------------------------------------

_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
# Units written after a count on the card: 退查 "1次", 作案时年龄 "17岁" or "17周岁" (the legal wording).
_INT_UNITS = ("周岁", "次", "岁", "人")


def _not_a_number(original: str) -> BadNumber:
    return BadNumber(translate("Values", "'{value}' is not a number").format(value=original))


def _not_whole(original: str) -> BadNumber:
    return BadNumber(translate("Values", "'{value}' is not a whole number").format(value=original))


def _decimal_from_text(text: str, original: str) -> Decimal:
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    elif not _PLAIN.fullmatch(text):
        raise _not_a_number(original)
    try:
        return Decimal(text)
    except InvalidOperation:
        raise _not_a_number(original) from None


# Counts and ages on a card are small; a 20-digit "count" is a broken cell and would not even fit the
# database's 64-bit INTEGER. Amounts are stored in fen in a 64-bit column: 10^16 yuan (10^18 fen) still fits.
MAX_INT = 10**15
MAX_AMOUNT = Decimal(10) ** 16


def _too_large(original: str) -> BadNumber:
    return BadNumber(translate("Values", "'{value}' is far too large for this field").format(value=original[:40]))


def parse_int(cell: Cell) -> int:
    value = _parse_int(cell)
    if not -MAX_INT <= value <= MAX_INT:
        raise _too_large(parse_text(cell))
    return value


def _parse_int(cell: Cell) -> int:
    if isinstance(cell, bool):
        raise _not_whole(parse_text(cell))
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float):
        if cell.is_integer():
            return int(cell)
        raise _not_whole(parse_text(cell))
    original = parse_text(cell)
    # Only the ends are trimmed: "1 2" is a typing error, not 12.
    text = fold(original)
    for unit in _INT_UNITS:
        text = text.removesuffix(unit).rstrip()
    value = _decimal_from_text(text, original)
    if value != value.to_integral_value():
        raise _not_whole(original)
    return int(value)


# A leading currency as amounts are written on cards and in ledgers: ¥ 3,000, 人民币5000元, RMB 2,000.
_CURRENCY = re.compile(r"^(?:人民币|rmb|cny|¥)\s*", re.IGNORECASE)
_CURRENCY_FIRST = frozenset("人RrCc¥")


def parse_decimal(cell: Cell) -> Decimal:
    """An amount in yuan; a trailing 万元 (or 万) multiplies by 10 000; 元 and a leading currency are dropped;
    Chinese numerals (壹万贰仟元整, 一万二千元) are read."""
    value = _parse_decimal(cell)
    if not value.is_finite() or value > MAX_AMOUNT:
        raise _too_large(parse_text(cell))
    return value


def _parse_decimal(cell: Cell) -> Decimal:
    if isinstance(cell, bool):
        raise _not_a_number(parse_text(cell))
    if isinstance(cell, int | float):
        # repr gives the shortest string that round-trips, so 1234.56 stays 1234.56 (not its binary value).
        number = Decimal(cell) if isinstance(cell, int) else Decimal(repr(cell))
        if not number.is_finite():  # inf / nan cells of a damaged file
            raise _not_a_number(parse_text(cell))
        _not_negative(number, parse_text(cell))
        return number
    original = parse_text(cell)
    text = fold(original)
    if text[:1] in _CURRENCY_FIRST:
        text = _CURRENCY.sub("", text, count=1)
    spelled = text
    factor = 1
    if text.endswith(("万元", "万")):
        text, factor = text.removesuffix("元").removesuffix("万"), 10000
    else:
        text = text.removesuffix("元")
    try:
        value = _decimal_from_text(text.rstrip(), original) * factor
    except BadNumber:
        # 壹万贰仟元整, 一万二千元, 5千元: in Chinese numerals, read only where they read one way.
        in_words = chinese_amount(spelled) if has_chinese_numerals(spelled) else None
        if in_words is None:
            raise
        value = in_words
    _not_negative(value, original)
    return value


def in_wan(cell: Cell, value: Decimal) -> Decimal:
    """The amount ``value`` read from ``cell`` of a column whose header gives 万元 as its unit, in yuan: a plain
    number times 10 000; a cell that writes its own unit (3000元, 1.2万元) is as it says."""
    if isinstance(cell, str) and ("元" in cell or "万" in cell):
        return value
    scaled = value * 10000
    if scaled > MAX_AMOUNT:
        raise _too_large(parse_text(cell))
    return scaled


def _not_negative(value: Decimal, original: str) -> None:
    # Amounts on a case card (涉案金额) are sums of money involved: never below zero.
    if value < 0:
        raise BadNumber(
            translate("Values", "'{value}' is negative; an amount cannot be below zero").format(value=original)
        )
