"""Forming the panel's opinion by hand: the panel lead reconciles each disagreement with a written reason, a
member records a dissent, the joint meeting (联席会议) is recorded (review-rules.md §1 steps 6–7).

    reconcile_item(wb, opinion_id, item_code, severity, reason) -> Comparison      "opinion.reconcile"
        severity: a severity the item allows (瑕/错/严 or the full name), or None = no problem
    record_dissent(wb, opinion_id, text, *, item_code=None) -> DissentRow          "opinion.dissent"
    record_meeting(wb, opinion_id, held_on, attendees, minutes, attachments=()) -> MeetingRow
                                                                                   "opinion.meeting"
    (finalising is opinion.finalise_opinion)

Who: reconciling and the meeting need RECONCILE over the case's unit (评查组长); a dissent is a panel
member's own (SCORE). The handling prosecutor never does either. Every step is a ReviewEvent on the opinion
(panel.files.move), through the transition table: nothing is reconciled while the members still score blind,
nothing changes after the determination.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from reviewapp.domain.review_status import ReviewEventKind, ReviewStatus, TransitionRefused, next_status
from reviewapp.domain.roles import Action
from reviewapp.errors import NotPermitted
from reviewapp.i18n import translate
from reviewapp.legal.local_time import local_date
from reviewapp.services.changes import Kind
from reviewapp.services.panel.compare import (
    Comparison,
    DissentRow,
    MeetingRow,
    comparison_in,
    handled_by,
    load_opinion,
)
from reviewapp.services.panel.files import ReviewFileError, members_of, move
from reviewapp.services.panel.labels import status_label
from reviewapp.services.panel.opinion import record_reconciliation, votes
from reviewapp.services.reviews.guard import check_item
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Case, Dissent, JointMeeting, Review
from reviewapp.storage.models.base import utcnow


def _case(s: Session, opinion: Review) -> Case:
    case = s.get(Case, opinion.case_id)
    assert case is not None  # RESTRICT foreign key
    return case


def _refuse_handler(o: Op, case: Case) -> None:
    # review-rules.md §1 step 4 (回避): the handling prosecutor takes no part in forming the opinion on their case.
    if handled_by(o.session, case, o.user.person_id):
        raise NotPermitted(
            translate("Panel", "{user} handled case {case} and takes no part in forming its opinion (回避).").format(
                user=o.user.name or o.user.login, case=case.dept_case_no
            )
        )


def _step(o: Op, opinion: Review, event: ReviewEventKind, what: str) -> None:
    """Refuse a step the transition table does not allow in the opinion's status, with a plain reason."""
    try:
        next_status(opinion.status, event)
    except TransitionRefused:
        if opinion.status == ReviewStatus.IN_REVIEW.value:
            raise ReviewFileError(
                translate(
                    "Panel", "Review file {number}: {what} only once every member of the panel has submitted."
                ).format(number=opinion.file_no, what=what)
            ) from None
        raise ReviewFileError(
            translate("Panel", "Review file {number} is {status}: {what} is no longer possible.").format(
                number=opinion.file_no, status=status_label(opinion.status), what=what
            )
        ) from None


@mutation("opinion.reconcile", Action.RECONCILE)
def reconcile_item(o: Op, opinion_id: int, item_code: str, severity: str | None, reason: str) -> Comparison:
    """The panel lead decides one item the members disagree on: a severity the item allows, or None (no
    problem), always with a written reason. Deciding an item again replaces the earlier decision."""
    s = o.session
    opinion = load_opinion(s, opinion_id)
    o.require(Action.RECONCILE, case_id=opinion.case_id)
    case = _case(s, opinion)
    _refuse_handler(o, case)
    _step(o, opinion, ReviewEventKind.RECONCILE, translate("Panel", "reconciling"))
    item_code = item_code.strip().upper()
    votes_on = {v.item_code: v for v in votes(s, opinion)}.get(item_code)
    if votes_on is None or votes_on.agreed:
        raise ReviewFileError(
            translate("Panel", "The members do not disagree on item {item}; only disagreements are reconciled.").format(
                item=item_code
            )
        )
    full = None
    if severity is not None and severity.strip():
        full = check_item(standard_in(s, opinion.standard_id), case.case_type, item_code, severity)
    if not reason.strip():
        raise ReviewFileError(
            translate("Panel", "Write the reason for the panel's decision on item {item}.").format(item=item_code)
        )
    before = (opinion.reconciliation or {}).get(item_code)
    finding = record_reconciliation(o, opinion, item_code, full, reason.strip())
    o.stamp(opinion)
    no_problem = translate("Panel", "no problem")
    move(o, opinion, ReviewEventKind.RECONCILE, f"{item_code}（{full or no_problem}）：{reason.strip()}")
    s.flush()
    o.audit(
        "review",
        opinion.id,
        case_id=opinion.case_id,
        review_id=opinion.id,
        changes={f"reconciliation.{item_code}": [before.get("severity") if before else None, full]},
        item=item_code,
        severity=full,
        reason=reason.strip(),
        finding=finding.id if finding is not None else None,
    )
    return comparison_in(s, opinion)


