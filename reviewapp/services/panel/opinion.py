"""Forming the opinion (评查意见) from the panel members' reviews, and sending it on.

review-rules.md §1 steps 6–10: each member scores independently; when the last member submits, the items on
which every member agrees go into the opinion as they are, and the panel lead reconciles each disagreement with
a written reason. The formed opinion is heard by the handling prosecutor when its grade is not 合格 (step 8),
otherwise it goes straight to determination (step 10). A panel of one forms its opinion at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.grading import normalise_severity
from reviewapp.domain.review_status import OPINION_EDITABLE, ReviewEventKind, ReviewStatus, needs_feedback
from reviewapp.domain.roles import Action
from reviewapp.domain.working_days import add_working_days
from reviewapp.i18n import translate
from reviewapp.legal.calendar import CalendarUnknownError, default_calendar
from reviewapp.services.changes import Kind
from reviewapp.services.panel.files import (
    ReviewFileError,
    members_of,
    move,
    opinion_of,
    submitted_count,
)
from reviewapp.services.panel.labels import status_label
from reviewapp.services.results.setting_specs import FEEDBACK_DAYS, setting_in
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.reviews.state import live_evidence, review_findings, store_proposal
from reviewapp.services.write_path import Op, mutation
from reviewapp.standards.model import SEVERITIES
from reviewapp.storage.models import FeedbackAnswer, Finding, FindingEvidence, Review
from reviewapp.storage.models.base import utcnow


@dataclass(frozen=True)
class ItemVotes:
    """What each member found on one checklist item: member review id → severity (None: found nothing)."""

    item_code: str
    severities: dict[int, str | None]

    @property
    def agreed(self) -> bool:
        return len(set(self.severities.values())) == 1


def _rank(severity: str) -> int:
    try:
        return SEVERITIES.index(normalise_severity(severity))
    except ValueError:
        return -1


def member_severity(findings: Sequence[Finding]) -> str | None:
    """A member's severity on an item: the most serious of their findings on it."""
    if not findings:
        return None
    return max((f.severity for f in findings), key=_rank)


def votes(s: Session, opinion: Review) -> list[ItemVotes]:
    """Per item any member found, each member's severity, in the order of the pinned checklist."""
    members = [m for m in members_of(s, opinion) if m.status == ReviewStatus.SUBMITTED.value]
    by_member = {m.id: review_findings(s, m.id) for m in members}
    codes = {f.item_code for fs in by_member.values() for f in fs}
    order = {it.code: i for i, it in enumerate(standard_in(s, opinion.standard_id).items)}
    out = []
    for code in sorted(codes, key=lambda c: (order.get(c, len(order)), c)):
        out.append(
            ItemVotes(
                code, {mid: member_severity([f for f in fs if f.item_code == code]) for mid, fs in by_member.items()}
            )
        )
    return out


def disagreements(s: Session, opinion: Review) -> list[str]:
    """Item codes on which the members disagree and the panel lead has not reconciled yet."""
    done = set((opinion.reconciliation or {}).keys())
    return [v.item_code for v in votes(s, opinion) if not v.agreed and v.item_code not in done]


def _copy_finding(o: Op, opinion: Review, item_code: str, severity: str, sources: Sequence[Finding],
                  origin: str, reason: str = "") -> Finding:  # fmt: skip
    """An opinion finding on ``item_code`` built from the members' findings: their reasons joined, the
    union of their evidence, the first one's deduction."""
    s = o.session
    reasons = list(dict.fromkeys(f.reason.strip() for f in sources if (f.reason or "").strip()))
    first = sources[0] if sources else None
    finding = Finding(
        review_id=opinion.id,
        item_code=item_code,
        severity=normalise_severity(severity),
        deduction=first.deduction if first is not None else None,
        reason="；".join(reasons) or reason,
        phrase=first.phrase if first is not None else None,
        source_check=first.source_check if first is not None else None,
        origin=origin,
        origin_reason=reason,
    )
    o.stamp(finding, new=True)
    s.add(finding)
    s.flush()
    pairs: list[tuple[int, int]] = []
    for f in sources:
        pairs.extend(live_evidence(s, f.id))
    for document_id, page in dict.fromkeys(pairs):
        s.add(FindingEvidence(finding_id=finding.id, document_id=document_id, page=page))
    o.touch(Kind.FINDING, finding.id)
    return finding


