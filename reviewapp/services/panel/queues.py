"""What waits for the signed-in user in the review process, one queue per role (review-rules.md §1 steps 7–12):

- the panel lead (评查组长, RECONCILE): opinions to reconcile — every member submitted;
- whoever rules on objections (评查组长, 案管负责人, RULE_OBJECTIONS): objections to rule on;
- the handling prosecutor (ANSWER_FEEDBACK): opinions on their own cases to answer, with the answer's due day;
- the deputy chief (DETERMINE_QUALIFIED): proposed 合格 to determine; the chief (DETERMINE): everything else too;
- 案管 (RECORD_REPLIES / ISSUE_NOTICES): rectifications pending, in progress and overdue;
- the reviewers of the panel (RECHECK): rectification reports received, to re-check.

Each queue lists only what the user's roles reach in their scope. A queue the user's roles do not grant is
not returned at all, so a screen shows only the queues that are the user's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.review_status import ReviewKind, ReviewStatus
from reviewapp.domain.roles import Action, grants_action
from reviewapp.i18n import translate
from reviewapp.services.panel.determination import needs_chief
from reviewapp.services.panel.steps import handled_by
from reviewapp.services.panel.supervision import supervision_problem
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Notice, NoticeCase, Person, Review
from reviewapp.storage.models.panel import Rectification

OPINION = ReviewKind.OPINION.value


class Queue(StrEnum):
    RECONCILE = "reconcile"
    RULE = "rule"
    ANSWER = "answer"
    DETERMINE = "determine"
    RECTIFY = "rectify"
    RECHECK = "recheck"


# Which action opens each queue (the scope is checked per item).
QUEUE_ACTIONS: dict[Queue, tuple[Action, ...]] = {
    Queue.RECONCILE: (Action.RECONCILE,),
    Queue.RULE: (Action.RULE_OBJECTIONS,),
    Queue.ANSWER: (Action.ANSWER_FEEDBACK,),
    Queue.DETERMINE: (Action.DETERMINE, Action.DETERMINE_QUALIFIED),
    Queue.RECTIFY: (Action.RECORD_REPLIES, Action.ISSUE_NOTICES),
    Queue.RECHECK: (Action.RECHECK,),
}


def queue_title(queue: Queue) -> str:
    names = {
        Queue.RECONCILE: translate("PanelQueues", "To reconcile"),
        Queue.RULE: translate("PanelQueues", "Objections to rule on"),
        Queue.ANSWER: translate("PanelQueues", "Opinions to answer"),
        Queue.DETERMINE: translate("PanelQueues", "To determine"),
        Queue.RECTIFY: translate("PanelQueues", "Rectifications due and overdue"),
        Queue.RECHECK: translate("PanelQueues", "Rectifications to re-check"),
    }
    return names[queue]


@dataclass(frozen=True)
class QueueItem:
    queue: Queue
    opinion_id: int
    case_id: int
    dept_case_no: str
    case_name: str
    file_no: str  # 评查受案号
    prosecutor: str
    status: str  # the opinion's status, or the rectification's for RECTIFY / RECHECK
    grade: str  # the panel's proposal (or the determined grade)
    due_on: date | None  # answer due / rectification due
    overdue: bool
    notice_id: int | None = None
    notice_no: str = ""


def _opinions(s: Session, statuses: set[ReviewStatus]) -> list[tuple[Review, Case]]:
    stmt = (
        select(Review, Case)
        .join(Case, Case.id == Review.case_id)
        .where(Review.kind == OPINION, Review.deleted_at.is_(None), Review.status.in_([x.value for x in statuses]))
        .order_by(Review.feedback_due_on, Review.id)
    )
    return [(r, c) for r, c in s.execute(stmt)]


def _person_names(s: Session, ids: set[int]) -> dict[int, str]:
    return dict(s.execute(select(Person.id, Person.name).where(Person.id.in_(ids))).all()) if ids else {}


def _item(queue: Queue, r: Review, c: Case, names: dict[int, str], today: date, **extra: object) -> QueueItem:
    due = r.feedback_due_on if queue == Queue.ANSWER else None
    values: dict[str, object] = {
        "queue": queue,
        "opinion_id": r.id,
        "case_id": c.id,
        "dept_case_no": c.dept_case_no,
        "case_name": c.name,
        "file_no": r.file_no or "",
        "prosecutor": names.get(c.prosecutor_id, ""),
        "status": r.status,
        "grade": r.final_grade or r.proposed_grade or "",
        "due_on": due,
        "overdue": due is not None and due < today,
    }
    values.update(extra)
    return QueueItem(**values)  # type: ignore[arg-type]


def _rectifications(s: Session, statuses: set[str]) -> list[tuple[Rectification, Notice, Review, Case]]:
    stmt = (
        select(Rectification, Notice, Review, Case)
        .join(Notice, Notice.id == Rectification.notice_id)
        .join(NoticeCase, NoticeCase.notice_id == Notice.id)
        .join(Case, Case.id == NoticeCase.case_id)
        .join(Review, (Review.case_id == Case.id) & (Review.kind == OPINION) & Review.deleted_at.is_(None))
        .where(
            Rectification.deleted_at.is_(None),
            Rectification.status.in_(statuses),
            Notice.status != "superseded",
            Notice.status != "withdrawn",
        )
        .order_by(Rectification.due_on, Rectification.id, Review.round.desc())
    )
    seen: set[tuple[int, int]] = set()
    out = []
    for rect, notice, review, case in s.execute(stmt):
        if (rect.id, case.id) in seen:  # the latest round's file of each case of the notice
            continue
        seen.add((rect.id, case.id))
        out.append((rect, notice, review, case))
    return out


def my_queues(wb: Workbench, today: date | None = None) -> dict[Queue, list[QueueItem]]:
    """The queues of the signed-in user (only those their roles grant), each in due order."""
    user = wb.user
    today = today or date.today()
    granted = [q for q, actions in QUEUE_ACTIONS.items() if any(grants_action(user.grants, a) for a in actions)]
    if user.account_id is None or not granted:
        return {}

    def allows(action: Action, unit_id: int) -> bool:
        return wb.permissions.allows(user, action, unit_id=unit_id)

    out: dict[Queue, list[QueueItem]] = {q: [] for q in granted}
    with wb.db.session() as s:
        rows = _opinions(
            s,
            {
                ReviewStatus.RECONCILING,
                ReviewStatus.OBJECTIONS,
                ReviewStatus.AWAITING_FEEDBACK,
                ReviewStatus.AWAITING_DETERMINATION,
            },
        )
        names = _person_names(s, {c.prosecutor_id for _, c in rows})
        for r, c in rows:
            status = ReviewStatus(r.status)
            if status == ReviewStatus.RECONCILING and Queue.RECONCILE in out and allows(Action.RECONCILE, c.unit_id):
                out[Queue.RECONCILE].append(_item(Queue.RECONCILE, r, c, names, today))
            elif status == ReviewStatus.OBJECTIONS and Queue.RULE in out and allows(Action.RULE_OBJECTIONS, c.unit_id):
                out[Queue.RULE].append(_item(Queue.RULE, r, c, names, today))
            elif (
                status == ReviewStatus.AWAITING_FEEDBACK
                and Queue.ANSWER in out
                and allows(Action.ANSWER_FEEDBACK, c.unit_id)
                and handled_by(s, user, c)
            ):
                out[Queue.ANSWER].append(_item(Queue.ANSWER, r, c, names, today))
            elif status == ReviewStatus.AWAITING_DETERMINATION and Queue.DETERMINE in out:
                chief = needs_chief(s, r)
                action = Action.DETERMINE if chief else Action.DETERMINE_QUALIFIED
                # 分管: another deputy's department is not this deputy's to determine (supervision.py).
                if allows(action, c.unit_id) and (chief or supervision_problem(wb, s, user, c) is None):
                    out[Queue.DETERMINE].append(_item(Queue.DETERMINE, r, c, names, today))
        if Queue.RECTIFY in out or Queue.RECHECK in out:
            _rectification_queues(wb, s, out, today)
    return out


def _rectification_queues(wb: Workbench, s: Session, out: dict[Queue, list[QueueItem]], today: date) -> None:
    user = wb.user
    rows = _rectifications(s, {"pending", "in_progress", "overdue"})
    names = _person_names(s, {c.prosecutor_id for *_, c in rows})
    for rect, notice, r, c in rows:
        extra: dict[str, object] = {
            "status": rect.status,
            "due_on": rect.due_on,
            "overdue": rect.status == "overdue" or (rect.status == "pending" and rect.due_on < today),
            "notice_id": notice.id,
            "notice_no": notice.number,
        }
        if Queue.RECTIFY in out and any(
            wb.permissions.allows(user, a, unit_id=c.unit_id) for a in QUEUE_ACTIONS[Queue.RECTIFY]
        ):
            out[Queue.RECTIFY].append(_item(Queue.RECTIFY, r, c, names, today, **extra))
        if (
            Queue.RECHECK in out
            and rect.status == "in_progress"
            and user.person_id is not None
            and _on_panel(s, r, user.person_id)
        ):
            out[Queue.RECHECK].append(_item(Queue.RECHECK, r, c, names, today, **extra))


def _on_panel(s: Session, opinion: Review, person_id: int) -> bool:
    return (
        s.scalar(
            select(Review.id).where(
                Review.file_id == opinion.id, Review.reviewer_id == person_id, Review.deleted_at.is_(None)
            )
        )
        is not None
    )


def queue_json(queues: dict[Queue, list[QueueItem]]) -> dict[str, list[dict[str, object]]]:
    return {
        q.value: [
            {
                "case": i.dept_case_no,
                "case_name": i.case_name,
                "file_no": i.file_no,
                "prosecutor": i.prosecutor,
                "status": i.status,
                "grade": i.grade,
                "due_on": i.due_on.isoformat() if i.due_on else None,
                "overdue": i.overdue,
                "notice": i.notice_no or None,
            }
            for i in items
        ]
        for q, items in queues.items()
    }
