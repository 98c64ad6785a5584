"""What is due or overdue for the signed-in user, shown at start (review-rules.md §1 steps 8 and 12):

- the handling prosecutor: opinions on their cases awaiting their answer, and the rectifications of notices
  on their cases still to be reported;
- 案管 (RECORD_REPLIES in the case's unit): rectifications pending or overdue;
- a reviewer of the case's panel (RECHECK): rectification reports received and waiting for the re-check.

    reminders_for(wb, today=None) -> list[Reminder]        a read, most urgent first
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from reviewapp.domain.rectification import RectificationStatus
from reviewapp.domain.review_status import ReviewKind, ReviewStatus
from reviewapp.domain.roles import Action
from reviewapp.i18n import translate
from reviewapp.services.panel.rectification import cases_of, is_overdue, live_rectifications, panel_member_of
from reviewapp.services.panel.steps import handled_by
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Review

R = RectificationStatus


@dataclass(frozen=True)
class Reminder:
    kind: str  # feedback | rectification | recheck
    text: str
    due_on: date | None
    overdue: bool
    opinion_id: int | None = None
    rectification_id: int | None = None


def reminders_for(wb: Workbench, today: date | None = None) -> list[Reminder]:
    day = today or date.today()
    user = wb.user
    out: list[Reminder] = []
    if user.account_id is None:
        return out
    with wb.db.session() as s:
        waiting = s.execute(
            select(Review, Case)
            .join(Case, Case.id == Review.case_id)
            .where(
                Review.kind == ReviewKind.OPINION.value,
                Review.deleted_at.is_(None),
                Review.status == ReviewStatus.AWAITING_FEEDBACK.value,
            )
        )
        for opinion, case in waiting:
            if handled_by(s, user, case):
                due = opinion.feedback_due_on
                text = translate("Reminders", "Answer the review opinion {number} on case {case} by {due}.")
                out.append(
                    Reminder(
                        "feedback",
                        text.format(number=opinion.file_no, case=case.dept_case_no, due=due.isoformat() if due else ""),
                        due,
                        due is not None and due < day,
                        opinion_id=opinion.id,
                    )
                )
        for row, notice in s.execute(live_rectifications()):
            cases = cases_of(s, notice.id)
            late = is_overdue(row, day)
            if row.status in (R.PENDING.value, R.OVERDUE.value):
                mine = any(handled_by(s, user, c) for c in cases)
                office = any(wb.permissions.allows(user, Action.RECORD_REPLIES, unit_id=c.unit_id) for c in cases)
                if mine or office:
                    text = (
                        translate("Reminders", "The rectification report on notice {number} was due {due}: overdue.")
                        if late
                        else translate("Reminders", "The rectification report on notice {number} is due {due}.")
                    )
                    out.append(
                        Reminder(
                            "rectification",
                            text.format(number=notice.number, due=row.due_on.isoformat()),
                            row.due_on,
                            late,
                            rectification_id=row.id,
                        )
                    )
            elif (
                row.status == R.IN_PROGRESS.value
                and panel_member_of(s, user, cases)
                and any(wb.permissions.allows(user, Action.RECHECK, unit_id=c.unit_id) for c in cases)
            ):
                out.append(
                    Reminder(
                        "recheck",
                        translate("Reminders", "Re-check the rectification report on notice {number}.").format(
                            number=notice.number
                        ),
                        row.report_received_on,
                        False,
                        rectification_id=row.id,
                    )
                )
    return sorted(out, key=lambda r: (not r.overdue, r.due_on or date.max, r.text))
