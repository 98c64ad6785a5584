"""Gold cases and training reviews (评查员培训): a reviewed case is marked as a gold case with its formed opinion
as the reference; reviewers score it again for practice and their result is compared with the reference
item by item (training_compare.py).

A training review is a ``reviews`` row of kind ``training`` with no review file: it never opens, joins or
forms an opinion, so it is never in the ledger, statistics, appraisal, notices, calibration or the case's
review file — all of which read opinions (and their member reviews). It is scored and submitted through the
mutations below only.

    mutations (services/write_path.py):
    mark_gold(wb, case_id, note="") -> int                  "training.mark_gold" (ASSIGN_REVIEWS)
    unmark_gold(wb, case_id, reason) -> None                "training.unmark_gold" (ASSIGN_REVIEWS)
    start_training(wb, case_id) -> int (review id)           "training.start" (SCORE)
    record_training_finding(wb, review_id, item, severity, reason="") -> None   "training.record" (SCORE)
    remove_training_finding(wb, review_id, item) -> None    "training.remove" (SCORE)
    submit_training(wb, review_id) -> None                  "training.submit" (SCORE)
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewapp.domain.review_status import FORMED, ReviewEventKind, ReviewKind, ReviewStatus, next_status
from reviewapp.domain.roles import Action
from reviewapp.errors import KnownError, NotPermitted
from reviewapp.i18n import translate
from reviewapp.services.analysis.calibration_data import formed_findings
from reviewapp.services.changes import Kind
from reviewapp.services.reviews.findings import record_in
from reviewapp.services.reviews.guard import add_event, recusal_problem
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.reviews.state import review_findings, store_proposal
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Case, Finding, GoldCase, Person, Review
from reviewapp.storage.models.base import utcnow

TRAINING = ReviewKind.TRAINING.value
TRAINING_TYPE = "培训评查"  # review_type of a training review (never counted: it forms no opinion)
FORMED_VALUES = tuple(sorted(s.value for s in FORMED))


class TrainingError(KnownError, ValueError):
    """A gold-case or training step that cannot go ahead; the message is translated, for the user."""


def _case(s: Session, case_id: int) -> Case:
    case = s.get(Case, case_id)
    if case is None:
        raise TrainingError(translate("Training", "Case {id} does not exist.").format(id=case_id))
    return case


def live_gold(s: Session, case_id: int) -> GoldCase | None:
    return s.scalar(select(GoldCase).where(GoldCase.case_id == case_id, GoldCase.deleted_at.is_(None)))


def _gold(s: Session, case: Case) -> GoldCase:
    gold = live_gold(s, case.id)
    if gold is None:
        raise TrainingError(translate("Training", "Case {case} is not a gold case.").format(case=case.dept_case_no))
    return gold


def _reference_opinion(s: Session, case: Case) -> Review:
    opinion = s.scalar(
        select(Review)
        .where(
            Review.case_id == case.id,
            Review.kind == ReviewKind.OPINION.value,
            Review.deleted_at.is_(None),
            Review.status.in_(FORMED_VALUES),
        )
        .order_by(Review.round.desc(), Review.id.desc())
    )
    if opinion is None:
        raise TrainingError(
            translate(
                "Training", "Case {case} has no formed review opinion to serve as the reference of a gold case."
            ).format(case=case.dept_case_no)
        )
    return opinion


@mutation("training.mark_gold", Action.ASSIGN_REVIEWS)
def mark_gold(o: Op, case_id: int, note: str = "") -> int:
    """Mark a case as a gold case; its formed opinion (as the panel formed it) is copied as the reference.
    Returns the gold case's id."""
    s = o.session
    case = _case(s, case_id)
    o.require(Action.ASSIGN_REVIEWS, unit_id=case.unit_id)
    if live_gold(s, case.id) is not None:
        raise TrainingError(translate("Training", "Case {case} is already a gold case.").format(case=case.dept_case_no))
    opinion = _reference_opinion(s, case)
    findings = formed_findings(s, [opinion.id]).get(opinion.id, {})
    reference = {
        "grade": opinion.final_grade or opinion.proposed_grade,
        "scheme": opinion.scheme_id,
        "standard_id": opinion.standard_id,
        "findings": {item: {"severity": sev, "reason": why} for item, (sev, why) in sorted(findings.items())},
    }
    gold = GoldCase(
        case_id=case.id,
        reference_review_id=opinion.id,
        marked_by_id=o.user.account_id,
        marked_at=utcnow(),
        note=note.strip(),
        reference=reference,
    )
    o.stamp(gold, new=True)
    s.add(gold)
    s.flush()
    o.touch(Kind.CASE, case.id)
    o.audit("gold_case", gold.id, case_id=case.id, review_id=opinion.id, note=gold.note, case=case.dept_case_no)
    return gold.id


@mutation("training.unmark_gold", Action.ASSIGN_REVIEWS)
def unmark_gold(o: Op, case_id: int, reason: str) -> None:
    """The case is no longer a gold case (tombstoned; its training reviews and their comparisons stay)."""
    s = o.session
    case = _case(s, case_id)
    o.require(Action.ASSIGN_REVIEWS, unit_id=case.unit_id)
    if not reason.strip():
        raise TrainingError(translate("Training", "Write why the case is no longer a gold case."))
    gold = _gold(s, case)
    gold.deleted_at = utcnow()
    o.stamp(gold)
    o.touch(Kind.CASE, case.id)
    o.audit("gold_case", gold.id, case_id=case.id, changes={"deleted": [False, True]}, reason=reason.strip())