def _member_findings(s: Session, opinion: Review, item_code: str, severity: str | None = None) -> list[Finding]:
    members = [m.id for m in members_of(s, opinion) if m.status == ReviewStatus.SUBMITTED.value]
    found = [f for mid in members for f in review_findings(s, mid) if f.item_code == item_code]
    if severity is None:
        return found
    wanted = normalise_severity(severity)
    return [f for f in found if normalise_severity(f.severity) == wanted] or found


def opinion_findings(s: Session, opinion: Review) -> list[Finding]:
    return review_findings(s, opinion.id)


def record_reconciliation(o: Op, opinion: Review, item_code: str, severity: str | None, reason: str) -> Finding | None:
    """The panel lead's decision on one disagreed item: the opinion finding (origin ``reconciled``, built
    from the members who found that severity) replaces any earlier decision on the item; ``None`` means no
    problem. The reason is mandatory (review-rules.md §1 step 7: differences are resolved with reasons)."""
    s = o.session
    if ReviewStatus(opinion.status) not in OPINION_EDITABLE:
        raise ReviewFileError(translate("ReviewFiles", "The opinion can no longer be changed."))
    if not reason.strip():
        raise ReviewFileError(
            translate("ReviewFiles", "Write the reason for the panel's decision on {item}.").format(item=item_code)
        )
    for old in opinion_findings(s, opinion):
        if old.item_code == item_code and old.origin == "reconciled":
            old.deleted_at = utcnow()
            o.touch(Kind.FINDING, old.id)
    decisions = dict(opinion.reconciliation or {})
    decisions[item_code] = {
        "severity": None if severity is None else normalise_severity(severity),
        "reason": reason.strip(),
        "by": o.user.account_id,
        "at": utcnow().isoformat(timespec="seconds"),
    }
    opinion.reconciliation = decisions
    if severity is None:
        return None
    return _copy_finding(o, opinion, item_code, severity, _member_findings(s, opinion, item_code, severity),
                         "reconciled", reason.strip())  # fmt: skip


# --- forming and sending ----------------------------------------------------------------------------------


def on_member_submitted(o: Op, member: Review) -> Review:
    """Called by submit: when the last member has submitted, blindness lifts and the agreed items form the
    opinion; a panel of one is finalised at once."""
    s = o.session
    opinion = opinion_of(s, member)
    if opinion.status != ReviewStatus.IN_REVIEW.value or submitted_count(s, opinion) < opinion.panel_size:
        return opinion
    move(o, opinion, ReviewEventKind.ALL_SUBMITTED)
    opinion.reconciliation = {}
    for v in votes(s, opinion):
        if v.agreed and next(iter(v.severities.values())) is not None:
            severity = next(iter(v.severities.values()))
            assert severity is not None
            _copy_finding(o, opinion, v.item_code, severity, _member_findings(s, opinion, v.item_code), "agreed")
    if opinion.panel_size == 1:
        _take_single_members_choices(s, opinion, member)
        finalise_in(o, opinion)
    return opinion


def _take_single_members_choices(s: Session, opinion: Review, member: Review) -> None:
    """A panel of one: the opinion is the member's own, including a grade chosen with its reason."""
    opinion.ticked_criteria = list(member.ticked_criteria or [])
    opinion.excellence_justification = member.excellence_justification or ""
    opinion.final_grade = member.final_grade
    opinion.override_reason = member.override_reason or ""


def _panel_choices(s: Session, opinion: Review) -> None:
    """A panel: the 优质 criteria every member ticked, with their justifications."""
    members = [m for m in members_of(s, opinion) if m.status == ReviewStatus.SUBMITTED.value]
    ticked = set(members[0].ticked_criteria or []) if members else set()
    for m in members[1:]:
        ticked &= set(m.ticked_criteria or [])
    opinion.ticked_criteria = sorted(ticked)
    opinion.excellence_justification = "；".join(
        dict.fromkeys(m.excellence_justification.strip() for m in members if (m.excellence_justification or "").strip())
    )


