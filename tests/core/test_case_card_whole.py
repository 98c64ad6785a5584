"""The whole case card: return and resubmission dates, extension approval dates, each coercive measure with its
date, charge found and judgment per suspect — imported under their aliases, stored (migration 0014), written by
the demo data, and used by the pre-screening and the key-case triggers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from reviewapp.checks.registry import check_case
from reviewapp.checks.results import Status
from reviewapp.demo.cards import DEMO_AS_OF, build_cards
from reviewapp.demo.full_set import builtin_cards
from reviewapp.demo.scenarios import prosecution_card
from reviewapp.domain.case_card import CaseCard, SuspectRecord
from reviewapp.domain.plans_triggers import CaseFacts, SuspectFacts, Trigger, no_prosecution_after_arrest
from reviewapp.services.cases.intake import import_cases
from reviewapp.storage.database import _alembic_config, current_revision, head_revision, open_database
from reviewapp.storage.models import Case, Suspect
from tests.core.intake_fixtures import case_row
from tests.core.services_fixtures import open_workbench

FIXTURE_0009 = Path(__file__).resolve().parent.parent / "fixtures" / "db" / "schema_0009.sqlite3"
D = dt.date
NEW_CASE = ("extension_approved_on", "has_victim")
NEW_SUSPECT = ("detained_on", "arrested_on", "bail_on", "surveillance_on", "measure_ended_on", "judged_on")


def _not_checkable(cards: list[CaseCard]) -> Counter[str]:
    out: Counter[str] = Counter()
    for card in cards:
        for r in check_case(card, today=DEMO_AS_OF):
            if r.status is Status.NOT_CHECKABLE:
                out[r.rule_id] += 1
    return out


def _without_new_fields(card: CaseCard) -> CaseCard:
    suspects = [dataclasses.replace(s, **dict.fromkeys(NEW_SUSPECT)) for s in card.suspects]
    return dataclasses.replace(card, suspects=suspects, **dict.fromkeys(NEW_CASE))


def test_the_demo_data_writes_the_whole_card_and_fewer_results_are_not_checkable() -> None:
    builtin = builtin_cards()
    cards = builtin + build_cards(300, reserved={c.dept_case_no for c in builtin})
    suspects = [s for c in cards for s in c.suspects]
    assert any(s.arrested_on for s in suspects) and any(s.bail_on for s in suspects)
    assert any(s.detained_on for s in suspects) and any(s.judged_on for s in suspects)
    assert all(
        c.has_victim is not None for c in cards if c.case_type == "审查起诉" and not c.dept_case_no.startswith("演示")
    )
    before = _not_checkable([_without_new_fields(c) for c in cards])
    after = _not_checkable(cards)
    assert sum(after.values()) < sum(before.values())
    assert before["DL-NOTICE-VICTIM"] > 0 and after["DL-NOTICE-VICTIM"] == 0


def _card(**changes: object) -> CaseCard:
    return prosecution_card(900, D(2025, 3, 3), D(2025, 3, 20), detained=False, **changes)


def test_rules_that_lacked_fields_now_check() -> None:
    # 有无被害人: a card saying there is no victim needs no victim's notice.
    silent = check_case(_card(victim_notified_on=None, has_victim=None), rule_ids=["DL-NOTICE-VICTIM"])
    assert [r.status for r in silent] == [Status.NOT_CHECKABLE]
    assert check_case(_card(victim_notified_on=None, has_victim=False), rule_ids=["DL-NOTICE-VICTIM"]) == []
    # 取保候审日期: bail checked from its own date although the single measure column moved on to 逮捕.
    s = SuspectRecord(
        "x", "甲", measure="逮捕", measure_started_on=D(2025, 2, 1), bail_on=D(2023, 1, 5), arrested_on=D(2025, 2, 1)
    )
    [bail] = check_case(_card(suspects=[s]), rule_ids=["DL-BAIL"])
    assert bail.status is Status.VIOLATION and bail.facts["ended_on"] == "2025-02-01"
    # 强制措施解除日期 ends the bail before the decision.
    s = SuspectRecord("x", "甲", measure="取保候审", bail_on=D(2024, 1, 5), measure_ended_on=D(2024, 6, 1))
    [bail] = check_case(_card(suspects=[s]), rule_ids=["DL-BAIL"])
    assert bail.status is Status.PASSED
    # Custody from the measures when 是否羁押 is blank: the arrest review deadline is checkable.
    unknown = SuspectRecord("x", "甲")
    arrest = dataclasses.replace(
        _card(suspects=[unknown]), case_type="审查逮捕", detained=None, closed_on=D(2025, 3, 12), disposition="批准逮捕"
    )
    [deadline] = check_case(arrest, rule_ids=["DL-ARREST-REVIEW"])
    assert deadline.status is Status.NOT_CHECKABLE
    held = SuspectRecord("x", "甲", detained_on=D(2025, 3, 1))  # a detention date, no measure column, no end
    [deadline] = check_case(dataclasses.replace(arrest, suspects=[held]), rule_ids=["DL-ARREST-REVIEW"])
    assert deadline.status is Status.VIOLATION and deadline.item_code == "P12"  # 9 days in custody, limit 7


def test_fast_track_uses_the_recommended_sentence_for_the_15_day_limit() -> None:
    def fast(recommended: str | None) -> Status:
        s = SuspectRecord("x", "甲", age_at_offence=30, recommended_sentence=recommended, plea=True)
        card = _card(procedure="速裁", closed_on=D(2025, 3, 16), suspects=[s])  # 13 days
        [r] = check_case(card, rule_ids=["DL-FAST-TRACK"])
        return r.status

    assert fast(None) is Status.NOT_CHECKABLE
    assert fast("有期徒刑一年六个月") is Status.PASSED
    assert fast("有期徒刑八个月") is Status.VIOLATION


def test_an_arrest_date_fires_the_after_arrest_trigger_when_the_measure_moved_on() -> None:
    facts = CaseFacts(1, "审查起诉", "不起诉（酌定）", suspects=(SuspectFacts("甲", "取保候审", arrested=True),))
    outcome = no_prosecution_after_arrest(facts)
    assert outcome.trigger is Trigger.NO_PROSECUTION_AFTER_ARREST and outcome.fired is True


def test_the_new_fields_import_under_their_aliases(tmp_path: Path) -> None:
    from openpyxl import Workbook

    row = case_row(1, 延期批准日期="2025-03-25", 有无被害人="无")
    path = tmp_path / "whole.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "案件"
    sheet.append(list(row))
    sheet.append(list(row.values()))
    people = book.create_sheet("嫌疑人")
    people.append(["部门受案号", "姓名", "刑事拘留日期", "执行逮捕日期", "解除强制措施日期", "宣判日期", "宣告刑"])
    people.append([row["部门受案号"], "张某", "2025-02-01", "2025-02-05", "2025-03-15", "2025-05-10", "有期徒刑一年"])
    book.save(path)
    wb = open_workbench(tmp_path)
    try:
        summary = import_cases(wb, path)
        assert summary.imported == 1
        with wb.db.session() as s:
            case = s.scalars(select(Case)).one()
            person = s.scalars(select(Suspect)).one()
        assert case.extension_approved_on == D(2025, 3, 25) and case.has_victim is False
        assert (person.detained_on, person.arrested_on, person.measure_ended_on, person.judged_on) == (
            D(2025, 2, 1),
            D(2025, 2, 5),
            D(2025, 3, 15),
            D(2025, 5, 10),
        )
        assert person.sentence == "有期徒刑一年"
    finally:
        wb.close()


@pytest.mark.sqlite_only("upgrades a SQLite fixture file; PostgreSQL: test_pg_migrations.py")
def test_migration_0014_adds_the_fields_keeps_the_rows_and_goes_back(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURE_0009, path)
    db = open_database(path)
    try:
        assert current_revision(db) == head_revision()
        with db.session() as s:
            columns = {c["name"] for c in inspect(s.connection()).get_columns("suspects")}
            assert set(NEW_SUSPECT) <= columns
            assert "import_profiles" in inspect(s.connection()).get_table_names()
            before = s.execute(text("SELECT count(*) FROM cases")).scalar()
        cfg = _alembic_config()
        with db.engine.connect().execution_options(write_path=True) as conn, conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0013")
        with db.session() as s:
            insp = inspect(s.connection())
            assert not set(NEW_CASE) & {c["name"] for c in insp.get_columns("cases")}
            assert "import_profiles" not in insp.get_table_names()
            assert s.execute(text("SELECT count(*) FROM cases")).scalar() == before
    finally:
        db.close()


def test_an_extension_approved_after_the_month_ran_out_extends_nothing() -> None:
    def prosecution(approved: dt.date | None) -> Status:
        card = _card(closed_on=D(2025, 4, 10), extension_approved=True, extension_approved_on=approved)
        [r] = check_case(card, rule_ids=["DL-PROSECUTION"])
        return r.status

    assert prosecution(None) is Status.PASSED  # approved, date not on the card: 45 days as before
    assert prosecution(D(2025, 3, 20)) is Status.PASSED  # approved within the month: 38 days ≤ 45
    assert prosecution(D(2025, 4, 8)) is Status.VIOLATION  # approved after it ended: 38 days > one month