def _refuse_insider(s: Session, case: Case, person: Person) -> None:
    """Who already knows the answer cannot practise on it: the handler (and their department, 回避) and
    every reviewer of the case's panels."""
    problem = recusal_problem(s, case, person)
    if problem:
        raise TrainingError(problem)
    sat = s.scalar(
        select(func.count(Review.id)).where(
            Review.case_id == case.id,
            Review.reviewer_id == person.id,
            Review.kind == ReviewKind.MEMBER.value,
            Review.deleted_at.is_(None),
        )
    )
    if sat:
        raise TrainingError(
            translate("Training", "{reviewer} reviewed case {case}; its reference would not test them.").format(
                reviewer=person.name, case=case.dept_case_no
            )
        )


@mutation("training.start", Action.SCORE)
def start_training(o: Op, case_id: int) -> int:
    """The acting reviewer's open training review of the gold case, or a new attempt. Returns its id."""
    s = o.session
    case = _case(s, case_id)
    o.require(Action.SCORE, unit_id=case.unit_id)
    gold = _gold(s, case)
    person = s.get(Person, o.user.person_id) if o.user.person_id is not None else None
    if person is None:
        raise TrainingError(translate("Training", "Only a reviewer in the roster can score a gold case."))
    _refuse_insider(s, case, person)
    attempts = list(
        s.scalars(
            select(Review)
            .where(Review.case_id == case.id, Review.reviewer_id == person.id, Review.kind == TRAINING)
            .where(Review.deleted_at.is_(None))
            .order_by(Review.round)
        )
    )
    if attempts and attempts[-1].status == ReviewStatus.DRAFT.value:
        o.audit("review", attempts[-1].id, case_id=case.id, review_id=attempts[-1].id, existing=True)
        return attempts[-1].id
    reference = gold.reference
    review = Review(
        kind=TRAINING,
        file_id=None,
        case_id=case.id,
        reviewer_id=person.id,
        round=(attempts[-1].round + 1) if attempts else 1,
        review_type=TRAINING_TYPE,
        standard_id=int(reference["standard_id"]),
        scheme_id=str(reference["scheme"]),
        status=next_status(None, ReviewEventKind.START).value,
        ticked_criteria=[],
    )
    o.stamp(review, new=True)
    s.add(review)
    s.flush()
    store_proposal(standard_in(s, review.standard_id), review, [])
    add_event(o, review, ReviewEventKind.START, None)
    o.touch(Kind.REVIEW, review.id)
    o.audit(
        "review", review.id, case_id=case.id, review_id=review.id, changes={"status": [None, review.status]},
        kind=TRAINING, attempt=review.round,
    )  # fmt: skip
    return review.id


def _own_draft(o: Op, review_id: int) -> Review:
    s = o.session
    review = s.get(Review, review_id)
    if review is None or review.deleted_at is not None or review.kind != TRAINING:
        raise TrainingError(translate("Training", "Training review {id} does not exist.").format(id=review_id))
    if o.user.person_id is None or o.user.person_id != review.reviewer_id:
        raise NotPermitted(translate("Training", "A training review is scored only by its own reviewer."))
    o.require(Action.SCORE, case_id=review.case_id)
    if review.status != ReviewStatus.DRAFT.value:
        raise TrainingError(translate("Training", "The training review is submitted; start a new attempt."))
    return review


@mutation("training.record", Action.SCORE)
def record_training_finding(o: Op, review_id: int, item_code: str, severity: str, reason: str = "") -> None:
    """Record (or replace) the trainee's finding on an item of the pinned standard."""
    s = o.session
    review = _own_draft(o, review_id)
    code = item_code.strip().upper()
    before = s.scalar(
        select(Finding.severity).where(
            Finding.review_id == review.id, Finding.item_code == code, Finding.deleted_at.is_(None)
        )
    )
    finding, _ = record_in(o, review, code, severity, reason)
    store_proposal(standard_in(s, review.standard_id), review, review_findings(s, review.id))
    o.stamp(review)
    o.touch(Kind.REVIEW, review.id)
    o.audit(
        "finding", finding.id, case_id=review.case_id, review_id=review.id, item=finding.item_code,
        changes={"severity": [before, finding.severity]}, kind=TRAINING,
    )  # fmt: skip


@mutation("training.remove", Action.SCORE)
def remove_training_finding(o: Op, review_id: int, item_code: str) -> None:
    s = o.session
    review = _own_draft(o, review_id)
    code = item_code.strip().upper()
    finding = s.scalar(
        select(Finding).where(Finding.review_id == review.id, Finding.item_code == code, Finding.deleted_at.is_(None))
    )
    if finding is None:
        raise TrainingError(translate("Training", "Item {code} has no finding to remove.").format(code=code))
    finding.deleted_at = utcnow()
    o.stamp(finding)
    store_proposal(standard_in(s, review.standard_id), review, review_findings(s, review.id))
    o.touch(Kind.FINDING, finding.id)
    o.touch(Kind.REVIEW, review.id)
    o.audit("finding", finding.id, case_id=review.case_id, review_id=review.id, item=code, removed=True)


@mutation("training.submit", Action.SCORE)
def submit_training(o: Op, review_id: int) -> None:
    """Submit the training review with its proposed grade; the comparison with the reference opens."""
    s = o.session
    review = _own_draft(o, review_id)
    store_proposal(standard_in(s, review.standard_id), review, review_findings(s, review.id))
    old = review.status
    review.status = next_status(old, ReviewEventKind.SUBMIT).value
    review.final_grade = review.proposed_grade
    review.submitted_at = utcnow()
    o.stamp(review)
    add_event(o, review, ReviewEventKind.SUBMIT, old)
    o.touch(Kind.REVIEW, review.id)
    o.audit(
        "review", review.id, case_id=review.case_id, review_id=review.id,
        changes={"status": [old, review.status], "final_grade": [None, review.final_grade]}, kind=TRAINING,
    )  # fmt: skip
