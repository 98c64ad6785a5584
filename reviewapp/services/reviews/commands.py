"""Reviews (评查) and findings in the database: the services the scoring workspace and the CLI call.

API (issue 3; the workspace codes against exactly this — changes are announced here first):

    @dataclass(frozen=True) EvidenceRef: document_id: int; page: int; title: str
    @dataclass(frozen=True) FindingRow: id; item_code; item_text; dimension_code; dimension_name; severity;
        deduction: float | None (None = the item's default); reason; phrase: str | None;
        source_check: str | None; evidence: tuple[EvidenceRef, ...]
    @dataclass(frozen=True) ReviewState: id; case_id; reviewer_id; reviewer_name; status ("draft" | "submitted");
        standard: Standard (the pinned version); scheme_id; findings (checklist order); ticked_criteria;
        excellence_justification; proposal: GradeProposal; final_grade: str | None; override_reason;
        submitted_at: datetime | None
    class ReviewError(ValueError)                       message for the user (translated)

    ensure_standards(wb) -> None
    start_review(wb, case_id, *, reviewer_id=None, review_type="常规抽查", scheme_id=None) -> ReviewState
    review_state(wb, review_id) -> ReviewState
    find_review(wb, case_id, reviewer_id) -> ReviewState | None
    list_reviews(wb, case_id) -> list[ReviewState]
    record_finding(wb, review_id, item_code, severity, reason, *, deduction=None, phrase=None,
                   evidence=(), source_check=None) -> ReviewState
    update_finding(wb, finding_id, *, severity=UNSET, reason=UNSET, deduction=UNSET, phrase=UNSET,
                   evidence=UNSET) -> ReviewState
    remove_finding(wb, finding_id) -> ReviewState
    set_criteria(wb, review_id, ticked, justification) -> ReviewState
    set_grade_override(wb, review_id, grade, reason) -> ReviewState
    submit_review(wb, review_id) -> ReviewState
    reopen_review(wb, review_id, reason) -> ReviewState

Notes for callers:
- Additions beyond the brief (backward compatible): ``start_review(..., scheme_id=None)`` grades under
  another scheme of the standard (e.g. "2018"); ``UNSET`` is the "leave unchanged" default of
  ``update_finding``.
- ``record_finding`` on an item that already has a finding replaces that finding's severity, reason,
  deduction, phrase, evidence and source_check (evidence too: pass the full list). A draft finding may
  have an empty reason; submission refuses it (validate_submission). Severity may be 瑕/错/严 or the full
  name; it is stored as the full name. ``evidence`` pairs are (document_id, page ≥ 1) of the review's case.
- ``set_grade_override(wb, id, None, "")`` clears the chosen grade (the proposal stands); a grade that
  differs from the proposal needs a reason.
- ``final_grade`` is the chosen grade while in draft, the submitted grade once submitted.
- Every mutation is one transaction, is refused on a submitted review, stamps updated_by/updated_at,
  writes a ChangeLog row (wb.log) and, for state changes (start, submit, reopen, override), a ReviewEvent.
- A start pins the newest stored StandardVersion covering the case type (shipped standards are stored on
  first need; the app should call ensure_standards on start). Refusals: case not closed (no 办结日期),
  no standard for the case type, reviewer not in the roster, reviewer = handling prosecutor (回避; also
  the same person entered twice in the roster: same unit and staff number, or same unit and name).

Layout: findings live in review_findings.py, snapshots in review_state.py, refusals in review_guard.py,
stored standards in standards_store.py — all re-exported here. Session-level helpers other services
build on (keep stable): review_guard.{load_review, case_of, refuse_submitted, start_in, check_item},
review_state.{after_change, build_state, store_proposal}, standards_store.standard_in, and
``record_in(session, wb, review, item_code, severity, reason, ...) -> (Finding, created)``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.grading_submission import validate_submission
from reviewapp.i18n import translate
from reviewapp.services.reviews.findings import UNSET, record_finding, record_in, remove_finding, update_finding
from reviewapp.services.reviews.guard import ReviewError, load_review, refuse_submitted, start_in
from reviewapp.services.reviews.standards_store import ensure_standards, standard_in
from reviewapp.services.reviews.state import (
    EvidenceRef,
    FindingRow,
    ReviewState,
    after_change,
    build_state,
    finding_inputs,
    review_findings,
    store_proposal,
    touch,
)
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Review, ReviewEvent
from reviewapp.storage.models.base import utcnow

__all__ = [
    "UNSET",
    "EvidenceRef",
    "FindingRow",
    "ReviewError",
    "ReviewState",
    "ensure_standards",
    "find_review",
    "list_reviews",
    "record_finding",
    "record_in",
    "remove_finding",
    "reopen_review",
    "review_state",
    "set_criteria",
    "set_grade_override",
    "start_review",
    "submit_review",
    "update_finding",
]


def _event(wb: Workbench, s: Session, review: Review, kind: str, old: str | None, reason: str = "") -> None:
    s.add(
        ReviewEvent(
            review_id=review.id, actor=wb.actor.name, kind=kind, from_status=old, to_status=review.status, reason=reason
        )
    )


# --- reading -----------------------------------------------------------------------------------------


def review_state(wb: Workbench, review_id: int) -> ReviewState:
    with wb.db.session() as s:
        review = load_review(s, review_id)
        return build_state(s, review, standard_in(s, review.standard_id))


def find_review(wb: Workbench, case_id: int, reviewer_id: int) -> ReviewState | None:
    """The reviewer's review of the case (latest round), or None."""
    with wb.db.session() as s:
        review = s.scalar(
            select(Review)
            .where(Review.case_id == case_id, Review.reviewer_id == reviewer_id)
            .order_by(Review.round.desc())
        )
        return None if review is None else build_state(s, review, standard_in(s, review.standard_id))


