"""Hearing the handling prosecutor (听取意见): the opinion as they read it, and their answer per finding.

review-rules.md §1 steps 8–9: where the grade is not 合格 the opinion goes to the handling prosecutor, who
answers each finding within the period (``feedback.days`` working days): accept, or object with a reason and
attachments. Every finding accepted → on to determination; any objection → the objections are ruled on
(objections.py). The answer comes in the app (channel ``app``: the prosecutor of the case themselves,
ANSWER_FEEDBACK) or on the offline form brought back on paper or by file (channel ``form``: entered by the
评查管理员 or 案管负责人, RECORD_REPLIES). With no answer when the period ends, due.py records
"无异议（无反馈意见）".

    feedback_sheet(wb, opinion_id) -> FeedbackSheet          a read
    answer_feedback(wb, opinion_id, answers, channel=, answered_on=)   "feedback.answer"
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.review_status import SENT, ReviewEventKind, ReviewStatus
from reviewapp.domain.roles import Action
from reviewapp.errors import NotPermitted
from reviewapp.i18n import translate
from reviewapp.services.accounts.permissions import refusal
from reviewapp.services.changes import Kind
from reviewapp.services.panel.files import move
from reviewapp.services.panel.steps import (
    ProcessError,
    case_of,
    handled_by,
    load_opinion,
    person_name,
    store_attachments,
)
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.reviews.state import build_state, review_findings
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import FeedbackAnswer, Review

ACCEPT, OBJECT = "accept", "object"
CHANNELS = ("app", "form")


@dataclass(frozen=True)
class Answer:
    """The answer to one finding of the opinion."""

    finding_id: int
    accept: bool
    reason: str = ""
    attachments: tuple[str | Path, ...] = ()


@dataclass(frozen=True)
class SheetFinding:
    id: int
    item_code: str
    item_text: str
    dimension: str
    severity: str
    reason: str
    evidence: str  # "document p. N; …"
    answer: str | None = None  # accept | object, once answered
    answer_reason: str = ""
    ruling: str | None = None  # upheld | rejected
    ruling_reason: str = ""


@dataclass(frozen=True)
class FeedbackSheet:
    """The opinion as the handling prosecutor answers it."""

    opinion_id: int
    file_no: str
    case_id: int
    dept_case_no: str
    case_name: str
    prosecutor: str
    grade: str
    explanation: str
    status: ReviewStatus
    sent_on: date | None
    due_on: date | None
    outcome: str | None
    findings: tuple[SheetFinding, ...] = field(default_factory=tuple)


def _require_sheet_reader(wb: Workbench, s: Session, opinion: Review) -> None:
    """The prosecutor of the case reads the opinion once it is sent (§1 step 8); 案管 staff who enter paper
    answers, and readers of reviews, read it in their scope."""
    case = case_of(s, opinion)
    if handled_by(s, wb.user, case):
        if ReviewStatus(opinion.status) in SENT:
            return
        raise NotPermitted(
            translate("Process", "The opinion on case {case} has not been sent to its handling prosecutor.").format(
                case=case.dept_case_no
            )
        )
    for action in (Action.RECORD_REPLIES, Action.READ_REVIEWS):
        if wb.permissions.allows(wb.user, action, unit_id=case.unit_id):
            if ReviewStatus(opinion.status) not in SENT:
                raise ProcessError(
                    translate("Process", "The opinion of review file {number} is not formed yet.").format(
                        number=opinion.file_no
                    )
                )
            return
    raise refusal(wb.user, Action.ANSWER_FEEDBACK)


def answers_of(s: Session, opinion_id: int) -> dict[int, FeedbackAnswer]:
    rows = s.scalars(
        select(FeedbackAnswer)
        .where(FeedbackAnswer.opinion_id == opinion_id, FeedbackAnswer.deleted_at.is_(None))
        .order_by(FeedbackAnswer.id)
    )
    return {a.finding_id: a for a in rows}


def sheet_in(s: Session, opinion: Review) -> FeedbackSheet:
    case = case_of(s, opinion)
    standard = standard_in(s, opinion.standard_id)
    state = build_state(s, opinion, standard)
    answers = answers_of(s, opinion.id)
    rows = []
    for f in state.findings:
        a = answers.get(f.id)
        evidence = "；".join(f"{e.title} 第{e.page}页" for e in f.evidence)
        rows.append(
            SheetFinding(
                f.id,
                f.item_code,
                f.item_text,
                f.dimension_name,
                f.severity,
                f.reason,
                evidence,
                a.answer if a else None,
                a.reason if a else "",
                a.ruling if a else None,
                a.ruling_reason if a else "",
            )
        )
    return FeedbackSheet(
        opinion.id,
        opinion.file_no or "",
        case.id,
        case.dept_case_no,
        case.name or "",
        person_name(s, case.prosecutor_id),
        opinion.final_grade or opinion.proposed_grade or "",
        opinion.proposal_explanation or "",
        ReviewStatus(opinion.status),
        opinion.feedback_sent_on,
        opinion.feedback_due_on,
        opinion.feedback_outcome,
        tuple(rows),
    )


def feedback_sheet(wb: Workbench, opinion_id: int) -> FeedbackSheet:
    """The opinion with its findings and any answers and rulings, for the prosecutor's answer form."""
    with wb.db.session() as s:
        opinion = load_opinion(s, opinion_id)
        _require_sheet_reader(wb, s, opinion)
        return sheet_in(s, opinion)


