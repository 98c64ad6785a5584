"""Blindness of a review panel: until every member has submitted, a member's review is read by its own
reviewer only.

review-rules.md §1 steps 5–7: the members of a panel score the case independently; their differences are
reconciled by the panel lead afterwards. While the opinion (the review file) is in review, nobody else —
another member, the panel lead, an administrator, the chief — reads a member's findings, grade, notes or
decisions on suggestions, through any read of the core. Every read of member reviews asks this module
(reviews.guard.may_read / require_read for single reviews, ``blind_member_ids`` for bulk reads).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from reviewapp.domain.review_status import ReviewKind, ReviewStatus
from reviewapp.errors import NotPermitted
from reviewapp.i18n import translate
from reviewapp.services.accounts.current import CurrentUser
from reviewapp.storage.models import Case, Review

if TYPE_CHECKING:
    from reviewapp.services.workbench import Workbench

_MEMBER = ReviewKind.MEMBER.value
_IN_REVIEW = ReviewStatus.IN_REVIEW.value


class ReviewBlind(NotPermitted):
    """A member's review asked for by someone else while the panel still scores blind."""


def blinding_opinion(s: Session, review: Review) -> Review | None:
    """The opinion that keeps ``review`` blind: the opinion of a member review while it is in review."""
    if review.kind != _MEMBER or review.file_id is None:
        return None
    opinion = s.get(Review, review.file_id)
    if opinion is None or opinion.status != _IN_REVIEW:
        return None
    return opinion


def is_blind(s: Session, user: CurrentUser, review: Review) -> bool:
    """Whether ``user`` is kept from reading ``review`` by blindness (its own reviewer never is)."""
    if user.person_id is not None and user.person_id == review.reviewer_id:
        return False
    return blinding_opinion(s, review) is not None


def blind_message(s: Session, opinion: Review) -> str:
    submitted = s.scalar(
        select(func.count(Review.id)).where(
            Review.file_id == opinion.id,
            Review.kind == _MEMBER,
            Review.deleted_at.is_(None),
            Review.status == ReviewStatus.SUBMITTED.value,
        )
    )
    number = s.scalar(select(Case.dept_case_no).where(Case.id == opinion.case_id))
    return translate(
        "PanelBlind",
        "Case {case} is reviewed blind by a panel of {size}: a member's review is read only by its own reviewer "
        "until every member has submitted ({submitted} of {size} have).",
    ).format(case=number, size=opinion.panel_size, submitted=int(submitted or 0))


def refuse_blind(s: Session, user: CurrentUser, review: Review) -> None:
    """Raise ReviewBlind when blindness keeps ``user`` from ``review``."""
    if user.person_id is not None and user.person_id == review.reviewer_id:
        return
    opinion = blinding_opinion(s, review)
    if opinion is not None:
        raise ReviewBlind(blind_message(s, opinion))


def blind_member_ids(s: Session, user: CurrentUser, case_ids: set[int] | None = None) -> set[int]:
    """Ids of the member reviews ``user`` may not read because their panel still scores blind (of the
    given cases, else of every case): for reads that go through many reviews at once."""
    opinion = aliased(Review)
    stmt = (
        select(Review.id)
        .join(opinion, opinion.id == Review.file_id)
        .where(Review.kind == _MEMBER, Review.deleted_at.is_(None), opinion.status == _IN_REVIEW)
    )
    if user.person_id is not None:
        stmt = stmt.where(Review.reviewer_id != user.person_id)
    if case_ids is not None:
        stmt = stmt.where(Review.case_id.in_(sorted(case_ids)))
    return set(s.scalars(stmt))


def hidden_message(s: Session, user: CurrentUser, case_id: int) -> str | None:
    """The blindness message for a case some of whose member reviews ``user`` may not read yet, else None."""
    hidden = blind_member_ids(s, user, {case_id})
    if not hidden:
        return None
    review = s.get(Review, min(hidden))
    assert review is not None
    opinion = blinding_opinion(s, review)
    assert opinion is not None
    return blind_message(s, opinion)


def blind_notice(wb: Workbench, case_id: int) -> str | None:
    """For a listing of a case's reviews: why some are not listed for the signed-in user, else None."""
    with wb.db.session() as s:
        return hidden_message(s, wb.user, case_id)
