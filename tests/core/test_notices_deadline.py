"""Reply deadline of a rectification notice (规则 665: 10 days) and the settings file of earlier versions."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewapp.legal import LegalCalendar, default_calendar
from reviewapp.services.results.notices import issue_notices
from reviewapp.services.results.settings import (
    NoticeConfig,
    NoticeConfigError,
    config_path,
    read_config_file,
    reply_deadline,
    save_notice_config,
)
from tests.core.review_fixtures import seed_reviewed_cases
from tests.core.services_fixtures import ISSUER, open_workbench

WORKING = NoticeConfig(working_days=True, deadline_days=5)


def test_default_is_ten_calendar_days() -> None:
    assert NoticeConfig().deadline_days == 10
    assert reply_deadline(date(2026, 3, 20), NoticeConfig()) == date(2026, 3, 30)
    # A calendar-day period runs over weekends and holidays: 9-30 + 10 = 10-10 despite 国庆 (a 调休 Saturday,
    # so a working day: it stays).
    assert reply_deadline(date(2026, 9, 30), NoticeConfig()) == date(2026, 10, 10)


@pytest.mark.parametrize(
    ("issued", "deadline"),
    [
        (date(2025, 9, 21), date(2025, 10, 9)),  # 10-01 国庆 → the first working day after the holiday
        (date(2026, 2, 13), date(2026, 2, 24)),  # 02-23 春节 → 02-24
        (date(2026, 3, 4), date(2026, 3, 16)),  # Saturday 03-14 → Monday
        (date(2026, 2, 18), date(2026, 2, 28)),  # 02-28 is a 调休 Saturday: a working day
    ],
)
def test_calendar_day_deadline_ending_on_a_holiday_moves_to_the_next_working_day(issued: date, deadline: date) -> None:
    # CPL art. 105: a period whose last day is a 节假日 ends on the next working day.
    assert reply_deadline(issued, NoticeConfig()) == deadline


def test_calendar_day_deadline_in_an_unknown_year_moves_off_the_weekend_only() -> None:
    cal = LegalCalendar(holidays={2026: []}, workdays={2026: []})
    assert reply_deadline(date(2026, 12, 30), NoticeConfig(), cal) == date(2027, 1, 11)  # Saturday 01-09 → Monday
    assert reply_deadline(date(2026, 12, 28), NoticeConfig(), cal) == date(2027, 1, 7)  # a Thursday stays


@given(st.dates(date(2010, 1, 1), date(2026, 12, 10)), st.integers(1, 20))
def test_calendar_day_deadline_properties(issued: date, days: int) -> None:
    cal = default_calendar()
    deadline = reply_deadline(issued, NoticeConfig(deadline_days=days), cal)
    nominal = issued + timedelta(days=days)
    assert cal.is_workday(deadline)
    assert deadline >= nominal
    assert all(not cal.is_workday(nominal + timedelta(days=k)) for k in range((deadline - nominal).days))


def test_working_days_skip_weekend_and_holiday_but_count_tiaoxiu_saturday() -> None:
    # Issued Wed 2026-09-30: 10-1…10-7 国庆 off, 10-8 Thu, 10-9 Fri, 10-10 Sat (调休 working day),
    # 10-11 Sun off, 10-12 Mon, 10-13 Tue → the 5th working day.
    assert reply_deadline(date(2026, 9, 30), WORKING) == date(2026, 10, 13)


def test_working_days_with_a_given_calendar() -> None:
    cal = LegalCalendar(holidays={2026: [date(2026, 6, 1)]}, workdays={2026: [date(2026, 6, 6)]})
    # Fri 5-29 + 3 working days: Sat 5-30 and Sun 5-31 off, Mon 6-1 holiday, 6-2, 6-3, 6-4.
    cfg = NoticeConfig(working_days=True, deadline_days=3)
    assert reply_deadline(date(2026, 5, 29), cfg, cal) == date(2026, 6, 4)
    # Thu 6-4 + 2: Fri 6-5, Sat 6-6 (调休 working day).
    assert reply_deadline(date(2026, 6, 4), NoticeConfig(working_days=True, deadline_days=2), cal) == date(2026, 6, 6)


def test_unknown_calendar_year_is_a_clear_error() -> None:
    cal = LegalCalendar(holidays={2026: []}, workdays={2026: []})
    with pytest.raises(NoticeConfigError, match="2027-01-01"):
        reply_deadline(date(2026, 12, 31), WORKING, cal)


@given(st.dates(date(2010, 1, 1), date(2026, 11, 30)), st.integers(1, 20))
def test_working_day_deadline_properties(issued: date, days: int) -> None:
    cal = default_calendar()
    deadline = reply_deadline(issued, NoticeConfig(working_days=True, deadline_days=days), cal)
    counted = [issued + timedelta(days=k) for k in range(1, (deadline - issued).days + 1)]
    assert cal.is_workday(deadline)
    assert sum(cal.is_workday(d) for d in counted) == days  # the issue day itself is not counted
    assert deadline >= reply_deadline(issued, NoticeConfig(deadline_days=days))


def test_issued_notice_uses_the_configured_deadline(tmp_path: Path) -> None:
    wb = open_workbench(tmp_path)
    try:
        ids = seed_reviewed_cases(wb, 1)
        save_notice_config(wb, dataclasses.replace(ISSUER, working_days=True, deadline_days=5))
        issued = issue_notices(wb, ids, out_dir=tmp_path / "o", issued_on=date(2026, 9, 30))[0]
    finally:
        wb.close()
    assert issued.reply_deadline == date(2026, 10, 13)
    assert issued.number == "京朝检案管整改〔2026〕1号"


@pytest.mark.sqlite_only("earlier versions kept this file beside their SQLite file")
def test_an_earlier_versions_file_lived_beside_the_database(tmp_path: Path) -> None:
    wb = open_workbench(tmp_path)
    try:
        assert config_path(wb) == tmp_path / "notice_config.json"
    finally:
        wb.close()
    assert read_config_file(tmp_path / "missing.json") is None


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("{not json", "Cannot read"),
        ('["a"]', "JSON object"),
        ('{"issuer_kode": "x"}', "issuer_kode"),
        ('{"deadline_days": "10"}', "deadline_days"),
        ('{"deadline_days": 0}', "at least 1"),
        ('{"working_days": 1}', "working_days"),
        ('{"requirements": "one"}', "requirements"),
    ],
)
def test_bad_settings_are_refused_with_the_setting_named(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "notice_config.json"
    path.write_text(content, encoding="utf-8")
    from reviewapp.i18n import current_language, set_language

    before = current_language()
    set_language("en")
    try:
        with pytest.raises(NoticeConfigError, match=fragment):
            read_config_file(path)
    finally:
        set_language(before)


def test_partial_settings_keep_other_defaults(tmp_path: Path) -> None:
    path = tmp_path / "notice_config.json"
    path.write_text(json.dumps({"issuer_code": "京朝检案管整改", "deadline_days": 15}), encoding="utf-8")
    cfg = read_config_file(path)
    assert cfg is not None
    assert (cfg.issuer_code, cfg.deadline_days, cfg.working_days) == ("京朝检案管整改", 15, False)