@mutation("opinion.dissent", Action.SCORE)
def record_dissent(o: Op, opinion_id: int, text: str, *, item_code: str | None = None) -> DissentRow:
    """A panel member's dissent from the opinion (on one item, or as a whole): kept as written and shown in
    the report (review-rules.md §6 part 四)."""
    s = o.session
    opinion = load_opinion(s, opinion_id)
    o.require(Action.SCORE, case_id=opinion.case_id)
    if o.user.person_id is None or all(m.reviewer_id != o.user.person_id for m in members_of(s, opinion)):
        raise NotPermitted(
            translate("Panel", "{user} is not a member of the panel of review file {number}; only members dissent.")
            .format(user=o.user.name or o.user.login, number=opinion.file_no)
        )  # fmt: skip
    _step(o, opinion, ReviewEventKind.DISSENT, translate("Panel", "a dissent"))
    if not text.strip():
        raise ReviewFileError(translate("Panel", "Write the dissent."))
    code = item_code.strip().upper() if item_code and item_code.strip() else None
    if code is not None:
        try:
            standard_in(s, opinion.standard_id).item(code)
        except KeyError:
            raise ReviewFileError(
                translate("Panel", "Item {item} is not in the review's checklist.").format(item=code)
            ) from None
    dissent = Dissent(opinion_id=opinion.id, member_id=o.user.person_id, item_code=code, text=text.strip())
    o.stamp(dissent, new=True)
    s.add(dissent)
    s.flush()
    move(o, opinion, ReviewEventKind.DISSENT, text.strip())
    o.audit("dissent", dissent.id, case_id=opinion.case_id, review_id=opinion.id, item=code, text=text.strip())
    return DissentRow(dissent.id, o.user.name, code, dissent.text, dissent.created_at)


def _store_attachments(o: Op, paths: Sequence[Path | str]) -> list[dict[str, str]]:
    out = []
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise ReviewFileError(translate("Panel", "Attachment {file} is not a readable file.").format(file=path))
        stored = o.wb.dossiers.add(path)
        out.append({"name": path.name, "stored_path": stored.relative_path, "sha256": stored.sha256})
    return out


@mutation("opinion.meeting", Action.RECONCILE)
def record_meeting(
    o: Op,
    opinion_id: int,
    held_on: date,
    attendees: Sequence[str],
    minutes: str,
    attachments: Sequence[Path | str] = (),
) -> MeetingRow:
    """The panel's joint meeting (联席会议, advisory): the day it was held, who attended, the minutes and
    any attached files (copied into the app's file store)."""
    s = o.session
    opinion = load_opinion(s, opinion_id)
    o.require(Action.RECONCILE, case_id=opinion.case_id)
    _refuse_handler(o, _case(s, opinion))
    _step(o, opinion, ReviewEventKind.MEETING, translate("Panel", "the joint meeting"))
    if held_on > local_date(utcnow()):
        raise ReviewFileError(
            translate("Panel", "The joint meeting's date {day} is in the future.").format(day=held_on.isoformat())
        )
    people = list(dict.fromkeys(a.strip() for a in attendees if a.strip()))
    if not people:
        raise ReviewFileError(translate("Panel", "Name who attended the joint meeting."))
    if not minutes.strip():
        raise ReviewFileError(translate("Panel", "Write the minutes of the joint meeting."))
    files = _store_attachments(o, attachments)
    meeting = JointMeeting(
        opinion_id=opinion.id, held_on=held_on, attendees=people, minutes=minutes.strip(), attachments=files
    )
    o.stamp(meeting, new=True)
    s.add(meeting)
    s.flush()
    move(o, opinion, ReviewEventKind.MEETING, held_on.isoformat())
    o.touch(Kind.REVIEW, opinion.id)
    o.audit(
        "joint_meeting",
        meeting.id,
        case_id=opinion.case_id,
        review_id=opinion.id,
        held_on=held_on,
        attendees=people,
        attachments=[f["name"] for f in files],
    )
    return MeetingRow(meeting.id, held_on, tuple(people), meeting.minutes, tuple(files))
