"""Rectification (整改) of each issued notice, to the end: 待整改 → 整改中 → 已整改, or 逾期.

review-rules.md §1 step 12 and §6: every notice issued from a determined opinion opens a rectification row
due on the notice's reply deadline (``open_for_notice``, called where notices are recorded). The written
rectification report that comes back is entered by 案管 (RECORD_REPLIES) with its attachments; a reviewer of
the case's panel re-checks it (RECHECK): passed → rectified; failed → back to pending with the reviewer's
note (and, optionally, a new deadline). Overdue is recorded by due.py. A notice superseded or withdrawn —
re-issued as a new version, or its determination voided — no longer counts; its row stays as history.

    reply_rectification(wb, rectification_id, text, *, received_on=None, attachments=())  "rectification.reply"
    recheck_rectification(wb, rectification_id, passed, note="", *, due_on=None)         "rectification.recheck"
    list_rectifications(wb, *, overdue_only=False, today=None) -> list[RectificationRow]  a read
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from reviewapp.domain.rectification import (
    RectificationRefused,
    RectificationStatus,
    RectificationStep,
    next_rectification_status,
)
from reviewapp.domain.review_status import ReviewEventKind, ReviewStatus
from reviewapp.domain.roles import Action
from reviewapp.errors import NotPermitted
from reviewapp.i18n import translate
from reviewapp.services.changes import Kind
from reviewapp.services.panel.files import members_of, move, opinion_for_case
from reviewapp.services.panel.labels import rectification_label
from reviewapp.services.panel.steps import ProcessError, handled_by, person_name, require_text, store_attachments
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Case, Notice, NoticeCase, Rectification

if TYPE_CHECKING:
    from reviewapp.services.accounts.current import CurrentUser

R = RectificationStatus
DEAD_NOTICE = ("superseded", "withdrawn")


@dataclass(frozen=True)
class RectificationRow:
    id: int
    notice_id: int
    number: str
    addressee: str
    issued_on: date
    due_on: date
    status: str
    status_label: str
    overdue: bool  # recorded overdue, or pending past its deadline and not yet recorded
    report_received_on: date | None
    overdue_on: date | None
    rechecked_on: date | None
    recheck_note: str
    cases: tuple[str, ...]  # 部门受案号
    prosecutors: tuple[str, ...]


def live_rectifications() -> Select[Rectification, Notice]:
    """Rectifications of current notices (not superseded, withdrawn, or replaced by a new version)."""
    return (
        select(Rectification, Notice)
        .join(Notice, Notice.id == Rectification.notice_id)
        .where(
            Rectification.deleted_at.is_(None),
            Notice.superseded_by_id.is_(None),
            Notice.status.not_in(DEAD_NOTICE),
        )
    )


def open_for_notice(o: Op, notice: Notice) -> Rectification:
    """The rectification of a newly recorded notice: pending, due on the notice's reply deadline."""
    row = Rectification(notice_id=notice.id, status=R.PENDING.value, due_on=notice.reply_deadline, attachments=[])
    o.session.add(o.stamp(row, new=True))
    return row


def cases_of(s: Session, notice_id: int) -> list[Case]:
    ids = s.scalars(select(NoticeCase.case_id).where(NoticeCase.notice_id == notice_id).order_by(NoticeCase.id))
    return [c for c in (s.get(Case, i) for i in dict.fromkeys(ids)) if c is not None]


def _load(s: Session, rectification_id: int) -> tuple[Rectification, Notice]:
    found = s.execute(live_rectifications().where(Rectification.id == rectification_id)).first()
    if found is None:
        raise ProcessError(
            translate("Process", "Rectification {id} does not exist or its notice no longer stands.").format(
                id=rectification_id
            )
        )
    return found[0], found[1]


def _step(row: Rectification, step: RectificationStep, number: str) -> str:
    try:
        return next_rectification_status(row.status, step).value
    except RectificationRefused:
        raise ProcessError(
            translate("Process", "The rectification of notice {number} is {status}; this step does not apply.").format(
                number=number, status=rectification_label(row.status)
            )
        ) from None


def _mark_opinions(o: Op, cases: Sequence[Case], text: str) -> None:
    """A RECTIFICATION event on each determined opinion the notice covers (the review's timeline)."""
    for case in cases:
        opinion = opinion_for_case(o.session, case.id)
        if opinion is not None and opinion.status == ReviewStatus.DETERMINED.value:
            move(o, opinion, ReviewEventKind.RECTIFICATION, text)


