"""Reading gold cases and training reviews, and comparing a submitted training review with its reference item
by item (training.py has the mutations).

    gold_cases(wb) -> list[GoldCaseRow]                   gold cases in units where the user scores or reads
    training_reviews(wb, case_id=None) -> list[TrainingRow]   own attempts; all in scope with READ_REVIEWS
    compare_training(wb, review_id) -> TrainingComparison      after submission only

The reference is shown only once the attempt is submitted (so it cannot be copied); to its own reviewer, or
to whoever reads reviews over the case's unit.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.agreement import cohen_kappa
from reviewapp.domain.review_status import ReviewStatus
from reviewapp.domain.roles import Action
from reviewapp.errors import NotPermitted
from reviewapp.i18n import translate
from reviewapp.services.accounts.permissions import refusal
from reviewapp.services.analysis.calibration_data import SCALE, level_of
from reviewapp.services.analysis.training import TRAINING, TrainingError, live_gold
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.reviews.state import review_findings
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Account, Case, GoldCase, Person, Review


class Verdict(StrEnum):
    SAME = "same"  # same severity as the reference
    MISSED = "missed"  # the reference found a problem, the trainee none
    EXTRA = "extra"  # the trainee found a problem the reference did not
    STRICTER = "stricter"  # both found it; the trainee more severe
    LENIENT = "lenient"  # both found it; the trainee less severe


@dataclass(frozen=True)
class GoldCaseRow:
    gold_id: int
    case_id: int
    case_no: str
    case_name: str
    case_type: str
    note: str
    marked_at: datetime
    marked_by: str
    reference_grade: str | None  # None until the reviewer submitted an attempt (unless they read reviews)
    my_attempts: int  # the signed-in reviewer's submitted attempts
    my_draft_id: int | None  # their attempt in progress


@dataclass(frozen=True)
class TrainingRow:
    review_id: int
    case_id: int
    case_no: str
    reviewer: str
    reviewer_id: int
    attempt: int
    status: str
    submitted_at: datetime | None


@dataclass(frozen=True)
class ItemComparison:
    item_code: str
    item_text: str
    reference_severity: str | None
    trainee_severity: str | None
    reference_reason: str
    trainee_reason: str
    verdict: Verdict


@dataclass(frozen=True)
class TrainingComparison:
    review_id: int
    case_no: str
    reviewer: str
    attempt: int
    reference_grade: str | None
    trainee_grade: str | None
    rows: list[ItemComparison]  # items either side found a problem in, checklist order
    items_rated: int  # every item of the standard for the case type
    same: int  # of rows
    kappa_linear: float | None  # trainee vs reference over every item on the 0–3 scale

    @property
    def grade_matches(self) -> bool:
        return self.reference_grade == self.trainee_grade

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["grade_matches"] = self.grade_matches
        out["rows"] = [{**asdict(r), "verdict": r.verdict.value} for r in self.rows]
        return out


def _may_score_or_read(wb: Workbench, unit_id: int) -> bool:
    user = wb.user
    return any(wb.permissions.allows(user, a, unit_id=unit_id) for a in (Action.SCORE, Action.READ_REVIEWS))


def gold_cases(wb: Workbench) -> list[GoldCaseRow]:
    """The live gold cases in units where the user scores or reads reviews; newest first."""
    user = wb.user
    if user.account_id is None:
        raise refusal(user, Action.SCORE)
    with wb.db.session() as s:
        rows = s.execute(
            select(GoldCase, Case, Person.name)
            .join(Case, Case.id == GoldCase.case_id)
            .outerjoin(Account, Account.id == GoldCase.marked_by_id)
            .outerjoin(Person, Person.id == Account.person_id)
            .where(GoldCase.deleted_at.is_(None))
            .order_by(GoldCase.marked_at.desc(), GoldCase.id.desc())
        ).all()
        out = []
        for gold, case, marker in rows:
            if not _may_score_or_read(wb, case.unit_id):
                continue
            mine = _attempts(s, case.id, user.person_id) if user.person_id is not None else []
            submitted = sum(1 for r in mine if r.status == ReviewStatus.SUBMITTED.value)
            # The reference grade is part of the answer: shown once the reviewer submitted an attempt.
            reader = wb.permissions.allows(user, Action.READ_REVIEWS, unit_id=case.unit_id)
            out.append(
                GoldCaseRow(
                    gold_id=gold.id,
                    case_id=case.id,
                    case_no=case.dept_case_no,
                    case_name=case.name or "",
                    case_type=case.case_type,
                    note=gold.note,
                    marked_at=gold.marked_at,
                    marked_by=marker or "",
                    reference_grade=(gold.reference or {}).get("grade") if submitted or reader else None,
                    my_attempts=submitted,
                    my_draft_id=next((r.id for r in mine if r.status == ReviewStatus.DRAFT.value), None),
                )
            )
        return out


def _attempts(s: Session, case_id: int, person_id: int | None) -> list[Review]:
    return list(
        s.scalars(
            select(Review)
            .where(Review.case_id == case_id, Review.reviewer_id == person_id, Review.kind == TRAINING)
            .where(Review.deleted_at.is_(None))
            .order_by(Review.round)
        )
    )


def training_reviews(wb: Workbench, case_id: int | None = None) -> list[TrainingRow]:
    """Training attempts the user may see: their own, and everyone's in units where they read reviews."""
    user = wb.user
    with wb.db.session() as s:
        stmt = (
            select(Review, Case.dept_case_no, Case.unit_id, Person.name)
            .join(Case, Case.id == Review.case_id)
            .join(Person, Person.id == Review.reviewer_id)
            .where(Review.kind == TRAINING, Review.deleted_at.is_(None))
            .order_by(Review.id)
        )
        if case_id is not None:
            stmt = stmt.where(Review.case_id == case_id)
        out = []
        for review, case_no, unit_id, name in s.execute(stmt):
            own = user.person_id is not None and user.person_id == review.reviewer_id
            if own or wb.permissions.allows(user, Action.READ_REVIEWS, unit_id=unit_id):
                out.append(
                    TrainingRow(
                        review.id,
                        review.case_id,
                        case_no,
                        name,
                        review.reviewer_id,
                        review.round,
                        review.status,
                        review.submitted_at,
                    )
                )
        return out


