"""The timeline of one review file (评查卷): every transition of the opinion, of its member reviews and of
its rectification — when, who, from → to, and the reason (review-rules.md §1: "every transition is recorded
with who and when").

Read from the ReviewEvent rows every step writes (guard.add_event, files.move) and the notices issued from
the file. It shows steps, never the content of a member review: while the file is in review (blind) the
reasons of another member's steps are left out for everyone but that member.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.review_status import ReviewKind, ReviewStatus
from reviewapp.domain.roles import Action
from reviewapp.errors import NotPermitted
from reviewapp.i18n import translate
from reviewapp.legal.local_time import local_datetime
from reviewapp.services.accounts.permissions import refusal
from reviewapp.services.panel.labels import event_label, status_label
from reviewapp.services.panel.steps import handled_by
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Account, Case, Notice, NoticeCase, Person, Review, ReviewEvent
from reviewapp.storage.models.panel import Rectification

OPINION = ReviewKind.OPINION.value
# Besides the panel members and READ_REVIEWS, the people who act on a review file read its steps.
_FILE_READERS = (
    Action.READ_REVIEWS,
    Action.RECONCILE,
    Action.RULE_OBJECTIONS,
    Action.DETERMINE,
    Action.DETERMINE_QUALIFIED,
    Action.RECORD_REPLIES,
    Action.ISSUE_NOTICES,
)
_SENT = {
    ReviewStatus.AWAITING_FEEDBACK,
    ReviewStatus.OBJECTIONS,
    ReviewStatus.AWAITING_DETERMINATION,
    ReviewStatus.DETERMINED,
    ReviewStatus.ARCHIVED,
}


class FileNotFound(NotPermitted):
    """No review file for the case (message for the user)."""


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime  # local wall clock
    subject: str  # "opinion" | "member" | "notice"
    subject_name: str  # the member's name, the notice number, or "" for the opinion
    review_id: int | None
    event: str  # ReviewEventKind value, or "notice"
    step: str  # plain name of the step (UI language)
    actor: str  # who (the account's person), "" when unknown
    from_status: str | None
    to_status: str | None
    reason: str

    @property
    def transition(self) -> str:
        """ "from → to" in the UI language, "" for steps that change no status."""
        if self.from_status == self.to_status or self.to_status is None:
            return ""
        return f"{status_label(self.from_status) or '—'} → {status_label(self.to_status)}"


@dataclass(frozen=True)
class Timeline:
    opinion_id: int
    file_no: str  # 评查受案号
    case_id: int
    dept_case_no: str
    case_name: str
    status: str
    members: tuple[str, ...]  # panel members in the order they started
    entries: tuple[TimelineEntry, ...]


def actor_names(s: Session, account_ids: set[int]) -> dict[int, str]:
    if not account_ids:
        return {}
    rows = s.execute(
        select(Account.id, Person.name).join(Person, Person.id == Account.person_id).where(Account.id.in_(account_ids))
    )
    return {account_id: name for account_id, name in rows}


def require_file_reader(wb: Workbench, s: Session, opinion: Review, members: list[Review]) -> None:
    """A panel member, the people who act on the file within their scope, and the handling prosecutor once
    the opinion was sent to them (review-rules.md §1 step 8) read the file's steps."""
    user = wb.user
    if user.account_id is None:
        raise refusal(user, Action.READ_REVIEWS)
    if user.person_id is not None and any(m.reviewer_id == user.person_id for m in members):
        return
    case = s.get(Case, opinion.case_id)
    assert case is not None  # RESTRICT foreign key
    if handled_by(s, user, case):
        if ReviewStatus(opinion.status) in _SENT:
            return
        raise NotPermitted(
            translate(
                "PanelTimeline", "{user} handled this case; its review file reaches them once it is sent."
            ).format(user=user.name or user.login)
        )
    if any(wb.permissions.allows(user, a, unit_id=case.unit_id) for a in _FILE_READERS):
        return
    raise refusal(user, Action.READ_REVIEWS)


def load_file(s: Session, case_id: int | None = None, opinion_id: int | None = None) -> Review:
    """The review file of a case (latest round), or by its id; refused plainly when there is none."""
    opinion: Review | None
    if opinion_id is not None:
        opinion = s.get(Review, opinion_id)
        if opinion is not None and (opinion.kind != OPINION or opinion.deleted_at is not None):
            opinion = None
    else:
        opinion = s.scalars(
            select(Review)
            .where(Review.case_id == case_id, Review.kind == OPINION, Review.deleted_at.is_(None))
            .order_by(Review.round.desc(), Review.id.desc())
        ).first()
    if opinion is None:
        number = (
            s.scalar(select(Case.dept_case_no).where(Case.id == case_id)) if case_id is not None else None
        ) or f"#{opinion_id if opinion_id is not None else case_id}"
        raise FileNotFound(
            translate("PanelTimeline", "Case {case} has no review file yet: it opens when a reviewer starts.").format(
                case=number
            )
        )
    return opinion


def _members(s: Session, opinion: Review) -> list[Review]:
    return list(
        s.scalars(
            select(Review)
            .where(Review.file_id == opinion.id, Review.kind != OPINION, Review.deleted_at.is_(None))
            .order_by(Review.id)
        )
    )