@mutation("rectification.reply", Action.RECORD_REPLIES)
def reply_rectification(
    o: Op,
    rectification_id: int,
    text: str,
    *,
    received_on: date | None = None,
    attachments: Sequence[str | Path] = (),
) -> str:
    """The written rectification report received (整改中); returns the new status."""
    s = o.session
    row, notice = _load(s, rectification_id)
    cases = cases_of(s, notice.id)
    for case in cases:
        o.require(Action.RECORD_REPLIES, unit_id=case.unit_id)
    report = require_text(text, translate("Process", "Write what the rectification report says."))
    day = received_on or date.today()
    if day < notice.issued_on:
        raise ProcessError(
            translate("Process", "The report is dated {day}, before notice {number} was issued.").format(
                day=day.isoformat(), number=notice.number
            )
        )
    old = row.status
    row.status = _step(row, RectificationStep.REPLY, notice.number)
    row.report_received_on = day
    row.report_text = report
    row.attachments = [*(row.attachments or []), *store_attachments(o, attachments)]
    o.stamp(row)
    notice.status, notice.replied_on = "replied", day
    o.stamp(notice)
    _mark_opinions(o, cases, f"整改报告已收到（{notice.number}）")
    o.touch(Kind.NOTICE, notice.id)
    o.audit(
        "rectification",
        row.id,
        case_id=cases[0].id if len(cases) == 1 else None,
        changes={"status": [old, row.status]},
        notice=notice.number,
        received_on=day,
    )
    return row.status


def panel_member_of(s: Session, user: CurrentUser, cases: Sequence[Case]) -> bool:
    if user.person_id is None:
        return False
    for case in cases:
        opinion = opinion_for_case(s, case.id)
        if opinion is not None and any(m.reviewer_id == user.person_id for m in members_of(s, opinion)):
            return True
    return False


@mutation("rectification.recheck", Action.RECHECK)
def recheck_rectification(
    o: Op, rectification_id: int, passed: bool, note: str = "", *, due_on: date | None = None
) -> str:
    """The re-check by a reviewer of the panel: passed → 已整改; failed → 待整改 with the note (and a new
    deadline when given). Returns the new status."""
    s = o.session
    row, notice = _load(s, rectification_id)
    cases = cases_of(s, notice.id)
    for case in cases:
        o.require(Action.RECHECK, unit_id=case.unit_id)
    if not panel_member_of(s, o.user, cases):
        raise NotPermitted(
            translate("Process", "Only a reviewer of the case's panel re-checks the rectification of {number}.").format(
                number=notice.number
            )
        )
    if not passed:
        note = require_text(note, translate("Process", "Write what is still to be rectified."))
    old = row.status
    row.status = _step(
        row, RectificationStep.RECHECK_PASSED if passed else RectificationStep.RECHECK_FAILED, notice.number
    )
    row.rechecked_by_id = o.user.account_id
    row.rechecked_on = date.today()
    row.recheck_passed = passed
    row.recheck_note = note.strip()
    if not passed and due_on is not None:
        row.due_on, row.overdue_on = due_on, None
    o.stamp(row)
    _mark_opinions(o, cases, f"整改复查{'通过' if passed else '未通过'}（{notice.number}）")
    o.touch(Kind.NOTICE, notice.id)
    o.audit(
        "rectification",
        row.id,
        case_id=cases[0].id if len(cases) == 1 else None,
        changes={"status": [old, row.status]},
        notice=notice.number,
        passed=passed,
        note=row.recheck_note,
    )
    return row.status


# --- reading -----------------------------------------------------------------------------------------------


def _visible(wb: Workbench, s: Session, cases: Sequence[Case]) -> bool:
    for case in cases:
        for action in (Action.ISSUE_NOTICES, Action.RECORD_REPLIES, Action.READ_REVIEWS):
            if wb.permissions.allows(wb.user, action, unit_id=case.unit_id):
                return True
        if handled_by(s, wb.user, case):
            return True
    return panel_member_of(s, wb.user, cases)


def is_overdue(row: Rectification, today: date) -> bool:
    return row.status == R.OVERDUE.value or (row.status == R.PENDING.value and row.due_on < today)


def rows_in(wb: Workbench, s: Session, today: date) -> list[RectificationRow]:
    out = []
    for row, notice in s.execute(live_rectifications().order_by(Rectification.due_on, Rectification.id)):
        cases = cases_of(s, notice.id)
        if not _visible(wb, s, cases):
            continue
        out.append(
            RectificationRow(
                row.id,
                notice.id,
                notice.number,
                notice.addressee,
                notice.issued_on,
                row.due_on,
                row.status,
                rectification_label(row.status),
                is_overdue(row, today),
                row.report_received_on,
                row.overdue_on,
                row.rechecked_on,
                row.recheck_note,
                tuple(c.dept_case_no for c in cases),
                tuple(dict.fromkeys(person_name(s, c.prosecutor_id) for c in cases)),
            )
        )
    return out


def list_rectifications(
    wb: Workbench, *, overdue_only: bool = False, today: date | None = None
) -> list[RectificationRow]:
    """The rectifications the signed-in user may see (their scope, their own cases, their panels), by
    deadline; ``overdue_only``: recorded overdue or pending past the deadline."""
    if wb.user.account_id is None:
        raise NotPermitted(translate("Process", "Log in first."))
    day = today or date.today()
    with wb.db.session() as s:
        rows = rows_in(wb, s, day)
    return [r for r in rows if r.overdue] if overdue_only else rows


def rectification_for_notice(wb: Workbench, number: str) -> int:
    """The rectification id of the current version of the notice with this document number."""
    with wb.db.session() as s:
        found = s.scalar(
            live_rectifications().with_only_columns(Rectification.id).where(Notice.number == number.strip())
        )
    if found is None:
        raise ProcessError(
            translate("Process", "No current notice numbered {number} is being rectified.").format(number=number)
        )
    return int(found)
