"""Determination (审定) of the opinion, its signature, and reopening a determined review.

review-rules.md §1 step 10: a proposed 合格 is determined by the deputy chief in charge (分管副检察长);
优质, 基本合格 (瑕疵) and 不合格 — and any opinion whose objection was rejected (step 9: "rejected → the matter
goes to the 检察长") — by the chief prosecutor, or by the procuratorial committee (检察委员会, with its meeting
date and decision, recorded by the chief). Determining locks the opinion and signs it: who, when, and the
SHA-256 of a canonical JSON of the opinion's content (findings, grade, feedback and rulings, determination),
printed on the report; anyone can recompute it (``signature_matches``).

Reopening a determined review needs the chief prosecutor and a reason: it voids the determination (the old
values stay in the audit trail and the event) and marks every notice issued from it superseded.

    determine_opinion(wb, opinion_id, *, body=None, meeting_on=None, decision="")  "opinion.determine"
    reopen_determined(wb, opinion_id, reason)                                      "opinion.reopen_determined"
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.review_status import QUALIFIED, ReviewEventKind, ReviewStatus
from reviewapp.domain.roles import Action, Role
from reviewapp.errors import NotPermitted
from reviewapp.i18n import translate
from reviewapp.services.accounts.permissions import refusal
from reviewapp.services.changes import Kind
from reviewapp.services.panel.files import members_of, move
from reviewapp.services.panel.steps import ProcessError, case_of, load_opinion, person_name, require_text
from reviewapp.services.panel.supervision import supervision_problem
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.reviews.state import item_order, live_evidence, review_findings
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Account, Dissent, FeedbackAnswer, Notice, NoticeCase, Review
from reviewapp.storage.models.base import utcnow

DEPUTY, CHIEF, COMMITTEE = "分管副检察长", "检察长", "检察委员会"
BODIES = (DEPUTY, CHIEF, COMMITTEE)


def needs_chief(s: Session, opinion: Review) -> bool:
    """§1 steps 9–10: the chief (or the committee) determines every grade but 合格, and any opinion whose
    objection was rejected."""
    if (opinion.final_grade or opinion.proposed_grade) != QUALIFIED:
        return True
    rejected = s.scalar(
        select(FeedbackAnswer.id).where(
            FeedbackAnswer.opinion_id == opinion.id,
            FeedbackAnswer.deleted_at.is_(None),
            FeedbackAnswer.ruling == "rejected",
        )
    )
    return rejected is not None


def _login(s: Session, account_id: int | None) -> str:
    if account_id is None:
        return ""
    return s.scalar(select(Account.login).where(Account.id == account_id)) or ""


def signature_content(s: Session, opinion: Review) -> dict[str, Any]:
    """The opinion's content as signed: everything the report states as the result of the review."""
    case = case_of(s, opinion)
    standard = standard_in(s, opinion.standard_id)
    order = item_order(standard)
    findings = sorted(review_findings(s, opinion.id), key=lambda f: (order.get(f.item_code, len(order)), f.id))
    answers = list(
        s.scalars(
            select(FeedbackAnswer)
            .where(FeedbackAnswer.opinion_id == opinion.id, FeedbackAnswer.deleted_at.is_(None))
            .order_by(FeedbackAnswer.id)
        )
    )
    dissents = s.scalars(
        select(Dissent).where(Dissent.opinion_id == opinion.id, Dissent.deleted_at.is_(None)).order_by(Dissent.id)
    )
    return {
        "file_no": opinion.file_no,
        "case": case.dept_case_no,
        "case_name": case.name,
        "prosecutor": person_name(s, case.prosecutor_id),
        "review_type": opinion.review_type,
        "standard": [standard.code, standard.version],
        "scheme": opinion.scheme_id,
        "panel": [person_name(s, m.reviewer_id) for m in members_of(s, opinion)],
        "findings": [
            {
                "item": f.item_code,
                "severity": f.severity,
                "deduction": f.deduction,
                "reason": f.reason,
                "origin": f.origin,
                "origin_reason": f.origin_reason,
                "evidence": [list(pair) for pair in live_evidence(s, f.id)],
            }
            for f in findings
        ],
        "criteria": sorted(opinion.ticked_criteria or []),
        "excellence_justification": opinion.excellence_justification or "",
        "proposed_grade": opinion.proposed_grade,
        "grade": opinion.final_grade,
        "feedback": {
            "sent_on": _iso(opinion.feedback_sent_on),
            "due_on": _iso(opinion.feedback_due_on),
            "outcome": opinion.feedback_outcome,
            "closed_on": _iso(opinion.feedback_closed_on),
            "answers": [
                {
                    "finding": a.finding_id,
                    "answer": a.answer,
                    "reason": a.reason,
                    "attachments": [x.get("sha256") for x in a.attachments or []],
                    "ruling": a.ruling,
                    "ruling_reason": a.ruling_reason,
                    "revised": a.revised_finding_id,
                }
                for a in answers
            ],
        },
        "dissents": [{"member": person_name(s, d.member_id), "item": d.item_code, "text": d.text} for d in dissents],
        "determination": {
            "body": opinion.determination_body,
            "by": _login(s, opinion.determined_by_id),
            "at": opinion.determined_on.isoformat(timespec="seconds") if opinion.determined_on else None,
            "committee_meeting_on": _iso(opinion.committee_meeting_on),
            "committee_decision": opinion.committee_decision or "",
        },
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def opinion_signature(s: Session, opinion: Review) -> str:
    """SHA-256 of the canonical JSON (sorted keys, no spaces, UTF-8) of ``signature_content``."""
    text = json.dumps(signature_content(s, opinion), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def signature_matches(s: Session, opinion: Review) -> bool:
    """Whether the stored signature still matches the stored content (False when not determined)."""
    return bool(opinion.opinion_sha256) and opinion.opinion_sha256 == opinion_signature(s, opinion)


def verify_determination(wb: Workbench, opinion_id: int) -> bool:
    """Recompute the signature of a determined opinion (readers of reviews in the case's unit)."""
    with wb.db.session() as s:
        opinion = load_opinion(s, opinion_id)
        wb.permissions.require(wb.user, Action.READ_REVIEWS, unit_id=case_of(s, opinion).unit_id)
        return signature_matches(s, opinion)


def _body(o: Op, chief_needed: bool, body: str | None, meeting_on: date | None, decision: str) -> str:
    """The determining body, checked against the acting user's roles and the grade."""
    if body is None:
        body = COMMITTEE if meeting_on is not None else CHIEF if o.user.holds(Role.CHIEF) else DEPUTY
    if body not in BODIES:
        raise ProcessError(
            translate("Process", "Unknown determining body {body}; one of: {bodies}").format(
                body=body, bodies="、".join(BODIES)
            )
        )
    if body == DEPUTY and (chief_needed or not o.user.holds(Role.DEPUTY_CHIEF)):
        if chief_needed:
            raise NotPermitted(
                translate(
                    "Process",
                    "Only the chief prosecutor or the procuratorial committee determines this review (grade other "
                    "than 合格, or an objection rejected).",
                )
            )
        raise NotPermitted(
            translate("Process", "{user} is not the deputy chief prosecutor in charge.").format(
                user=o.user.name or o.user.login
            )
        )
    if body in (CHIEF, COMMITTEE) and not o.user.holds(Role.CHIEF):
        raise refusal(o.user, Action.DETERMINE)
    if body == COMMITTEE:
        if meeting_on is None:
            raise ProcessError(translate("Process", "Give the date of the procuratorial committee meeting."))
        require_text(decision, translate("Process", "Write the decision of the procuratorial committee."))
    elif meeting_on is not None:
        raise ProcessError(translate("Process", "A meeting date belongs to a determination by the committee."))
    return body


@mutation("opinion.determine", Action.DETERMINE_QUALIFIED)
def determine_opinion(
    o: Op, opinion_id: int, *, body: str | None = None, meeting_on: date | None = None, decision: str = ""
) -> str:
    """Determine (审定) the opinion's grade, lock it and sign it; returns the signature (SHA-256)."""
    s = o.session
    opinion = load_opinion(s, opinion_id)
    chief_needed = needs_chief(s, opinion)
    o.require(Action.DETERMINE if chief_needed else Action.DETERMINE_QUALIFIED, case_id=opinion.case_id)
    problem = None if chief_needed else supervision_problem(o.wb, s, o.user, case_of(s, opinion))
    if problem is not None:
        raise NotPermitted(problem)
    if opinion.status != ReviewStatus.AWAITING_DETERMINATION.value:
        raise ProcessError(
            translate("Process", "Review file {number} is not awaiting determination.").format(number=opinion.file_no)
        )
    chosen = _body(o, chief_needed, body, meeting_on, decision)
    opinion.determination_body = chosen
    opinion.determined_by_id = o.user.account_id
    opinion.determined_on = utcnow().replace(microsecond=0)
    opinion.committee_meeting_on = meeting_on if chosen == COMMITTEE else None
    opinion.committee_decision = decision.strip() if chosen == COMMITTEE else ""
    old = move(o, opinion, ReviewEventKind.DETERMINE, chosen)
    s.flush()
    opinion.opinion_sha256 = opinion_signature(s, opinion)
    o.audit(
        "review",
        opinion.id,
        case_id=opinion.case_id,
        review_id=opinion.id,
        changes={"status": [old, opinion.status]},
        grade=opinion.final_grade,
        body=chosen,
        sha256=opinion.opinion_sha256,
        committee_meeting_on=opinion.committee_meeting_on,
    )
    return opinion.opinion_sha256


def notices_of(s: Session, opinion: Review) -> list[Notice]:
    """The current notices issued from the opinion (or, in older data, from one of its member reviews)."""
    review_ids = [opinion.id, *(m.id for m in members_of(s, opinion))]
    ids = set(s.scalars(select(NoticeCase.notice_id).where(NoticeCase.review_id.in_(review_ids))))
    if not ids:
        return []
    return list(
        s.scalars(
            select(Notice)
            .where(Notice.id.in_(ids), Notice.status.not_in(("superseded", "withdrawn")))
            .order_by(Notice.id)
        )
    )


@mutation("opinion.reopen_determined", Action.REOPEN_DETERMINED)
def reopen_determined(o: Op, opinion_id: int, reason: str) -> list[str]:
    """Void the determination (back to the panel lead, reconciling) and supersede the notices issued from
    it; returns their numbers."""
    s = o.session
    opinion = load_opinion(s, opinion_id)
    o.require(Action.REOPEN_DETERMINED, case_id=opinion.case_id)
    if opinion.status != ReviewStatus.DETERMINED.value:
        raise ProcessError(
            translate("Process", "Review file {number} is not determined.").format(number=opinion.file_no)
        )
    why = require_text(reason, translate("Process", "Write the reason for reopening the determined review."))
    voided = {
        "determination_body": opinion.determination_body,
        "determined_by_id": opinion.determined_by_id,
        "determined_on": opinion.determined_on,
        "opinion_sha256": opinion.opinion_sha256,
        "committee_meeting_on": opinion.committee_meeting_on,
    }
    opinion.determination_body = None
    opinion.determined_by_id = None
    opinion.determined_on = None
    opinion.opinion_sha256 = ""
    opinion.committee_meeting_on = None
    opinion.committee_decision = ""
    old = move(o, opinion, ReviewEventKind.REOPEN_DETERMINED, why)
    numbers = []
    for notice in notices_of(s, opinion):
        notice.status = "superseded"
        o.stamp(notice)
        o.touch(Kind.NOTICE, notice.id)
        numbers.append(notice.number)
    o.audit(
        "review",
        opinion.id,
        case_id=opinion.case_id,
        review_id=opinion.id,
        changes={"status": [old, opinion.status], **{k: [v, None] for k, v in voided.items()}},
        reason=why,
        superseded_notices=numbers,
    )
    return numbers
