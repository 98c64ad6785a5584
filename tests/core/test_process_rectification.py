"""Rectification to the end: each notice issued from a determined opinion is followed 待整改 → 整改中 → 已整改
(re-check by a reviewer of the panel) or 逾期; reminders for the people responsible; 回头看."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.domain.review_status import ReviewEventKind
from reviewapp.errors import NotPermitted
from reviewapp.services.panel import feedback
from reviewapp.services.panel.determination import determine_opinion
from reviewapp.services.panel.due import process_due
from reviewapp.services.panel.lookback import lookback_flags
from reviewapp.services.panel.rectification import (
    list_rectifications,
    recheck_rectification,
    rectification_for_notice,
    reply_rectification,
)
from reviewapp.services.panel.reminders import reminders_for
from reviewapp.services.panel.steps import ProcessError
from reviewapp.services.results.notices import issue_notices
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Person, Rectification, ReviewEvent
from tests.accounts_fixtures import PASSWORD, login_for
from tests.core.pdf_probe import page_texts, squash
from tests.core.plans_fixtures import ADMIN
from tests.core.process_fixtures import (
    CASE_HEAD,
    CASE_NO,
    CHIEF,
    HANDLER,
    LEAD,
    REVIEW_ADMIN,
    ROLE_ACCOUNTS,
    ProcessDb,
    make_process_db,
)
from tests.core.reviews_fixtures import act_as
from tests.core.test_process_determination import audit_count, plain
from tests.db_target import Target, copy_database

ISSUED = dt.date(2026, 12, 1)


@dataclass(frozen=True)
class Built:
    target: Target
    folder: Path
    opinion_id: int
    notice: str
    due_on: dt.date
    member: str


def determined(p: ProcessDb, findings: dict[str, tuple[str, str]], case_id: int | None = None) -> int:
    formed = p.form_opinion(findings, case_id)
    p.act_as(HANDLER if case_id is None else ADMIN)
    sheet = feedback.feedback_sheet(p.wb, formed.id)
    answers = [feedback.Answer(f.id, True) for f in sheet.findings]
    feedback.answer_feedback(
        p.wb, formed.id, answers, channel="app" if case_id is None else "form", answered_on=dt.date.today()
    )
    p.act_as(CHIEF)
    determine_opinion(p.wb, formed.id)
    return formed.id


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    folder = tmp_path_factory.mktemp("rectification")
    with pytest.MonkeyPatch.context() as mp:
        p = make_process_db(folder, mp)
        # Determined on 30 November (UTC, stored naive), so the notice dated ISSUED follows it.
        mp.setattr("reviewapp.services.panel.determination.utcnow", lambda: dt.datetime(2026, 11, 30, 2, 0))
        opinion = determined(p, {"E1": ("瑕", "扣押清单未附照片")})
        p.act_as(CASE_HEAD)
        [notice] = issue_notices(p.wb, [p.case_id], out_dir=folder / "notices", issued_on=ISSUED)
        b = Built(p.target, folder, opinion, notice.number, notice.reply_deadline, p.member)
        p.close()
    yield b


@pytest.fixture
def wb(built: Built, tmp_path: Path) -> Iterator[Workbench]:
    w = Workbench.open(copy_database(built.target, tmp_path, "plans.sqlite3"))
    yield w
    w.close()


def test_every_notice_is_followed_from_pending(wb: Workbench, built: Built) -> None:
    act_as(wb, login_for(CASE_HEAD))
    [row] = list_rectifications(wb, today=ISSUED)
    assert (row.number, row.status, row.due_on, row.overdue) == (built.notice, "pending", built.due_on, False)
    assert row.cases == (CASE_NO,) and row.prosecutors == (HANDLER,)
    for who in (HANDLER, built.member):  # their case, their panel
        act_as(wb, login_for(who))
        assert [r.number for r in list_rectifications(wb)] == [built.notice]
    act_as(wb, login_for("检察官乙"))  # a prosecutor of other cases
    assert list_rectifications(wb) == []


def test_report_then_recheck_failed_then_passed(wb: Workbench, built: Built, tmp_path: Path) -> None:
    rid = rectification_for_notice(wb, built.notice)
    report = tmp_path / "整改报告.pdf"
    report.write_bytes(b"%PDF-1.4 report")
    for who in [*ROLE_ACCOUNTS, HANDLER, built.member]:
        if who not in {REVIEW_ADMIN, CASE_HEAD}:
            act_as(wb, login_for(who))
            before = audit_count(wb)
            with pytest.raises(NotPermitted) as caught:
                reply_rectification(wb, rid, "已整改")
            plain(str(caught.value))
            assert audit_count(wb) == before
    act_as(wb, login_for(REVIEW_ADMIN))
    with pytest.raises(ProcessError):
        reply_rectification(wb, rid, " ")
    assert reply_rectification(wb, rid, "已补附照片", received_on=dt.date(2026, 12, 7), attachments=[report]) == (
        "in_progress"
    )
    # The re-check is a reviewer's of the case's panel: not the panel lead of another panel, not the chief.
    for who in (LEAD, CHIEF, CASE_HEAD, "评查乙"):
        act_as(wb, login_for(who))
        with pytest.raises(NotPermitted):
            recheck_rectification(wb, rid, True)
    act_as(wb, login_for(built.member))
    assert [r.kind for r in reminders_for(wb, dt.date(2026, 12, 8))] == ["recheck"]
    with pytest.raises(ProcessError):
        recheck_rectification(wb, rid, False)  # a failed re-check says what is still to do
    assert recheck_rectification(wb, rid, False, "照片仍缺两张", due_on=dt.date(2026, 12, 18)) == "pending"
    act_as(wb, login_for(CASE_HEAD))
    assert reply_rectification(wb, rid, "补齐照片", received_on=dt.date(2026, 12, 15)) == "in_progress"
    act_as(wb, login_for(built.member))
    assert recheck_rectification(wb, rid, True) == "rectified"
    with pytest.raises(ProcessError):
        recheck_rectification(wb, rid, True)  # nothing left to re-check
    with wb.db.session() as s:
        row = s.get(Rectification, rid)
        assert row is not None
        assert (row.status, row.recheck_passed, row.due_on) == ("rectified", True, dt.date(2026, 12, 18))
        assert row.attachments[0]["name"] == "整改报告.pdf"
        steps = list(
            s.scalars(
                select(ReviewEvent.reason).where(
                    ReviewEvent.review_id == built.opinion_id, ReviewEvent.kind == ReviewEventKind.RECTIFICATION.value
                )
            )
        )
    assert len(steps) == 4 and "整改复查通过" in steps[-1]


def test_no_report_by_the_deadline_is_overdue(wb: Workbench, built: Built) -> None:
    act_as(wb, login_for(HANDLER))
    day = built.due_on + dt.timedelta(days=1)
    assert [r.kind for r in reminders_for(wb, built.due_on)] == ["rectification"]
    assert not reminders_for(wb, built.due_on)[0].overdue
    assert process_due(wb, built.due_on).empty
    result = process_due(wb, day)
    assert [(i.number, i.on) for i in result.overdue] == [(built.notice, built.due_on)]
    act_as(wb, login_for(CASE_HEAD))
    [row] = list_rectifications(wb, overdue_only=True, today=day)
    assert (row.status, row.overdue_on) == ("overdue", built.due_on)
    assert reminders_for(wb, day)[0].overdue
    assert process_due(wb, day + dt.timedelta(days=5)).empty  # recorded once
    rid = rectification_for_notice(wb, built.notice)
    assert reply_rectification(wb, rid, "逾期后报送整改报告", received_on=day) == "in_progress"  # a late report counts
    assert list_rectifications(wb, overdue_only=True, today=day) == []


def test_lookback_flags_a_problem_noticed_to_the_same_prosecutor_before(
    wb: Workbench, built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with wb.db.session() as s:
        handler = s.scalars(select(Person.id).where(Person.name == HANDLER)).first()
        other = s.scalars(
            select(Case.id).where(Case.prosecutor_id == handler, Case.dept_case_no != CASE_NO).order_by(Case.id)
        ).first()
    assert other is not None
    act_as(wb, login_for(built.member))
    from reviewapp.services.reviews.commands import open_review, submit_review
    from reviewapp.services.reviews.findings import record_finding

    review = open_review(wb, other).id
    record_finding(wb, review, "E1", "瑕", "又一次未附照片")
    record_finding(wb, review, "D5", "瑕", "落款日期遗漏")
    submit_review(wb, review)
    from reviewapp.services.panel.files import opinion_for_case

    with wb.db.session() as s:
        new = opinion_for_case(s, other)
        assert new is not None
        new_id = new.id
    act_as(wb, login_for(CASE_HEAD))
    [flag] = lookback_flags(wb, new_id, today=dt.date(2026, 12, 20))
    assert (flag.prosecutor, flag.item_code, flag.earlier_notice, flag.earlier_case) == (
        HANDLER,
        "E1",
        built.notice,
        CASE_NO,
    )
    assert lookback_flags(wb, new_id, today=dt.date(2028, 1, 1)) == []  # beyond the 12 months looked back
    # The case review report says so in part 六 (其他).
    from reviewapp.services.results import reports

    class _Day(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return dt.date(2026, 12, 20)

    monkeypatch.setattr(reports, "date", _Day)
    path = reports.case_report(wb, other, tmp_path / "报告.pdf")
    text = squash("".join(page_texts(path)))
    assert squash(f"回头看：承办人{HANDLER}在案件{CASE_NO}中已因E1项问题收到整改通知书") in text
    act_as(wb, login_for("检察官乙"))
    with pytest.raises(NotPermitted):
        lookback_flags(wb, new_id)


def test_rectification_commands(wb: Workbench, built: Built, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.core.cli_fixtures import CliRunner

    url = wb.db.url
    wb.close()
    cli = CliRunner(url, monkeypatch)

    def run(who: str, *argv: str) -> tuple[int, str, str]:
        r = cli(*argv, user=login_for(who), password=PASSWORD)
        return r.code, r.out, r.err

    code, _, err = run(HANDLER, "rectification", "reply", built.notice, "--text", "已整改")
    assert code == 2 and err.startswith("错误：")
    code, _, err = run(CASE_HEAD, "rectification", "reply", "京朝检案管整改〔2026〕99号", "--text", "已整改")
    assert code == 1 and "99" in err
    code, out, err = run(CASE_HEAD, "rectification", "reply", built.notice, "--text", "已整改", "--date", "2026-12-07")
    assert code == 0 and "整改中" in out, err
    code, _, err = run(built.member, "rectification", "recheck", built.notice, "--passed")
    assert code == 0, err
    code, out, err = run(CASE_HEAD, "rectification", "list", "--json")
    assert code == 0, err
    import json

    assert [(r["notice"], r["status"]) for r in json.loads(out)["rectifications"]] == [(built.notice, "rectified")]
    code, out, _ = run(CASE_HEAD, "rectification", "list", "--overdue", "--today", "2027-06-01", "--json")
    assert json.loads(out)["rectifications"] == []
