"""Value parsers of the case intake: every written form of dates, booleans and numbers in real exports."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewapp.intake.values import (
    EXCEL_EPOCH,
    BadBool,
    BadDate,
    BadNumber,
    BadValue,
    is_blank,
    normalize_case_no,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_int,
    parse_paths,
    parse_text,
)
from tests.core.intake_fixtures import english_ui  # noqa: F401 - pytest fixture

pytestmark = pytest.mark.usefixtures("english_ui")

FULL_WIDTH = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, "-": "－", "/": "／", ".": "．"})


def full_width(text: str) -> str:
    return text.translate(FULL_WIDTH)


def written_forms(d: date) -> list[str]:
    y, m, day = d.year, d.month, d.day
    forms = [
        d.isoformat(),
        f"{y}-{m}-{day}",
        f"{y}/{m}/{day}",
        f"{y}/{m:02d}/{day:02d}",
        f"{y}.{m}.{day}",
        f"{y}年{m}月{day}日",
        f"{y}年{m:02d}月{day:02d}日",
        f"{y}{m:02d}{day:02d}",
        f"{d.isoformat()} 08:30",
        f"{d.isoformat()} 08:30:15",
        f"{d.isoformat()}T23:59:59.5",
        f"{y}/{m}/{day} 0:00:00",
        f"{y}年{m}月{day}日 10时20分",
        f"{y}年{m}月{day}日10:20",
        f"{y}年{m}月{day}日{10}时30分",
        f"{y}年{m}月{day}号",  # 号 for the day, as people write it
        f"{y}年{m}月{day}号 10:20",
        f"{y}{m:02d}{day:02d} 10:00",
        f"  {d.isoformat()}  ",
    ]
    return forms + [full_width(f) for f in forms]


class TestDates:
    @pytest.mark.parametrize("text", written_forms(date(2025, 3, 1)))
    def test_every_written_form(self, text: str) -> None:
        assert parse_date(text) == date(2025, 3, 1)

    def test_typed_cells(self) -> None:
        assert parse_date(date(2025, 3, 1)) == date(2025, 3, 1)
        assert parse_date(datetime(2025, 3, 1, 23, 59)) == date(2025, 3, 1)

    def test_excel_serials(self) -> None:
        assert parse_date(45717) == date(2025, 3, 1)
        assert parse_date(45717.0) == date(2025, 3, 1)
        assert parse_date(45717.75) == date(2025, 3, 1)  # time of day dropped
        assert parse_date("45717") == date(2025, 3, 1)  # a serial that went through CSV
        assert parse_date(3654) == date(1910, 1, 1)  # the first serial taken for a date of a case card

    @pytest.mark.parametrize(
        "value", [2025, 2025.0, 1990, "2025", "２０２５", 2025.3, "2025.3", "2025.10", "2025-03", "1990年5月"]
    )
    def test_a_year_or_a_year_and_month_is_not_a_date(self, value: object) -> None:
        # Not the Excel serial it would be (2025 → 1905-07-17): a card gives no day here.
        with pytest.raises(BadDate, match="only a year"):
            parse_date(value)  # type: ignore[arg-type]

    def test_yyyymmdd_typed_as_number(self) -> None:
        assert parse_date(20250301) == date(2025, 3, 1)
        assert parse_date(20250301.0) == date(2025, 3, 1)

    @pytest.mark.parametrize(
        "text",
        [
            "2025-02-30",
            "2025-13-01",
            "2025/0/1",
            "20250230",
            "2025年2月29日",
            "2023-02-29",
        ],
    )
    def test_impossible_calendar_dates(self, text: str) -> None:
        with pytest.raises(BadDate, match="not a valid calendar date"):
            parse_date(text)

    @pytest.mark.parametrize(
        "text",
        ["昨天", "2025-3/1", "2025-03", "03/01/2025", "2025-03-0110:00", "abc", "2025年3月", "2025/3/1 下午"],
    )
    def test_not_dates(self, text: str) -> None:
        with pytest.raises(BadDate) as info:
            parse_date(text)
        assert text.strip() in info.value.reason

    @pytest.mark.parametrize("value", ["1899-12-31", "2101-01-01", date(1850, 1, 1), datetime(2200, 1, 1)])
    def test_years_outside_range(self, value: object) -> None:
        with pytest.raises(BadDate, match="outside"):
            parse_date(value)  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [0, 1, 60, 61, 200, 3653, "200", -5, 99999999, 3000000.0, float("nan")])
    def test_implausible_serials(self, value: float) -> None:
        with pytest.raises(BadDate):
            parse_date(value)

    def test_bool_and_time_cells_are_not_dates(self) -> None:
        with pytest.raises(BadDate):
            parse_date(True)
        with pytest.raises(BadDate):
            parse_date(time(10, 0))

    def test_errors_are_value_errors(self) -> None:
        with pytest.raises(ValueError):
            parse_date("nope")

    @given(st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 12, 31)))
    def test_any_date_round_trips_through_every_form(self, d: date) -> None:
        for text in written_forms(d):
            assert parse_date(text) == d, text
        serial = (d - EXCEL_EPOCH).days
        if d.year >= 1910:  # earlier serials are refused (a year typed into a date column looks like one)
            assert parse_date(serial) == d
            assert parse_date(float(serial) + 0.5) == d
        assert parse_date(datetime.combine(d, time(13, 5))) == d
        assert parse_date(int(d.strftime("%Y%m%d"))) == d


class TestBooleans:
    @pytest.mark.parametrize(
        "word", ["是", "Y", "y", "yes", "YES", "1", "１", "√", "true", "True", "TRUE", " 是 ", 1, 1.0, True]
    )
    def test_true(self, word: object) -> None:
        assert parse_bool(word) is True  # type: ignore[arg-type]

    @pytest.mark.parametrize("word", ["否", "N", "n", "no", "0", "０", "×", "false", "False", "FALSE", 0, 0.0, False])
    def test_false(self, word: object) -> None:
        assert parse_bool(word) is False  # type: ignore[arg-type]

    @pytest.mark.parametrize("word", ["也许", "2", 2, "是的吧", "未成年", "有"])
    def test_not_booleans(self, word: object) -> None:
        with pytest.raises(BadBool):
            parse_bool(word)  # type: ignore[arg-type]

    def test_field_words_only_on_their_field(self) -> None:
        assert parse_bool("羁押", "detained") is True
        assert parse_bool("在押", "detained") is True
        assert parse_bool("未羁押", "detained") is False
        assert parse_bool("未认罪认罚", "plea") is False
        assert parse_bool("认罪认罚", "plea") is True
        with pytest.raises(BadBool):
            parse_bool("羁押")  # not on a column that means detention
        with pytest.raises(BadBool):
            parse_bool("未羁押", "plea")


class TestNumbers:
    @pytest.mark.parametrize(
        ("cell", "expected"),
        [
            (3, 3),
            (3.0, 3),
            ("3", 3),
            ("３", 3),
            (" 2 ", 2),
            ("2次", 2),
            ("17岁", 17),
            ("17周岁", 17),
            ("1,000", 1000),
            ("1，000", 1000),  # full-width comma
            ("-1", -1),
            ("2.0", 2),
        ],
    )
    def test_integers(self, cell: object, expected: int) -> None:
        assert parse_int(cell) == expected  # type: ignore[arg-type]

    @pytest.mark.parametrize("cell", ["十七", "2.5", 2.5, "1,00", "", "abc", True, "1 2"])
    def test_not_integers(self, cell: object) -> None:
        with pytest.raises(BadNumber):
            parse_int(cell)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("cell", "expected"),
        [
            ("5000", Decimal(5000)),
            ("5,000.50", Decimal("5000.50")),
            ("５０００元", Decimal(5000)),
            ("1.5万元", Decimal(15000)),
            ("2万", Decimal(20000)),
            ("１２万元", Decimal(120000)),
            ("¥3,000", Decimal(3000)),
            ("￥3,000元", Decimal(3000)),
            (1234.56, Decimal("1234.56")),
            (12345, Decimal(12345)),
            (0.1, Decimal("0.1")),
            (".5", Decimal("0.5")),
        ],
    )
    def test_decimals(self, cell: object, expected: Decimal) -> None:
        assert parse_decimal(cell) == expected  # type: ignore[arg-type]

    @pytest.mark.parametrize("cell", ["12,34", "五千余元", "1.2.3", "元", "万元", False, "1e5"])
    def test_not_decimals(self, cell: object) -> None:
        with pytest.raises(BadNumber):
            parse_decimal(cell)  # type: ignore[arg-type]

    @given(st.integers(min_value=0, max_value=10**12))
    def test_integers_round_trip_with_separators_and_full_width(self, n: int) -> None:
        grouped = f"{n:,}"
        assert parse_int(grouped) == n
        assert parse_int(full_width(str(n))) == n
        assert parse_decimal(grouped + "元") == n
        assert parse_decimal(full_width(str(n)) + "万元") == n * 10000

    @given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
    def test_decimals_round_trip(self, amount: Decimal) -> None:
        assert parse_decimal(f"{amount:,}") == amount
        assert parse_decimal(f"{amount}元") == amount


class TestText:
    @pytest.mark.parametrize(
        ("cell", "expected"),
        [
            ("  张三 ", "张三"),
            ("\u3000张三\u3000", "张三"),
            (12345.0, "12345"),
            (12345, "12345"),
            (12.5, "12.5"),
            (True, "TRUE"),
            (date(2025, 3, 1), "2025-03-01"),
            (datetime(2025, 3, 1), "2025-03-01"),
            (datetime(2025, 3, 1, 10, 30), "2025-03-01 10:30:00"),
            (timedelta(days=1), "1 day, 0:00:00"),
        ],
    )
    def test_text(self, cell: object, expected: str) -> None:
        assert parse_text(cell) == expected  # type: ignore[arg-type]

    def test_full_width_text_is_kept_as_written(self) -> None:
        # Legal text like 不起诉（存疑） keeps its full-width brackets; only keys are normalised.
        assert parse_text("不起诉（存疑）") == "不起诉（存疑）"

    def test_case_numbers_normalised(self) -> None:
        assert normalize_case_no(" 朝检刑诉受［２０２５］１号 ") == "朝检刑诉受[2025]1号"
        assert normalize_case_no("朝检 刑诉受 [2025] 1号") == "朝检刑诉受[2025]1号"
        assert normalize_case_no(20250002.0) == "20250002"

    def test_paths(self) -> None:
        assert parse_paths("a/b.pdf；c.pdf; d\\e.docx;;") == ["a/b.pdf", "c.pdf", "d\\e.docx"]
        assert parse_paths("a.pdf\nb.pdf") == ["a.pdf", "b.pdf"]

    @pytest.mark.parametrize(("cell", "blank"), [("", True), ("  ", True), ("\u3000", True), ("x", False), (0, False)])
    def test_is_blank(self, cell: object, blank: bool) -> None:
        assert is_blank(cell) is blank  # type: ignore[arg-type]


def test_reasons_are_user_facing() -> None:
    for bad, parser in (("z", parse_date), ("z", parse_bool), ("z", parse_int), ("z", parse_decimal)):
        with pytest.raises(BadValue) as info:
            parser(bad)
        assert "'z'" in info.value.reason
        assert str(info.value) == info.value.reason
