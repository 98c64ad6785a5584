"""No feedback within the period: "无异议（无反馈意见）" is recorded on exactly the day the period ended — here
across 国庆节 2026 — on the next start and with ``process-due [--today DATE]``; idempotent; a run with nothing
due writes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewapp.domain.review_status import ReviewEventKind, ReviewStatus
from reviewapp.legal.local_time import local_date
from reviewapp.services.panel import feedback, opinion
from reviewapp.services.panel.due import NO_FEEDBACK_TEXT, process_due
from reviewapp.services.panel.feedback import Answer
from reviewapp.services.panel.steps import ProcessError
from reviewapp.storage.models import AuditEntry, ReviewEvent
from tests.core.process_fixtures import CASE_HEAD, HANDLER, ProcessDb, make_process_db

SENT = dt.date(2026, 9, 29)  # Tuesday before 国庆节 (10-01 … 10-07 off; Saturday 10-10 worked)
# Five working days after 09-29: 09-30, 10-08, 10-09, 10-10 (调休), 10-12 (Sunday 10-11 off).
LAST_DAY = dt.date(2026, 10, 12)


def _fixed(day: dt.date) -> type[dt.date]:
    class Day(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return day

    return Day


@pytest.fixture
def sent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ProcessDb]:
    """An opinion graded 基本合格 sent to the prosecutor on 2026-09-29 (the real formation path, its day fixed)."""
    p = make_process_db(tmp_path, monkeypatch)
    with monkeypatch.context() as m:
        m.setattr(opinion, "date", _fixed(SENT))
        formed = p.form_opinion({"E1": ("瑕", "讯问笔录未附同步录音录像说明")})
    assert formed.status == ReviewStatus.AWAITING_FEEDBACK.value
    yield p
    p.close()


def _audit_count(p: ProcessDb) -> int:
    with p.wb.db.session() as s:
        return s.scalar(select(func.count(AuditEntry.seq))) or 0


def test_the_period_ends_on_the_fifth_working_day_after_the_holiday(sent: ProcessDb) -> None:
    o = sent.opinion()
    assert (o.feedback_sent_on, o.feedback_due_on) == (SENT, LAST_DAY)


def test_no_feedback_is_recorded_on_the_day_the_period_ended(sent: ProcessDb) -> None:
    p = sent
    p.act_as(CASE_HEAD)
    before = _audit_count(p)
    assert process_due(p.wb, LAST_DAY).empty  # the last day itself is still within the period
    assert _audit_count(p) == before, "nothing due: nothing written, not even an audit entry"
    result = process_due(p.wb, LAST_DAY + dt.timedelta(days=1))
    o = p.opinion()
    assert [(i.id, i.on) for i in result.no_feedback] == [(o.id, LAST_DAY)]
    assert o.status == ReviewStatus.AWAITING_DETERMINATION.value
    assert (o.feedback_outcome, o.feedback_closed_on) == ("no_feedback", LAST_DAY)
    with p.wb.db.session() as s:
        event = s.scalars(
            select(ReviewEvent).where(
                ReviewEvent.review_id == o.id, ReviewEvent.kind == ReviewEventKind.NO_FEEDBACK.value
            )
        ).one()
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert event.reason == NO_FEEDBACK_TEXT
    assert local_date(event.at) == LAST_DAY  # dated the day the period ended, not the day it was noticed
    assert (event.from_status, event.to_status) == ("awaiting_feedback", "awaiting_determination")
    assert entry.action == "process.due" and entry.detail["no_feedback"][0]["closed_on"] == "2026-10-12"
    # Idempotent: a second run, weeks later, finds nothing and writes nothing.
    after = _audit_count(p)
    assert process_due(p.wb, dt.date(2026, 11, 30)).empty
    assert _audit_count(p) == after


def test_an_answer_on_the_last_day_counts_and_the_day_after_is_too_late(
    sent: ProcessDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = sent
    finding = feedback_finding(p)
    p.act_as(HANDLER)
    monkeypatch.setattr(feedback, "date", _fixed(LAST_DAY + dt.timedelta(days=1)))
    with pytest.raises(ProcessError, match="2026-10-12"):
        feedback.answer_feedback(p.wb, p.opinion().id, [Answer(finding, True)])
    monkeypatch.setattr(feedback, "date", _fixed(LAST_DAY))
    assert feedback.answer_feedback(p.wb, p.opinion().id, [Answer(finding, True)]) == "accepted"
    assert p.opinion().feedback_closed_on == LAST_DAY
    p.act_as(CASE_HEAD)
    assert process_due(p.wb, dt.date(2026, 10, 20)).empty  # answered: nothing left to record


def feedback_finding(p: ProcessDb) -> int:
    p.act_as(CASE_HEAD)
    return feedback.feedback_sheet(p.wb, p.opinion().id).findings[0].id


def test_process_due_on_the_command_line(sent: ProcessDb, monkeypatch: pytest.MonkeyPatch) -> None:
    r = sent.cli(monkeypatch, "process-due", "--today", "2026-10-12", "--json", user=HANDLER)
    assert r.code == 0, r.err
    assert r.json()["no_feedback"] == [] and r.json()["changes"] is None
    r = sent.cli(monkeypatch, "process-due", "--today", "2026-10-13", "--json", user=HANDLER)
    assert r.code == 0, r.err
    assert [x["closed_on"] for x in r.json()["no_feedback"]] == ["2026-10-12"]
    r = sent.cli(monkeypatch, "process-due", "--today", "2026-10-14", user=HANDLER)
    assert r.code == 0 and r.out.strip() != ""
    assert sent.opinion().status == ReviewStatus.AWAITING_DETERMINATION.value


def test_process_due_needs_someone_signed_in(sent: ProcessDb) -> None:
    from reviewapp.errors import NotPermitted
    from reviewapp.services.accounts.current import ANONYMOUS

    sent.wb.user = ANONYMOUS
    with pytest.raises(NotPermitted):
        process_due(sent.wb, dt.date(2026, 10, 13))
    assert sent.opinion().status == ReviewStatus.AWAITING_FEEDBACK.value


def test_the_prosecutor_is_reminded_of_the_answer_due(sent: ProcessDb) -> None:
    from reviewapp.services.panel.reminders import reminders_for

    sent.act_as(HANDLER)
    [reminder] = reminders_for(sent.wb, dt.date(2026, 10, 9))
    assert (reminder.kind, reminder.due_on, reminder.overdue) == ("feedback", LAST_DAY, False)
    assert "2026-10-12" in reminder.text
    sent.act_as(CASE_HEAD)  # not theirs to answer
    assert [r.kind for r in reminders_for(sent.wb, dt.date(2026, 10, 9))] == []