def list_reviews(wb: Workbench, case_id: int) -> list[ReviewState]:
    with wb.db.session() as s:
        reviews = s.scalars(select(Review).where(Review.case_id == case_id).order_by(Review.id))
        return [build_state(s, r, standard_in(s, r.standard_id)) for r in reviews]


# --- lifecycle ---------------------------------------------------------------------------------------


def start_review(
    wb: Workbench,
    case_id: int,
    *,
    reviewer_id: int | None = None,
    review_type: str = "常规抽查",
    scheme_id: str | None = None,
) -> ReviewState:
    """Start (or return the existing) review of a closed case by a reviewer who is not in conflict (回避),
    pinned to the newest stored standard version for the case type."""
    reviewer = wb.actor.person_id if reviewer_id is None else reviewer_id
    if reviewer is None:
        raise ReviewError(translate("Reviews", "Choose who reviews the case."))
    with wb.db.session() as s:
        review = start_in(s, wb, case_id, reviewer, review_type=review_type, scheme_id=scheme_id)
        return build_state(s, review, standard_in(s, review.standard_id))


def submit_review(wb: Workbench, review_id: int) -> ReviewState:
    """Submit the opinion with its grade (the chosen grade, else the proposal); refuses with every
    problem of validate_submission (review-rules.md §2 practice rules)."""
    with wb.db.session() as s:
        review = load_review(s, review_id)
        refuse_submitted(review)
        standard = standard_in(s, review.standard_id)
        findings = review_findings(s, review.id)
        proposal = store_proposal(standard, review, findings)
        chosen = review.final_grade or proposal.grade
        problems = validate_submission(
            standard,
            finding_inputs(standard, findings),
            review.ticked_criteria or [],
            chosen,
            review.override_reason or "",
            proposal,
            excellence_justification=review.excellence_justification or "",
        )
        if problems:
            raise ReviewError(
                translate("Reviews", "The review cannot be submitted:\n{problems}").format(
                    problems="\n".join(f"- {p}" for p in problems)
                )
            )
        review.status = "submitted"
        review.final_grade = chosen
        review.submitted_at = utcnow()
        touch(wb, review)
        _event(wb, s, review, "submit", "draft", review.override_reason or "")
        wb.log(s, "review.submit", "review", review.id, grade=chosen, proposed=proposal.grade)
        s.flush()
        return build_state(s, review, standard, findings, proposal)


def reopen_review(wb: Workbench, review_id: int, reason: str) -> ReviewState:
    """Back to draft; the reason is mandatory and recorded as a ReviewEvent."""
    if not reason.strip():
        raise ReviewError(translate("Reviews", "Write why the review is reopened."))
    with wb.db.session() as s:
        review = load_review(s, review_id)
        if review.status != "submitted":
            raise ReviewError(translate("Reviews", "Only a submitted review can be reopened."))
        review.status = "draft"
        review.submitted_at = None
        # The submitted grade was either the accepted proposal or an override with its reason; only the
        # override is the reviewer's own choice to keep.
        if not (review.override_reason or "").strip():
            review.final_grade = None
        _event(wb, s, review, "reopen", "submitted", reason.strip())
        wb.log(s, "review.reopen", "review", review.id, reason=reason.strip())
        return after_change(s, wb, review)


# --- criteria and grade ------------------------------------------------------------------------------


def set_criteria(wb: Workbench, review_id: int, ticked: Sequence[str], justification: str) -> ReviewState:
    """The ticked 优质 criteria (codes of the pinned standard) and the written justification."""
    with wb.db.session() as s:
        review = load_review(s, review_id)
        refuse_submitted(review)
        standard = standard_in(s, review.standard_id)
        known = {c.code for c in standard.criteria}
        unknown = [c for c in ticked if c not in known]
        if unknown:
            raise ReviewError(
                translate("Reviews", "Criterion {codes} is not in standard {standard}.").format(
                    codes="、".join(unknown), standard=standard.code
                )
            )
        review.ticked_criteria = list(dict.fromkeys(ticked))
        review.excellence_justification = justification.strip()
        wb.log(s, "review.criteria", "review", review.id, ticked=review.ticked_criteria)
        return after_change(s, wb, review)


def set_grade_override(wb: Workbench, review_id: int, grade: str | None, reason: str) -> ReviewState:
    """Choose a grade other than the proposal, with a written reason stored next to the proposal
    (review-rules.md §2: the proposal is only a proposal). ``None`` clears the choice."""
    with wb.db.session() as s:
        review = load_review(s, review_id)
        refuse_submitted(review)
        standard = standard_in(s, review.standard_id)
        if grade is not None:
            scheme = standard.grade_scheme(review.scheme_id)
            if grade not in scheme.grades:
                raise ReviewError(
                    translate("Reviews", "Grade {grade} is not a grade of scheme {scheme}.").format(
                        grade=grade, scheme=scheme.name
                    )
                )
            proposal = store_proposal(standard, review, review_findings(s, review.id))
            if grade != proposal.grade and not reason.strip():
                raise ReviewError(
                    translate("Reviews", "Write why the grade {grade} differs from the proposal.").format(grade=grade)
                )
        old = review.final_grade
        review.final_grade = grade
        review.override_reason = reason.strip() if grade is not None else ""
        _event(wb, s, review, "override", review.status, review.override_reason)
        wb.log(s, "review.override", "review", review.id, grade=grade, previous=old)
        return after_change(s, wb, review)
