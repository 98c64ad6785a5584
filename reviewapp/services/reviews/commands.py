"""Reviews (评查) and findings in the database: the services the scoring workspace and the CLI call.

    @dataclass(frozen=True) EvidenceRef: document_id: int; page: int; title: str
    @dataclass(frozen=True) FindingRow: id; item_code; item_text; dimension_code; dimension_name; severity;
        deduction: float | None (None = the item's default); reason; phrase: str | None;
        source_check: str | None; evidence: tuple[EvidenceRef, ...]
    @dataclass(frozen=True) ReviewState: id; case_id; reviewer_id; reviewer_name; status: ReviewStatus;
        standard: Standard (the pinned version); scheme_id; findings (checklist order); ticked_criteria;
        excellence_justification; proposal: GradeProposal; final_grade: str | None; override_reason;
        submitted_at: datetime | None
    class ReviewError(KnownError)                       message for the user (translated)

    reads (plain data; NotPermitted unless the user may read the review — guard.may_read):
    review_state(wb, review_id) -> ReviewState
    find_review(wb, case_id, reviewer_id) -> ReviewState | None
    list_reviews(wb, case_id) -> list[ReviewState]        only the reviews the user may read
    undo_status(wb, review_id) -> UndoStatus(undo_label, redo_label)

    mutations (services/write_path.py; call with the workbench first, ``.with_changes`` for the record):
    ensure_standards(wb) -> None
    start_review(wb, case_id, *, reviewer_id=None, review_type="常规抽查", scheme_id=None) -> ReviewState
    record_finding(wb, review_id, item_code, severity, reason, *, deduction=None, phrase=None,
                   evidence=(), source_check=None) -> ReviewState
    update_finding(wb, finding_id, *, severity=UNSET, reason=UNSET, deduction=UNSET, phrase=UNSET,
                   evidence=UNSET) -> ReviewState
    remove_finding(wb, finding_id) -> ReviewState
    set_criteria(wb, review_id, ticked, justification) -> ReviewState
    set_grade_override(wb, review_id, grade, reason) -> ReviewState
    submit_review(wb, review_id) -> ReviewState
    reopen_review(wb, review_id, reason) -> ReviewState
    undo_review_edit(wb, review_id) -> ReviewState / redo_review_edit(wb, review_id) -> ReviewState

Notes for callers:
- Who: a review is changed (findings, criteria, grade, suggestions, submit) only by its own reviewer
  holding a role that grants SCORE over the case's unit; starting one for another reviewer needs
  ASSIGN_REVIEWS; reopening needs REOPEN_REVIEW, or is the reviewer's own with SCORE (review-rules.md §1).
  Refusals are NotPermitted with nothing written.
- ``record_finding`` on an item that already has a finding replaces that finding's severity, reason,
  deduction, phrase, evidence and source_check (evidence too: pass the full list). A draft finding may
  have an empty reason; submission refuses it (validate_submission). Severity may be 瑕/错/严 or the full
  name; it is stored as the full name. ``evidence`` pairs are (document_id, page ≥ 1) of the review's case.
- ``set_grade_override(wb, id, None, "")`` clears the chosen grade (the proposal stands). A chosen grade that
  differs from the proposal is kept even before its reason is written; submitting is refused until it is
  (the choice is never silently dropped).
- ``final_grade`` is the chosen grade while in draft, the submitted grade once submitted.
- Every edit of a draft (record, update, remove, criteria, grade, accept/dismiss a suggestion) is one undo
  step of the acting user (undo.py); submit and reopen clear the review's steps.
- A start pins the newest stored StandardVersion covering the case type. Refusals: case not closed (no
  办结日期), no standard for the case type, reviewer not in the roster, 回避 (the reviewer handled the
  case — also the same person entered twice in the roster — or works in the department that handled it).

Layout: findings live in findings.py, snapshots in state.py, refusals and permissions in guard.py, undo in
undo.py, stored standards in standards_store.py — all re-exported here. Session-level helpers other
services build on: guard.{load_review, case_of, refuse_submitted, require_scorer, may_read, start_in(o, …),
check_item}, state.{after_change(o, …), build_state, store_proposal, review_findings}, standards_store.
standard_in, and ``record_in(o, review, item_code, severity, reason, ...) -> (Finding, created)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from reviewapp.domain.grading_submission import validate_submission
from reviewapp.domain.review_status import ReviewEventKind, ReviewKind, ReviewStatus, TransitionRefused, next_status
from reviewapp.domain.roles import Action
from reviewapp.i18n import translate
from reviewapp.services.panel.opinion import on_member_reopened, on_member_submitted
from reviewapp.services.reviews.findings import UNSET, record_finding, record_in, remove_finding, update_finding
from reviewapp.services.reviews.guard import (
    ReviewError,
    add_event,
    load_review,
    lock_case,
    lock_case_of_review,
    lock_review,
    may_read,
    refuse_submitted,
    require_read,
    require_scorer,
    start_in,
)
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
)
from reviewapp.services.reviews.undo import (
    EditImages,
    UndoStatus,
    clear_steps,
    image_changes,
    redo_review_edit,
    undo_review_edit,
    undo_status,
)
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Review
from reviewapp.storage.models.base import utcnow

MEMBER = ReviewKind.MEMBER.value

__all__ = [
    "UNSET",
    "EvidenceRef",
    "FindingRow",
    "ReviewError",
    "ReviewState",
    "ReviewStatus",
    "UndoStatus",
    "ensure_standards",
    "find_review",
    "list_reviews",
    "open_review",
    "record_finding",
    "record_in",
    "redo_review_edit",
    "remove_finding",
    "reopen_review",
    "review_state",
    "set_criteria",
    "set_grade_override",
    "start_review",
    "submit_review",
    "undo_review_edit",
    "undo_status",
    "update_finding",
]


# --- reading -----------------------------------------------------------------------------------------


def review_state(wb: Workbench, review_id: int) -> ReviewState:
    with wb.db.session() as s:
        review = load_review(s, review_id)
        require_read(wb, s, review)
        return build_state(s, review, standard_in(s, review.standard_id))


def find_review(wb: Workbench, case_id: int, reviewer_id: int) -> ReviewState | None:
    """The reviewer's review of the case (latest round), or None."""
    with wb.db.session() as s:
        review = s.scalar(
            select(Review)
            .where(Review.case_id == case_id, Review.reviewer_id == reviewer_id, Review.deleted_at.is_(None))
            .where(Review.kind == MEMBER)
            .order_by(Review.round.desc())
        )
        if review is None:
            return None
        require_read(wb, s, review)
        return build_state(s, review, standard_in(s, review.standard_id))


