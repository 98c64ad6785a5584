"""Shared notice settings in the database: round trip, plain refusals, the earlier per-workstation file imported
once, issuing refused while an issuer setting is a placeholder (××), and the numbers an issue would take."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewapp.errors import NotPermitted
from reviewapp.services.changes import Kind
from reviewapp.services.results.notices import issue_notices, plan_notice_numbers
from reviewapp.services.results.settings import (
    NoticeConfig,
    NoticeConfigError,
    SettingError,
    config_path,
    ensure_settings,
    get_setting,
    list_settings,
    load_notice_config,
    save_notice_config,
    set_setting,
    set_settings,
)
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import AuditEntry, DocumentSerial, Notice, Setting
from tests.accounts_fixtures import REVIEWER, sign_in
from tests.core.intake_fixtures import english_ui
from tests.core.review_fixtures import seed_reviewed_cases
from tests.core.services_fixtures import ISSUER, open_workbench, set_issuer
from tests.db_target import database_at

__all__ = ["english_ui"]
ISSUED = date(2026, 3, 20)


@pytest.fixture
def wb(tmp_path: Path) -> Iterator[Workbench]:
    bench = open_workbench(tmp_path)
    yield bench
    bench.close()


def _audit(wb: Workbench, action: str) -> list[AuditEntry]:
    with wb.db.session() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)))


def test_notice_settings_round_trip_through_the_database(wb: Workbench, tmp_path: Path) -> None:
    assert load_notice_config(wb) == NoticeConfig()  # nothing stored: the defaults
    cfg = dataclasses.replace(ISSUER, common_threshold=3, cc=("检务督察部门",), working_days=True)
    saved, record = save_notice_config.with_changes(wb, cfg)
    assert saved == cfg and load_notice_config(wb) == cfg
    assert record.touches(Kind.SETTING) and record.action == "settings.notice"
    assert not config_path(wb).exists()  # shared in the database, no file per workstation
    (entry,) = _audit(wb, "settings.notice")
    assert entry.user_id == wb.user.account_id
    assert entry.changes["notice.issuer_code"] == [None, "京朝检案管整改"]
    # Another workstation on the same database sees the same settings.
    other = Workbench.open(wb.db.url)
    try:
        assert load_notice_config(other) == cfg
    finally:
        other.close()
    # Saving the same again changes nothing but is still one audited operation.
    save_notice_config(wb, cfg)
    assert _audit(wb, "settings.notice")[-1].changes == {}


def test_set_setting_parses_text_and_validates_with_plain_messages(wb: Workbench, english_ui: None) -> None:
    row, record = set_setting.with_changes(wb, "notice.reply_days", "15")
    assert row.value == 15 and get_setting(wb, "notice.reply_days") == 15
    assert record.touches(Kind.SETTING)
    assert load_notice_config(wb).deadline_days == 15
    set_setting(wb, "notice.cc", "第一检察部负责人；检务督察部门")
    assert load_notice_config(wb).cc == ("第一检察部负责人", "检务督察部门")
    set_setting(wb, "notice.working_days", "是")
    assert load_notice_config(wb).working_days is True
    set_setting(wb, "accounts.lockout_minutes", "30")
    with wb.db.session() as s:
        assert s.get(Setting, "accounts.lockout_minutes").value == 30  # type: ignore[union-attr]
    for key, value, fragment in (
        ("notice.reply_days", "ten", "whole number"),
        ("notice.reply_days", "0", "between 1 and 365"),
        ("notice.working_days", "maybe", "yes or no"),
        ("notice.issuer_name", "  ", "empty"),
        ("notice.issuer_nmae", "x", "There is no setting notice.issuer_nmae"),
    ):
        with pytest.raises(SettingError, match=fragment):
            set_setting(wb, key, value)
    assert get_setting(wb, "notice.reply_days") == 15  # nothing changed by the refusals
    entries = _audit(wb, "settings.set")
    assert [e.detail["key"] for e in entries] == [
        "notice.reply_days",
        "notice.cc",
        "notice.working_days",
        "accounts.lockout_minutes",
    ]
    assert all(e.user_id == wb.user.account_id for e in entries)
    assert entries[0].changes["notice.reply_days"] == [10, 15]
    listed = {r.key: r for r in list_settings(wb)}
    assert listed["notice.reply_days"].value == 15 and listed["notice.reply_days"].stored
    assert listed["notice.reply_days"].updated_by == wb.user.name
    assert listed["notice.issuer_code"].value == "××检案管整改"  # the default still in force


def test_several_settings_are_stored_together_or_not_at_all(wb: Workbench) -> None:
    """The settings dialog saves what was changed in one write: every refusal is named, and one refused value
    stores none of the others."""
    with pytest.raises(SettingError) as refused:
        set_settings(wb, {"feedback.days": 7, "appraisal.base": "forty", "bulletin.repeat_periods": 1})
    message = str(refused.value)
    assert "appraisal.base" in message and "whole number" in message
    assert "bulletin.repeat_periods" in message and "between 2 and 24" in message
    assert get_setting(wb, "feedback.days") == 5  # the valid value was not stored either
    assert _audit(wb, "settings.set_many") == []
    rows = set_settings(
        wb,
        {
            "feedback.days": 7,
            "standards.severity_synonyms": ["错误=一般司法错误", "  "],
            "reviews.assignment_required": False,
        },
    )
    assert [r.key for r in rows] == ["feedback.days", "standards.severity_synonyms", "reviews.assignment_required"]
    assert get_setting(wb, "feedback.days") == 7
    assert get_setting(wb, "standards.severity_synonyms") == ["错误=一般司法错误"]
    assert get_setting(wb, "reviews.assignment_required") is False
    (entry,) = _audit(wb, "settings.set_many")
    assert entry.changes == {
        "feedback.days": [None, 7],
        "standards.severity_synonyms": [None, ["错误=一般司法错误"]],
        "reviews.assignment_required": [None, False],
    }
    with pytest.raises(SettingError, match="错误"):  # a severity word must name a severity
        set_settings(wb, {"standards.severity_synonyms": ["错误=很严重"]})


def test_settings_need_the_permission(wb: Workbench) -> None:
    sign_in(wb, "只是评查员", roles=[REVIEWER])
    with pytest.raises(NotPermitted):
        set_setting(wb, "notice.reply_days", "12")
    with pytest.raises(NotPermitted):
        save_notice_config(wb, ISSUER)
    with pytest.raises(NotPermitted):
        set_settings(wb, {"feedback.days": 9})
    with wb.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Setting)) == 0


@pytest.mark.sqlite_only("earlier versions kept this file beside their SQLite file")
def test_an_earlier_workstation_file_is_imported_once(tmp_path: Path) -> None:
    legacy = tmp_path / "notice_config.json"
    legacy.write_text(json.dumps({"issuer_code": "京朝检案管整改", "deadline_days": 12}), encoding="utf-8")
    wb = Workbench.open(database_at(tmp_path))  # first start: nobody logged in yet
    try:
        assert load_notice_config(wb).issuer_code == "京朝检案管整改"  # read from the file until imported
        assert ensure_settings(wb) is True
        assert ensure_settings(wb) is False  # once only
        assert get_setting(wb, "notice.reply_days") == 12
        legacy.write_text(json.dumps({"issuer_code": "别的代字"}), encoding="utf-8")
        assert load_notice_config(wb).issuer_code == "京朝检案管整改"  # the database wins from now on
        (entry,) = _audit(wb, "settings.import")
        assert entry.user_id is None and entry.detail["file"] == str(legacy)
    finally:
        wb.close()


def test_issuing_is_refused_while_an_issuer_setting_is_a_placeholder(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 1)
    with pytest.raises(NoticeConfigError, match="××") as err:
        issue_notices(wb, ids, out_dir=tmp_path / "o", issued_on=ISSUED)
    assert "notice.issuer_name" in str(err.value) and "notice.issuer_code" in str(err.value)
    set_issuer(wb, dataclasses.replace(ISSUER, issuer="××人民检察院案件管理部"))
    with pytest.raises(NoticeConfigError) as err:
        issue_notices(wb, ids, out_dir=tmp_path / "o", issued_on=ISSUED)
    assert "notice.department" in str(err.value) and "notice.issuer_code" not in str(err.value)
    with wb.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Notice)) == 0
        assert s.scalar(select(func.count()).select_from(DocumentSerial)) == 0
    assert not (tmp_path / "o").exists() or list((tmp_path / "o").iterdir()) == []
    assert _audit(wb, "notice.issue") == []
    set_issuer(wb)
    assert [n.number for n in issue_notices(wb, ids, out_dir=tmp_path / "o", issued_on=ISSUED)] == [
        "京朝检案管整改〔2026〕1号"
    ]


def test_planned_numbers_are_the_numbers_issued(wb: Workbench, tmp_path: Path) -> None:
    set_issuer(wb)
    ids = seed_reviewed_cases(wb, 4)
    issue_notices(wb, ids[:1], out_dir=tmp_path, issued_on=ISSUED)
    planned = plan_notice_numbers(wb, ids, "case", issued_on=ISSUED)
    # The first case already has notice 1 (a re-issue keeps its number); the others take 2, 3, 4.
    assert planned == [f"京朝检案管整改〔2026〕{n}号" for n in (1, 2, 3, 4)]
    with wb.db.session() as s:
        assert s.scalar(select(DocumentSerial.last_serial)) == 1  # planning takes nothing
    issued = issue_notices(wb, ids, out_dir=tmp_path, issued_on=ISSUED)
    assert [n.number for n in issued] == planned
