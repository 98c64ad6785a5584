"""Recording what fell due: the feedback period that ended without an answer, and rectifications whose
deadline passed without a report.

review-rules.md §1 step 8: with no feedback when the period ends, the opinion records
"无异议（无反馈意见）" — dated the day the period ended, not the day someone noticed — and goes on to
determination. §1 step 12 / §6: a rectification pending past its deadline is 逾期, dated its deadline. Run at
every app start (for anyone signed in: the dates come from the periods, not from who starts the app) and by
``process-due [--today DATE]``. Idempotent: what is recorded is no longer due, and a run with nothing due
writes nothing, not even an audit entry.

    process_due(wb, today=None) -> DueResult      "process.due" (only when something is due)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.rectification import RectificationStatus, RectificationStep, next_rectification_status
from reviewapp.domain.review_status import ReviewEventKind, ReviewKind, ReviewStatus, next_status
from reviewapp.domain.roles import Action
from reviewapp.services.accounts.permissions import refusal
from reviewapp.services.changes import Kind
from reviewapp.services.panel.rectification import live_rectifications
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Rectification, Review, ReviewEvent

NO_FEEDBACK_TEXT = "无异议（无反馈意见）"


@dataclass(frozen=True)
class DueItem:
    id: int  # the opinion or the rectification
    number: str  # 评查受案号 or notice number
    on: dt.date  # the day recorded: the end of the period / the deadline


@dataclass(frozen=True)
class DueResult:
    today: dt.date
    no_feedback: tuple[DueItem, ...] = field(default_factory=tuple)
    overdue: tuple[DueItem, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return not self.no_feedback and not self.overdue

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "no_feedback": [{"id": i.id, "number": i.number, "closed_on": i.on.isoformat()} for i in self.no_feedback],
            "overdue": [{"id": i.id, "number": i.number, "overdue_on": i.on.isoformat()} for i in self.overdue],
        }


def _due_opinions(s: Session, today: dt.date) -> list[Review]:
    return list(
        s.scalars(
            select(Review)
            .where(
                Review.kind == ReviewKind.OPINION.value,
                Review.deleted_at.is_(None),
                Review.status == ReviewStatus.AWAITING_FEEDBACK.value,
                Review.feedback_due_on.is_not(None),
                Review.feedback_due_on < today,
            )
            .order_by(Review.feedback_due_on, Review.id)
        )
    )


def _due_rectifications(s: Session, today: dt.date) -> list[Any]:
    return list(
        s.execute(
            live_rectifications()
            .where(Rectification.status == RectificationStatus.PENDING.value, Rectification.due_on < today)
            .order_by(Rectification.due_on, Rectification.id)
        )
    )


def end_of_day(day: dt.date) -> dt.datetime:
    """The last second of ``day`` on the local clock, stored as naive UTC like every stored time, so the
    event reads as that day (legal.local_time)."""
    return dt.datetime.combine(day, dt.time(23, 59, 59)).astimezone(dt.UTC).replace(tzinfo=None)


def process_due(wb: Workbench, today: dt.date | None = None) -> DueResult:
    """Record everything due before ``today`` (default: today); nothing is written when nothing is due."""
    if wb.user.account_id is None:
        raise refusal(wb.user, Action.PROCESS_DUE)
    day = today or dt.date.today()
    with wb.db.session() as s:
        nothing = not _due_opinions(s, day) and not _due_rectifications(s, day)
    if nothing:
        return DueResult(day)
    return _record_due(wb, day)


@mutation("process.due", Action.PROCESS_DUE)
def _record_due(o: Op, today: dt.date) -> DueResult:
    # Not narrowed to the user's scope: what fell due is fixed by the periods, and recording it must not
    # wait for someone of the right unit to start the app.
    s = o.session
    no_feedback = []
    for opinion in _due_opinions(s, today):
        due = opinion.feedback_due_on
        assert due is not None
        old = opinion.status
        opinion.status = next_status(old, ReviewEventKind.NO_FEEDBACK).value
        opinion.feedback_outcome = "no_feedback"
        opinion.feedback_closed_on = due
        o.stamp(opinion)
        s.add(
            ReviewEvent(
                review_id=opinion.id,
                actor_id=o.user.account_id,
                at=end_of_day(due),
                kind=ReviewEventKind.NO_FEEDBACK.value,
                from_status=old,
                to_status=opinion.status,
                reason=NO_FEEDBACK_TEXT,
            )
        )
        o.touch(Kind.REVIEW, opinion.id)
        no_feedback.append(DueItem(opinion.id, opinion.file_no or "", due))
    overdue = []
    for row, notice in _due_rectifications(s, today):
        row.status = next_rectification_status(row.status, RectificationStep.OVERDUE).value
        row.overdue_on = row.due_on
        o.stamp(row)
        o.touch(Kind.NOTICE, notice.id)
        overdue.append(DueItem(row.id, notice.number, row.due_on))
    result = DueResult(today, tuple(no_feedback), tuple(overdue))
    o.audit("process", None, **result.to_json())
    return result