def list_reviews(wb: Workbench, case_id: int) -> list[ReviewState]:
    """The case's reviews the logged-in user may read (their own, or all in scope with READ_REVIEWS)."""
    with wb.db.session() as s:
        reviews = s.scalars(
            select(Review)
            .where(Review.case_id == case_id, Review.kind == MEMBER, Review.deleted_at.is_(None))
            .order_by(Review.id)
        )
        return [build_state(s, r, standard_in(s, r.standard_id)) for r in reviews if may_read(wb, s, r)]


# --- lifecycle ---------------------------------------------------------------------------------------


@mutation("review.start", Action.SCORE, one_case=True)
def start_review(
    o: Op,
    case_id: int,
    *,
    reviewer_id: int | None = None,
    review_type: str = "常规抽查",
    scheme_id: str | None = None,
) -> ReviewState:
    """Start (or return the existing) review of a closed case by a reviewer who is not in conflict (回避),
    pinned to the newest stored standard version for the case type. The reviewer is the acting user unless
    ``reviewer_id`` names another (which needs ASSIGN_REVIEWS)."""
    reviewer = o.user.person_id if reviewer_id is None else reviewer_id
    if reviewer is None:
        raise ReviewError(translate("Reviews", "Choose who reviews the case."))
    s = o.session
    lock_case(o, case_id)
    review = start_in(o, case_id, reviewer, review_type=review_type, scheme_id=scheme_id)
    return build_state(s, review, standard_in(s, review.standard_id))


def open_review(wb: Workbench, case_id: int, **options: Any) -> ReviewState:
    """The acting reviewer's review of the case: read when it exists (opening is not a change, so it leaves
    no audit entry), else started through ``start_review``."""
    if wb.user.person_id is not None:
        existing = find_review(wb, case_id, wb.user.person_id)
        if existing is not None:
            return existing
    return start_review(wb, case_id, **options)


@mutation("review.submit", Action.SCORE, one_case=True)
def submit_review(o: Op, review_id: int) -> ReviewState:
    """Submit the opinion with its grade (the chosen grade, else the proposal); refuses with every
    problem of validate_submission (review-rules.md §2 practice rules) — among them a chosen grade that
    differs from the proposal without a written reason. What it changes is the case's: the review, and the
    case's review file when this is the last member's submission (panel/opinion.py), so it locks the case,
    then the review (an edit of the review may run meanwhile on PostgreSQL: it finishes first)."""
    s = o.session
    lock_case_of_review(o, review_id)
    review = lock_review(o, review_id)
    require_scorer(o, review)
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
    old = review.status
    review.status = next_status(old, ReviewEventKind.SUBMIT).value
    review.final_grade = chosen
    review.submitted_at = utcnow()
    add_event(o, review, ReviewEventKind.SUBMIT, old, review.override_reason or "")
    clear_steps(s, review.id)  # a submitted review does not change, so nothing is left to undo
    s.flush()
    on_member_submitted(o, review)  # the last member's submission forms the opinion
    o.audit(
        "review",
        review.id,
        case_id=review.case_id,
        review_id=review.id,
        changes={"status": [old, review.status], "final_grade": [None, chosen]},
        proposed=proposal.grade,
    )
    return after_change(o, review, findings)