def _verdict(reference: int, trainee: int) -> Verdict:
    if reference == trainee:
        return Verdict.SAME
    if trainee == 0:
        return Verdict.MISSED
    if reference == 0:
        return Verdict.EXTRA
    return Verdict.STRICTER if trainee > reference else Verdict.LENIENT


def compare_training(wb: Workbench, review_id: int) -> TrainingComparison:
    """The submitted training review against its gold case's reference, item by item."""
    user = wb.user
    with wb.db.session() as s:
        review = s.get(Review, review_id)
        if review is None or review.deleted_at is not None or review.kind != TRAINING:
            raise TrainingError(translate("Training", "Training review {id} does not exist.").format(id=review_id))
        case = s.get(Case, review.case_id)
        assert case is not None  # RESTRICT foreign key
        own = user.person_id is not None and user.person_id == review.reviewer_id
        if not own and not wb.permissions.allows(user, Action.READ_REVIEWS, unit_id=case.unit_id):
            if user.account_id is None:
                raise refusal(user, Action.READ_REVIEWS)
            raise NotPermitted(
                translate("Training", "A training review is read by its own reviewer and by those who read reviews.")
            )
        if review.status != ReviewStatus.SUBMITTED.value:
            raise TrainingError(translate("Training", "The reference is shown once the training review is submitted."))
        # The live marking, else the last one (a case unmarked later keeps its attempts comparable).
        gold = (
            live_gold(s, case.id)
            or s.scalars(select(GoldCase).where(GoldCase.case_id == case.id).order_by(GoldCase.id.desc())).first()
        )
        if gold is None:
            raise TrainingError(translate("Training", "Case {case} is not a gold case.").format(case=case.dept_case_no))
        standard = standard_in(s, review.standard_id)
        reference: dict[str, dict[str, str]] = (gold.reference or {}).get("findings", {})
        mine = {f.item_code: f for f in review_findings(s, review.id)}
        rows, ref_levels, my_levels = [], [], []
        for item in standard.items_for(case.case_type):
            ref = reference.get(item.code)
            got = mine.get(item.code)
            r, t = level_of(ref["severity"] if ref else None), level_of(got.severity if got else None)
            ref_levels.append(r)
            my_levels.append(t)
            if r or t:
                rows.append(
                    ItemComparison(
                        item_code=item.code,
                        item_text=item.text,
                        reference_severity=ref["severity"] if ref else None,
                        trainee_severity=got.severity if got else None,
                        reference_reason=ref.get("reason", "") if ref else "",
                        trainee_reason=got.reason if got else "",
                        verdict=_verdict(r, t),
                    )
                )
        reviewer = s.scalar(select(Person.name).where(Person.id == review.reviewer_id)) or ""
        return TrainingComparison(
            review_id=review.id,
            case_no=case.dept_case_no,
            reviewer=reviewer,
            attempt=review.round,
            reference_grade=(gold.reference or {}).get("grade"),
            trainee_grade=review.final_grade,
            rows=rows,
            items_rated=len(ref_levels),
            same=sum(1 for row in rows if row.verdict is Verdict.SAME),
            kappa_linear=cohen_kappa(ref_levels, my_levels, weights="linear", categories=SCALE),
        )


@dataclass(frozen=True)
class AttemptState:
    """The trainee's own attempt while they score it: the items they may find, and what they found."""

    review_id: int
    case_no: str
    status: str
    items: list[tuple[str, str, tuple[str, ...]]]  # (code, text, allowed severities) in checklist order
    findings: dict[str, tuple[str, str]]  # item code → (severity, reason)


def attempt_state(wb: Workbench, review_id: int) -> AttemptState:
    """The signed-in reviewer's own training attempt (nobody else scores it, so nobody else reads it here)."""
    user = wb.user
    with wb.db.session() as s:
        review = s.get(Review, review_id)
        if review is None or review.deleted_at is not None or review.kind != TRAINING:
            raise TrainingError(translate("Training", "Training review {id} does not exist.").format(id=review_id))
        if user.person_id is None or user.person_id != review.reviewer_id:
            raise NotPermitted(translate("Training", "A training review is scored only by its own reviewer."))
        case = s.get(Case, review.case_id)
        assert case is not None  # RESTRICT foreign key
        standard = standard_in(s, review.standard_id)
        return AttemptState(
            review_id=review.id,
            case_no=case.dept_case_no,
            status=review.status,
            items=[(i.code, i.text, tuple(i.severities)) for i in standard.items_for(case.case_type)],
            findings={f.item_code: (f.severity, f.reason) for f in review_findings(s, review.id)},
        )
