"""Determination (审定): who may determine which grade — tried through every service and CLI command as each
role, all refused with a plain message — the SHA-256 signature, the lock, and reopening by the chief."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from reviewapp.domain.review_status import ReviewStatus
from reviewapp.errors import KnownError, NotPermitted
from reviewapp.services.panel import determination as det
from reviewapp.services.panel import feedback
from reviewapp.services.panel.opinion import finalise_opinion
from reviewapp.services.panel.steps import ProcessError
from reviewapp.services.reviews.commands import reopen_review
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import AuditEntry, Review
from tests.accounts_fixtures import login_for
from tests.core.cli_fixtures import FAST_HASHER
from tests.core.plans_fixtures import ADMIN
from tests.core.process_fixtures import CASE_HEAD, CHIEF, DEPUTY, HANDLER, LEAD, ROLE_ACCOUNTS, make_process_db
from tests.core.reviews_fixtures import act_as
from tests.db_target import Target, copy_database


@dataclass(frozen=True)
class Built:
    target: Target
    chief_case: int  # 基本合格, accepted by the prosecutor: the chief's to determine
    qualified_case: int  # 合格: the deputy chief's (or the chief's)
    member: str
    member_review: int


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    with pytest.MonkeyPatch.context() as mp:
        p = make_process_db(tmp_path_factory.mktemp("determination"), mp)
        formed = p.form_opinion({"E1": ("瑕", "扣押清单未附照片")})
        p.act_as(HANDLER)
        finding = feedback.feedback_sheet(p.wb, formed.id).findings[0].id
        assert feedback.answer_feedback(p.wb, formed.id, [feedback.Answer(finding, True)]) == "accepted"
        other = p.other_case()
        assert p.form_opinion({}, other).final_grade == "合格"
        assert p.review_id is not None
        b = Built(p.target, p.case_id, other, p.member, p.review_id)
        p.close()
    yield b


@pytest.fixture
def wb(built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workbench]:
    from reviewapp.services.accounts import passwords

    monkeypatch.setattr(passwords, "_hasher", FAST_HASHER)
    w = Workbench.open(copy_database(built.target, tmp_path, "plans.sqlite3"))
    yield w
    w.close()


def everyone(built: Built) -> list[str]:
    return [*ROLE_ACCOUNTS, HANDLER, built.member, ADMIN]


def opinion_of(wb: Workbench, case_id: int) -> Review:
    with wb.db.session() as s:
        row = s.scalars(select(Review).where(Review.case_id == case_id, Review.kind == "opinion")).one()
        s.expunge(row)
        return row


def audit_count(wb: Workbench) -> int:
    with wb.db.session() as s:
        return s.scalar(select(func.count(AuditEntry.seq))) or 0


def plain(message: str) -> None:
    assert message.strip() and "Traceback" not in message and "Action." not in message and "<" not in message


def refused(wb: Workbench, who: str, attempt: Callable[[], Any], error: type[Exception] = NotPermitted) -> None:
    act_as(wb, login_for(who))
    before = audit_count(wb)
    with pytest.raises(error) as caught:
        attempt()
    plain(str(caught.value))
    assert audit_count(wb) == before, f"{who}: nothing may be written"


def test_only_the_chief_determines_a_grade_other_than_qualified(wb: Workbench, built: Built) -> None:
    opinion = opinion_of(wb, built.chief_case).id
    allowed = {CHIEF, ADMIN}  # the administrator of the fixture holds every role, 检察长 among them
    for who in everyone(built):
        if who in allowed:
            continue
        refused(wb, who, lambda: det.determine_opinion(wb, opinion))
        for body in det.BODIES:
            meeting = dt.date(2026, 11, 30) if body == det.COMMITTEE else None
            refused(
                wb,
                who,
                lambda b=body, m=meeting: det.determine_opinion(wb, opinion, body=b, meeting_on=m, decision="同意"),
            )
    assert opinion_of(wb, built.chief_case).status == ReviewStatus.AWAITING_DETERMINATION.value
    act_as(wb, login_for(CHIEF))
    sha = det.determine_opinion(wb, opinion)
    row = opinion_of(wb, built.chief_case)
    assert row.status == ReviewStatus.DETERMINED.value
    assert (row.determination_body, row.opinion_sha256, len(sha)) == ("检察长", sha, 64)


def test_a_qualified_grade_is_determined_by_the_deputy_chief_or_the_chief(wb: Workbench, built: Built) -> None:
    opinion = opinion_of(wb, built.qualified_case).id
    for who in everyone(built):
        if who not in {DEPUTY, CHIEF, ADMIN}:
            refused(wb, who, lambda: det.determine_opinion(wb, opinion))
    # The deputy may not sign as the chief or the committee.
    refused(wb, DEPUTY, lambda: det.determine_opinion(wb, opinion, body="检察长"))
    refused(
        wb,
        DEPUTY,
        lambda: det.determine_opinion(
            wb, opinion, body="检察委员会", meeting_on=dt.date(2026, 11, 30), decision="同意"
        ),
    )
    act_as(wb, login_for(DEPUTY))
    det.determine_opinion(wb, opinion)
    assert opinion_of(wb, built.qualified_case).determination_body == "分管副检察长"


def test_the_committee_records_its_meeting_and_decision(wb: Workbench, built: Built) -> None:
    opinion = opinion_of(wb, built.chief_case).id
    act_as(wb, login_for(CHIEF))
    with pytest.raises(ProcessError):
        det.determine_opinion(wb, opinion, body="检察委员会", meeting_on=dt.date(2026, 11, 30))  # no decision
    with pytest.raises(ProcessError):
        det.determine_opinion(wb, opinion, body="检察委员会", decision="同意")  # no meeting date
    det.determine_opinion(wb, opinion, meeting_on=dt.date(2026, 11, 30), decision="经检委会讨论，同意评定为基本合格")
    row = opinion_of(wb, built.chief_case)
    assert (row.determination_body, row.committee_meeting_on) == ("检察委员会", dt.date(2026, 11, 30))


def test_the_signature_is_the_sha256_of_the_content_and_detects_a_change(wb: Workbench, built: Built) -> None:
    opinion = opinion_of(wb, built.chief_case).id
    act_as(wb, login_for(CHIEF))
    sha = det.determine_opinion(wb, opinion)
    with wb.db.session() as s:
        row = s.get(Review, opinion)
        assert row is not None
        content = det.signature_content(s, row)
        assert det.opinion_signature(s, row) == sha and det.signature_matches(s, row)
    assert content["grade"] == "基本合格" and content["determination"]["body"] == "检察长"
    assert [f["item"] for f in content["findings"]] == ["E1"]
    assert det.verify_determination(wb, opinion)
    with wb.db.unchecked_session() as s:  # someone edits the stored finding behind the app's back
        s.execute(text("UPDATE findings SET reason = '改过' WHERE review_id = :id"), {"id": opinion})
    assert not det.verify_determination(wb, opinion)


def test_a_determined_review_is_locked_for_every_role_and_service(wb: Workbench, built: Built) -> None:
    opinion = opinion_of(wb, built.chief_case).id
    act_as(wb, login_for(CHIEF))
    det.determine_opinion(wb, opinion)
    attempts: list[Callable[[], Any]] = [
        lambda: det.determine_opinion(wb, opinion),
        lambda: feedback.answer_feedback(wb, opinion, [], channel="form", answered_on=dt.date(2026, 12, 1)),
        lambda: finalise_opinion(wb, opinion),
        lambda: reopen_review(wb, built.member_review, "再看看"),
    ]
    for who in everyone(built):
        for attempt in attempts:
            refused(wb, who, attempt, KnownError)
        if who not in {CHIEF, ADMIN}:
            refused(wb, who, lambda: det.reopen_determined(wb, opinion, "发现新证据"))
    assert opinion_of(wb, built.chief_case).status == ReviewStatus.DETERMINED.value


def test_reopening_voids_the_determination_and_supersedes_its_notices(
    wb: Workbench, built: Built, tmp_path: Path
) -> None:
    from reviewapp.services.panel.rectification import list_rectifications
    from reviewapp.services.results.notices import issue_notices

    opinion = opinion_of(wb, built.chief_case).id
    act_as(wb, login_for(CHIEF))
    det.determine_opinion(wb, opinion)
    act_as(wb, login_for(CASE_HEAD))
    [notice] = issue_notices(wb, [built.chief_case], out_dir=tmp_path / "notices")
    assert [r.number for r in list_rectifications(wb)] == [notice.number]
    act_as(wb, login_for(CHIEF))
    with pytest.raises(ProcessError):
        det.reopen_determined(wb, opinion, "  ")
    assert det.reopen_determined(wb, opinion, "检察长发现认定有误") == [notice.number]
    row = opinion_of(wb, built.chief_case)
    assert row.status == ReviewStatus.RECONCILING.value
    assert (row.opinion_sha256, row.determined_by_id, row.determination_body) == ("", None, None)
    with wb.db.session() as s:
        assert s.scalar(text("SELECT status FROM notices WHERE id = :id"), {"id": notice.notice_id}) == "superseded"
    act_as(wb, login_for(CASE_HEAD))
    assert list_rectifications(wb) == []  # a superseded notice is no longer followed
    act_as(wb, login_for(LEAD))
    assert finalise_opinion(wb, opinion) == ReviewStatus.AWAITING_FEEDBACK.value  # heard again


@pytest.mark.parametrize("reopen", [False, True])
def test_determine_on_the_command_line_as_each_role(
    wb: Workbench, built: Built, monkeypatch: pytest.MonkeyPatch, reopen: bool
) -> None:
    from tests.accounts_fixtures import PASSWORD
    from tests.core.cli_fixtures import CliRunner

    with wb.db.session() as s:
        case_no = s.scalar(text("SELECT dept_case_no FROM cases WHERE id = :id"), {"id": built.chief_case})
    url = wb.db.url
    if reopen:
        act_as(wb, login_for(CHIEF))
        det.determine_opinion(wb, opinion_of(wb, built.chief_case).id)
    wb.close()
    cli = CliRunner(url, monkeypatch)
    extra = ["--reopen", "认定有误"] if reopen else []
    for who in everyone(built):
        if who in {CHIEF, ADMIN}:
            continue
        r = cli("determine", case_no, *extra, user=login_for(who), password=PASSWORD)
        assert r.code == 2, (who, r.err)
        assert r.err.startswith("错误：") and "Traceback" not in r.err and r.out == ""
    r = cli("determine", case_no, *extra, "--json", user=login_for(CHIEF), password=PASSWORD)
    assert r.code == 0, r.err
    assert ("superseded_notices" in r.json()) if reopen else (len(r.json()["sha256"]) == 64)