@mutation("review.reopen", None)  # REOPEN_REVIEW, or the reviewer's own review with SCORE: checked below
def reopen_review(o: Op, review_id: int, reason: str) -> ReviewState:
    """Back to draft; the reason is mandatory and recorded as a ReviewEvent."""
    s = o.session
    review = load_review(s, review_id)
    if o.user.person_id is not None and o.user.person_id == review.reviewer_id:
        o.require(Action.SCORE, case_id=review.case_id)
    else:
        o.require(Action.REOPEN_REVIEW, case_id=review.case_id)
    if not reason.strip():
        raise ReviewError(translate("Reviews", "Write why the review is reopened."))
    old = review.status
    try:
        review.status = next_status(old, ReviewEventKind.REOPEN).value
    except TransitionRefused:
        raise ReviewError(translate("Reviews", "Only a submitted review can be reopened.")) from None
    on_member_reopened(o, review)  # refused once anyone downstream acted on the opinion
    review.submitted_at = None
    # The submitted grade was either the accepted proposal or an override with its reason; only the
    # override is the reviewer's own choice to keep.
    grade = review.final_grade
    if not (review.override_reason or "").strip():
        review.final_grade = None
    add_event(o, review, ReviewEventKind.REOPEN, old, reason.strip())
    clear_steps(s, review.id)
    o.audit(
        "review",
        review.id,
        case_id=review.case_id,
        review_id=review.id,
        changes={"status": [old, review.status], "final_grade": [grade, review.final_grade]},
        reason=reason.strip(),
    )
    return after_change(o, review)


# --- criteria and grade ------------------------------------------------------------------------------


@mutation("review.criteria", Action.SCORE)
def set_criteria(o: Op, review_id: int, ticked: Sequence[str], justification: str) -> ReviewState:
    """The ticked 优质 criteria (codes of the pinned standard) and the written justification."""
    s = o.session
    review = load_review(s, review_id)
    require_scorer(o, review)
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
    images = EditImages(o, review)
    review.ticked_criteria = list(dict.fromkeys(ticked))
    review.excellence_justification = justification.strip()
    state = after_change(o, review)
    before, after = images.images()
    # Saves of the justification being typed are one undo step.
    only_text = set(image_changes(before["review"], after["review"])) == {"excellence_justification"}
    merge_key = f"justification:{review.uid}" if only_text else None
    images.declare(translate("ReviewUndo", "change the 优质 criteria"), merge_key, (before, after))
    o.audit(
        "review", review.id, case_id=review.case_id, review_id=review.id,
        changes=image_changes(before["review"], after["review"]),
    )  # fmt: skip
    return state


@mutation("review.override", Action.SCORE)
def set_grade_override(o: Op, review_id: int, grade: str | None, reason: str) -> ReviewState:
    """Choose a grade other than the proposal, with a written reason stored next to the proposal
    (review-rules.md §2: the proposal is only a proposal). ``None`` clears the choice. The choice is kept
    while its reason is still missing; submit_review refuses until it is written."""
    s = o.session
    review = load_review(s, review_id)
    require_scorer(o, review)
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
    images = EditImages(o, review)
    old = review.status
    review.final_grade = grade
    review.override_reason = reason.strip() if grade is not None else ""
    review.status = next_status(old, ReviewEventKind.OVERRIDE).value
    add_event(o, review, ReviewEventKind.OVERRIDE, old, review.override_reason)
    state = after_change(o, review)
    before, after = images.images()
    # Saves of the reason being typed are one undo step.
    only_text = set(image_changes(before["review"], after["review"])) == {"override_reason"}
    merge_key = f"override_reason:{review.uid}" if only_text else None
    images.declare(translate("ReviewUndo", "choose the grade"), merge_key, (before, after))
    o.audit(
        "review", review.id, case_id=review.case_id, review_id=review.id,
        changes=image_changes(before["review"], after["review"]), proposed=state.proposal.grade,
    )  # fmt: skip
    return state