def _notices(s: Session, opinion: Review, review_ids: list[int]) -> list[Notice]:
    """The notices issued from the file (they name the opinion or, before the panel, a member review)."""
    stmt = (
        select(Notice)
        .join(NoticeCase, NoticeCase.notice_id == Notice.id)
        .where(NoticeCase.case_id == opinion.case_id)
        .where(NoticeCase.review_id.in_(review_ids) | NoticeCase.review_id.is_(None))
        .order_by(Notice.id)
    )
    return list(dict.fromkeys(s.scalars(stmt)))


def _notice_entries(s: Session, notices: list[Notice], names: dict[int, str]) -> list[TimelineEntry]:
    out = []
    for notice in notices:
        rect = s.scalar(
            select(Rectification).where(Rectification.notice_id == notice.id, Rectification.deleted_at.is_(None))
        )
        due = rect.due_on if rect is not None else notice.reply_deadline
        if rect is not None and rect.overdue_on is not None:
            # Recorded by process-due without an event: the step is the end of the due day, nobody's act.
            out.append(
                TimelineEntry(
                    at=datetime.combine(rect.overdue_on, time(23, 59)),
                    subject="notice",
                    subject_name=notice.number,
                    review_id=None,
                    event="overdue",
                    step=event_label("overdue"),
                    actor="",
                    from_status=None,
                    to_status=None,
                    reason=translate("PanelTimeline", "{number}: no rectification report by {due}").format(
                        number=notice.number, due=_day(rect.overdue_on)
                    ),
                )
            )
        out.append(
            TimelineEntry(
                at=local_datetime(notice.created_at),
                subject="notice",
                subject_name=notice.number,
                review_id=None,
                event="notice",
                step=event_label("notice"),
                actor=names.get(notice.created_by_id or 0, ""),
                from_status=None,
                to_status=None,
                reason=translate("PanelTimeline", "{number}, reply due {due}").format(
                    number=notice.number, due=_day(due)
                ),
            )
        )
    return out


def _day(d: date) -> str:
    return d.isoformat()


def file_timeline(s: Session, wb: Workbench, opinion: Review) -> Timeline:
    """The timeline of ``opinion`` read in session ``s`` (the caller checked who reads it)."""
    members = _members(s, opinion)
    people = dict(
        s.execute(select(Person.id, Person.name).where(Person.id.in_({m.reviewer_id for m in members}))).all()
    )
    reviews = {opinion.id: opinion} | {m.id: m for m in members}
    events = list(s.scalars(select(ReviewEvent).where(ReviewEvent.review_id.in_(reviews)).order_by(ReviewEvent.id)))
    notices = _notices(s, opinion, list(reviews))
    names = actor_names(
        s, {e.actor_id for e in events if e.actor_id} | {n.created_by_id for n in notices if n.created_by_id}
    )
    blind = opinion.status == ReviewStatus.IN_REVIEW.value
    me = wb.user.person_id
    entries: list[TimelineEntry] = []
    for e in events:
        review = reviews[e.review_id]
        is_member = review.kind != OPINION
        hidden = blind and is_member and review.reviewer_id != me
        entries.append(
            TimelineEntry(
                at=local_datetime(e.at),
                subject="member" if is_member else "opinion",
                subject_name=people.get(review.reviewer_id, "") if is_member else "",
                review_id=review.id,
                event=e.kind,
                step=event_label(e.kind),
                actor=names.get(e.actor_id or 0, ""),
                from_status=e.from_status,
                to_status=e.to_status,
                reason="" if hidden else e.reason,
            )
        )
    entries.extend(_notice_entries(s, notices, names))
    entries.sort(key=lambda t: t.at)  # stable: same-instant steps keep the order they were written in
    case = s.get(Case, opinion.case_id)
    assert case is not None
    return Timeline(
        opinion_id=opinion.id,
        file_no=opinion.file_no or "",
        case_id=case.id,
        dept_case_no=case.dept_case_no,
        case_name=case.name,
        status=opinion.status,
        members=tuple(people.get(m.reviewer_id, "") for m in members),
        entries=tuple(entries),
    )


def review_timeline(wb: Workbench, *, case_id: int | None = None, opinion_id: int | None = None) -> Timeline:
    """The timeline of a case's review file (latest round) or of the file ``opinion_id``."""
    with wb.db.session() as s:
        opinion = load_file(s, case_id, opinion_id)
        require_file_reader(wb, s, opinion, _members(s, opinion))
        return file_timeline(s, wb, opinion)


def timeline_json(t: Timeline) -> dict[str, object]:
    return {
        "opinion_id": t.opinion_id,
        "file_no": t.file_no,
        "case": t.dept_case_no,
        "case_name": t.case_name,
        "status": t.status,
        "members": list(t.members),
        "entries": [
            {
                "at": e.at.astimezone().isoformat(timespec="seconds"),  # local already: its offset added
                "subject": e.subject,
                "subject_name": e.subject_name,
                "event": e.event,
                "actor": e.actor,
                "from": e.from_status,
                "to": e.to_status,
                "reason": e.reason,
            }
            for e in t.entries
        ],
    }


def file_id_for_case(wb: Workbench, case_id: int) -> int:
    """The id of the case's review file (latest round); refused plainly when there is none."""
    with wb.db.session() as s:
        return load_file(s, case_id).id