def require_answerer(o: Op, opinion: Review, channel: str) -> None:
    s = o.session
    case = case_of(s, opinion)
    if channel == "app":
        o.wb.permissions.require_any(o.user, Action.ANSWER_FEEDBACK)
        if not handled_by(s, o.user, case):
            raise NotPermitted(
                translate("Process", "Only the handling prosecutor of case {case} answers its review opinion.").format(
                    case=case.dept_case_no
                )
            )
        o.require(Action.ANSWER_FEEDBACK, unit_id=case.unit_id)
    elif channel == "form":
        o.require(Action.RECORD_REPLIES, unit_id=case.unit_id)
    else:
        raise ProcessError(translate("Process", "Unknown answer channel {channel}.").format(channel=channel))


def answer_in(o: Op, opinion: Review, answers: Sequence[Answer], channel: str, answered_on: date) -> str:
    """Record a complete answer inside the caller's operation; returns the outcome (accepted | objected)."""
    s = o.session
    if opinion.status != ReviewStatus.AWAITING_FEEDBACK.value:
        raise ProcessError(
            translate("Process", "Review file {number} is not awaiting the prosecutor's feedback.").format(
                number=opinion.file_no
            )
        )
    due, sent = opinion.feedback_due_on, opinion.feedback_sent_on
    if due is not None and answered_on > due:
        raise ProcessError(
            translate(
                "Process", "The feedback period of review file {number} ended on {due}; the answer came too late."
            ).format(number=opinion.file_no, due=due.isoformat())
        )
    if sent is not None and answered_on < sent:
        raise ProcessError(
            translate("Process", "The answer is dated {day}, before the opinion was sent on {sent}.").format(
                day=answered_on.isoformat(), sent=sent.isoformat()
            )
        )
    findings = {f.id: f for f in review_findings(s, opinion.id)}
    given: dict[int, Answer] = {}
    for a in answers:
        if a.finding_id not in findings:
            raise ProcessError(
                translate("Process", "Finding {id} is not in the opinion of review file {number}.").format(
                    id=a.finding_id, number=opinion.file_no
                )
            )
        if a.finding_id in given:
            raise ProcessError(translate("Process", "Finding {id} is answered twice.").format(id=a.finding_id))
        if not a.accept and not a.reason.strip():
            raise ProcessError(
                translate("Process", "An objection needs a reason (finding {item}).").format(
                    item=findings[a.finding_id].item_code
                )
            )
        given[a.finding_id] = a
    missing = [f.item_code for fid, f in findings.items() if fid not in given]
    if missing:
        raise ProcessError(
            translate("Process", "Answer every finding; not answered: {items}").format(items="、".join(missing))
        )
    for fid, a in given.items():
        row = FeedbackAnswer(
            opinion_id=opinion.id,
            finding_id=fid,
            answer=ACCEPT if a.accept else OBJECT,
            reason=a.reason.strip(),
            attachments=store_attachments(o, a.attachments),
            answered_on=answered_on,
            channel=channel,
        )
        s.add(o.stamp(row, new=True))
    objected = any(not a.accept for a in given.values())
    outcome = "objected" if objected else "accepted"
    opinion.feedback_outcome = outcome
    opinion.feedback_closed_on = answered_on
    old = move(o, opinion, ReviewEventKind.ANSWER_OBJECT if objected else ReviewEventKind.ANSWER_ACCEPT)
    s.flush()
    o.touch(Kind.REVIEW, opinion.id)
    o.audit(
        "review",
        opinion.id,
        case_id=opinion.case_id,
        review_id=opinion.id,
        changes={"status": [old, opinion.status], "feedback_outcome": [None, outcome]},
        channel=channel,
        answered_on=answered_on,
        answers={str(findings[fid].item_code): (ACCEPT if a.accept else OBJECT) for fid, a in given.items()},
    )
    return outcome


@mutation("feedback.answer", None)
def answer_feedback(
    o: Op, opinion_id: int, answers: Sequence[Answer], *, channel: str = "app", answered_on: date | None = None
) -> str:
    """The prosecutor's answer to every finding of the opinion (channel ``app``: by themselves, today), or
    an answer that came back on paper (channel ``form``: entered by 案管, dated the day it was given).
    Returns the outcome: ``accepted`` or ``objected``."""
    s = o.session
    opinion = load_opinion(s, opinion_id)
    require_answerer(o, opinion, channel)
    day = date.today() if channel == "app" or answered_on is None else answered_on
    return answer_in(o, opinion, answers, channel, day)