def finalise_in(o: Op, opinion: Review, today: date | None = None) -> Review:
    """Form the opinion's grade and send it on: to the handling prosecutor when the grade is not 合格
    (feedback due in ``feedback.days`` working days), else to determination."""
    s = o.session
    open_items = disagreements(s, opinion)
    if open_items:
        raise ReviewFileError(
            translate("ReviewFiles", "Reconcile these items first: {items}").format(items="、".join(open_items))
        )
    if opinion.panel_size > 1:
        _panel_choices(s, opinion)
    standard = standard_in(s, opinion.standard_id)
    proposal = store_proposal(standard, opinion, opinion_findings(s, opinion))
    if opinion.panel_size > 1 or not opinion.final_grade:
        opinion.final_grade = proposal.grade if not (opinion.override_reason or "").strip() else opinion.final_grade
    opinion.submitted_at = utcnow()
    grade = opinion.final_grade or opinion.proposed_grade
    sent = today or date.today()
    if needs_feedback(grade):
        opinion.feedback_sent_on = sent
        opinion.feedback_due_on, note = feedback_due(s, sent)
        move(o, opinion, ReviewEventKind.SEND_FOR_FEEDBACK, note)
    else:
        move(o, opinion, ReviewEventKind.SEND_FOR_DETERMINATION)
    return opinion


class _WeekdaysOnly:
    """Monday to Friday: the count for a year whose holiday schedule is not loaded yet."""

    def is_workday(self, day: date) -> bool:
        return day.weekday() < 5


def feedback_due(s: Session, sent_on: date) -> tuple[date, str]:
    """The last day of the feedback period and a note: ``feedback.days`` working days after the day it was
    sent (the day itself not counted, CPL art. 105), on the legal calendar. Where the period runs into a
    year whose holiday schedule is not loaded, it is counted Monday to Friday and the note says so (it is
    recorded with the step), rather than refusing to send the opinion."""
    days = int(setting_in(s, FEEDBACK_DAYS))
    try:
        return add_working_days(sent_on, days, default_calendar()), ""
    except CalendarUnknownError as exc:
        due = add_working_days(sent_on, days, _WeekdaysOnly())
        note = translate(
            "ReviewFiles",
            "The holiday calendar does not know {year}: the feedback period was counted Monday to Friday; "
            "add the year to the calendar override file to count its holidays.",
        ).format(year=exc.day.year)
        return due, note


@mutation("opinion.finalise", Action.RECONCILE)
def finalise_opinion(o: Op, opinion_id: int) -> str:
    """The panel lead closes reconciling: the opinion's grade is formed and it is sent on. Returns the
    opinion's new status."""
    s = o.session
    opinion = s.get(Review, opinion_id)
    if opinion is None or opinion.kind != "opinion" or opinion.deleted_at is not None:
        raise ReviewFileError(translate("ReviewFiles", "Review file {id} does not exist.").format(id=opinion_id))
    o.require(Action.RECONCILE, case_id=opinion.case_id)
    if opinion.status != ReviewStatus.RECONCILING.value:
        raise ReviewFileError(translate("ReviewFiles", "Only an opinion being reconciled can be finalised."))
    old = opinion.status
    finalise_in(o, opinion)
    o.audit(
        "review", opinion.id, case_id=opinion.case_id, review_id=opinion.id,
        changes={"status": [old, opinion.status], "final_grade": [None, opinion.final_grade]},
    )  # fmt: skip
    return opinion.status


# --- pulling the opinion back when a member reopens ---------------------------------------------------------

PULLABLE = frozenset({ReviewStatus.RECONCILING, ReviewStatus.AWAITING_FEEDBACK, ReviewStatus.AWAITING_DETERMINATION})


def on_member_reopened(o: Op, member: Review) -> None:
    """A member reopening their review takes the opinion back to scoring, as long as nobody downstream has
    acted on it (no answer from the prosecutor, no ruling, no determination); otherwise it is refused."""
    s = o.session
    opinion = opinion_of(s, member)
    if opinion.status == ReviewStatus.IN_REVIEW.value:
        return
    answered = s.scalar(
        select(FeedbackAnswer.id).where(FeedbackAnswer.opinion_id == opinion.id, FeedbackAnswer.deleted_at.is_(None))
    )
    if ReviewStatus(opinion.status) not in PULLABLE or answered is not None or opinion.feedback_outcome:
        raise ReviewFileError(
            translate(
                "ReviewFiles",
                "The opinion of review file {number} has already been acted on ({status}); the member review "
                "cannot be reopened. A determined review is reopened by the chief prosecutor.",
            ).format(number=opinion.file_no, status=status_label(opinion.status))
        )
    now = utcnow()
    for f in opinion_findings(s, opinion):
        f.deleted_at = now
        o.touch(Kind.FINDING, f.id)
    opinion.reconciliation = {}
    opinion.proposed_grade = opinion.final_grade = None
    opinion.proposal_explanation = opinion.override_reason = ""
    opinion.submitted_at = None
    opinion.feedback_sent_on = opinion.feedback_due_on = None
    move(o, opinion, ReviewEventKind.MEMBER_REOPENED)
