"""Rulings on the handling prosecutor's objections (异议).

review-rules.md §1 step 9: the panel lead or the 案管负责人 rules on each objection. Upheld: the finding is
revised — a new version (origin ``revised``, linked to the old one by ``supersedes_id``) replaces it and the
old one is kept, tombstoned and visible; or it is withdrawn when the problem is not there at all — and the
opinion's grade is recomputed. Rejected: with reasons, and the opinion then goes to the chief prosecutor (or
the committee) for determination (determination.py). The last ruling sends the opinion to determination.

    rule_objection(wb, answer_id, upheld, reason, *, severity=None, finding_reason=None, withdraw=False)
        "objection.rule" → Ruling
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from reviewapp.domain.review_status import ReviewEventKind, ReviewStatus
from reviewapp.domain.roles import Action
from reviewapp.i18n import translate
from reviewapp.services.changes import Kind
from reviewapp.services.panel.files import move
from reviewapp.services.panel.steps import ProcessError, case_of, load_opinion, require_text
from reviewapp.services.reviews.guard import check_item
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.reviews.state import live_evidence, review_findings, store_proposal
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import FeedbackAnswer, Finding, FindingEvidence, Review
from reviewapp.storage.models.base import utcnow

UPHELD, REJECTED = "upheld", "rejected"


@dataclass(frozen=True)
class Ruling:
    answer_id: int
    ruling: str  # upheld | rejected
    revised_finding_id: int | None
    grade_before: str | None
    grade_after: str | None
    open_objections: int  # objections of the opinion still to rule on
    status: ReviewStatus  # the opinion's status afterwards


def _revise(
    o: Op, opinion: Review, old: Finding, severity: str | None, finding_reason: str | None, reason: str
) -> Finding:
    s = o.session
    case = case_of(s, opinion)
    standard = standard_in(s, opinion.standard_id)
    full = check_item(standard, case.case_type, old.item_code, severity or old.severity)
    new = Finding(
        review_id=opinion.id,
        item_code=old.item_code,
        severity=full,
        deduction=old.deduction,
        reason=(finding_reason or "").strip() or old.reason,
        phrase=old.phrase,
        source_check=old.source_check,
        origin="revised",
        origin_reason=reason,
        supersedes_id=old.id,
    )
    s.add(o.stamp(new, new=True))
    s.flush()
    for document_id, page in live_evidence(s, old.id):
        s.add(FindingEvidence(finding_id=new.id, document_id=document_id, page=page))
    o.touch(Kind.FINDING, new.id)
    return new


def recompute_grade(o: Op, opinion: Review) -> None:
    """The opinion's proposal over its live findings; its grade follows the proposal (a revision changes
    the panel's findings, so a grade the panel chose over the old ones no longer stands)."""
    s = o.session
    proposal = store_proposal(standard_in(s, opinion.standard_id), opinion, review_findings(s, opinion.id))
    opinion.final_grade = proposal.grade
    opinion.override_reason = ""


@mutation("objection.rule", Action.RULE_OBJECTIONS)
def rule_objection(
    o: Op,
    answer_id: int,
    upheld: bool,
    reason: str,
    *,
    severity: str | None = None,
    finding_reason: str | None = None,
    withdraw: bool = False,
) -> Ruling:
    """Rule on one objection, with the reason. Upheld: the finding is revised to ``severity`` (default: its
    own) and ``finding_reason``, or withdrawn with ``withdraw=True``."""
    s = o.session
    answer = s.get(FeedbackAnswer, answer_id)
    if answer is None or answer.deleted_at is not None or answer.answer != "object":
        raise ProcessError(translate("Process", "Objection {id} does not exist.").format(id=answer_id))
    opinion = load_opinion(s, answer.opinion_id)
    o.require(Action.RULE_OBJECTIONS, case_id=opinion.case_id)
    if opinion.status != ReviewStatus.OBJECTIONS.value:
        raise ProcessError(
            translate("Process", "Review file {number} has no objections to rule on.").format(number=opinion.file_no)
        )
    if answer.ruling is not None:
        raise ProcessError(translate("Process", "Objection {id} has already been ruled on.").format(id=answer_id))
    why = require_text(reason, translate("Process", "Write the reason for the ruling."))
    old = s.get(Finding, answer.finding_id)
    if old is None or old.deleted_at is not None:
        raise ProcessError(translate("Process", "The finding objected to is no longer in the opinion."))
    grade_before = opinion.final_grade
    revised: Finding | None = None
    if upheld:
        if not withdraw:
            revised = _revise(o, opinion, old, severity, finding_reason, why)
        old.deleted_at = utcnow()
        o.stamp(old)
        o.touch(Kind.FINDING, old.id)
        s.flush()
        recompute_grade(o, opinion)
    answer.ruling = UPHELD if upheld else REJECTED
    answer.ruling_reason = why
    answer.ruled_by_id = o.user.account_id
    answer.ruled_at = utcnow()
    answer.revised_finding_id = revised.id if revised is not None else None
    o.stamp(answer)
    s.flush()
    left = len(
        list(
            s.scalars(
                select(FeedbackAnswer.id).where(
                    FeedbackAnswer.opinion_id == opinion.id,
                    FeedbackAnswer.deleted_at.is_(None),
                    FeedbackAnswer.answer == "object",
                    FeedbackAnswer.ruling.is_(None),
                )
            )
        )
    )
    old_status = move(o, opinion, ReviewEventKind.RULE if left else ReviewEventKind.RULINGS_DONE, why)
    o.audit(
        "review",
        opinion.id,
        case_id=opinion.case_id,
        review_id=opinion.id,
        changes={"status": [old_status, opinion.status], "final_grade": [grade_before, opinion.final_grade]},
        objection=answer.id,
        item=old.item_code,
        ruling=answer.ruling,
        revised_finding=answer.revised_finding_id,
        withdrawn=bool(upheld and withdraw),
    )
    return Ruling(
        answer.id,
        answer.ruling,
        answer.revised_finding_id,
        grade_before,
        opinion.final_grade,
        left,
        ReviewStatus(opinion.status),
    )
