"""The review file (评查卷) of a case: the opinion row that opens with the first member review, its number
(评查受案号) and its members.

review-rules.md §1 step 13: one review file per review, with its own number from the moment it opens. The
panel is the reviewers the plan assigned to the case (plan.reviewers_per_case of them); a case reviewed
outside a plan has a panel of the reviewers who started on it while the file was still in review.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewapp.domain.review_status import ReviewEventKind, ReviewKind, ReviewStatus, next_status
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.legal.local_time import local_date
from reviewapp.services.changes import Kind
from reviewapp.services.results.settings import notice_config_in
from reviewapp.storage.models import Assignment, Case, Plan, PlanCase, Review, ReviewEvent
from reviewapp.storage.models.base import utcnow

if TYPE_CHECKING:
    from reviewapp.services.write_path import Op

FILE_SERIAL_KEY = "#review-file"  # the document_serials row counting 评查受案号 per year (migration 0009)
OPINION = ReviewKind.OPINION.value
MEMBER = ReviewKind.MEMBER.value


class ReviewFileError(KnownError, ValueError):
    """A step of the review process that cannot go ahead; the message is translated, for the user."""


def format_file_no(review_code: str, year: int, serial: int) -> str:
    # Same form as the notice numbers (review-rules.md §6): "<代字>〔<year>〕<n>号", no leading zeros, no 第.
    return f"{review_code}〔{year}〕{serial}号"


def opinion_for_case(s: Session, case_id: int, round_: int | None = None) -> Review | None:
    """The case's review file: of ``round_``, else of the latest round."""
    stmt = select(Review).where(Review.case_id == case_id, Review.kind == OPINION, Review.deleted_at.is_(None))
    if round_ is not None:
        stmt = stmt.where(Review.round == round_)
    return s.scalars(stmt.order_by(Review.round.desc(), Review.id.desc())).first()


def opinion_of(s: Session, member: Review) -> Review:
    """The opinion a member review belongs to (the opinion itself for an opinion)."""
    if member.kind == OPINION:
        return member
    opinion = s.get(Review, member.file_id) if member.file_id is not None else None
    if opinion is None:
        raise ReviewFileError(translate("ReviewFiles", "Review {id} belongs to no review file.").format(id=member.id))
    return opinion


def members_of(s: Session, opinion: Review) -> list[Review]:
    """The member reviews of an opinion, in the order they were started."""
    return list(
        s.scalars(
            select(Review)
            .where(Review.file_id == opinion.id, Review.kind == MEMBER, Review.deleted_at.is_(None))
            .order_by(Review.id)
        )
    )


def submitted_count(s: Session, opinion: Review) -> int:
    return int(
        s.scalar(
            select(func.count(Review.id)).where(
                Review.file_id == opinion.id,
                Review.kind == MEMBER,
                Review.deleted_at.is_(None),
                Review.status == ReviewStatus.SUBMITTED.value,
            )
        )
        or 0
    )


def _plan_panel_size(s: Session, case_id: int, plan: Plan) -> int:
    """The reviewers assigned to the case in the plan (at least one): a plan may not have found as many
    reviewers as it asked for, and the panel is who is actually assigned."""
    assigned = s.scalar(
        select(func.count(Assignment.id))
        .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
        .where(
            PlanCase.plan_id == plan.id,
            PlanCase.case_id == case_id,
            PlanCase.deleted_at.is_(None),
            Assignment.deleted_at.is_(None),
        )
    )
    return max(1, int(assigned or 0))


def add_opinion_event(o: Op, opinion: Review, kind: ReviewEventKind, old: str | None, reason: str = "") -> None:
    o.session.add(
        ReviewEvent(
            review_id=opinion.id,
            actor_id=o.user.account_id,
            kind=kind.value,
            from_status=old,
            to_status=opinion.status,
            reason=reason,
        )
    )


def move(o: Op, opinion: Review, event: ReviewEventKind, reason: str = "") -> str:
    """Apply ``event`` to the opinion through the transition table, record it, and return the old status."""
    old = opinion.status
    opinion.status = next_status(old, event).value
    o.stamp(opinion, new=False)
    add_opinion_event(o, opinion, event, old, reason)
    o.touch(Kind.REVIEW, opinion.id)
    return old


def join_file(o: Op, member: Review, case: Case, plan: Plan | None) -> Review:
    """Attach a new member review to the case's open review file, opening one when there is none.

    A file whose opinion is already formed takes no new member: the panel's result would change under the
    people who already acted on it."""
    s = o.session
    opinion = opinion_for_case(s, case.id, member.round)
    if opinion is None:
        opinion = _open_file(o, member, case, plan)
    elif opinion.status != ReviewStatus.IN_REVIEW.value:
        raise ReviewFileError(
            translate(
                "ReviewFiles",
                "The review file {number} of case {case} is already past scoring; no reviewer can join it now.",
            ).format(number=opinion.file_no, case=case.dept_case_no)
        )
    elif plan is None:
        # Outside a plan the panel is whoever started on the case while the file is in review.
        opinion.panel_size = len(members_of(s, opinion)) + 1
    member.file_id = opinion.id
    return opinion


def _open_file(o: Op, member: Review, case: Case, plan: Plan | None) -> Review:
    # The numbering lives beside the notices, whose module loads the PDF and workbook writers: loaded here,
    # not by everything that imports this module (the pre-screening at start, the review guard).
    from reviewapp.services.results.notice_content import next_serial

    s = o.session
    year = local_date(utcnow()).year  # the local year: 〔2027〕 from 00:00 on 1 January Beijing time, not 08:00
    serial = next_serial(s, FILE_SERIAL_KEY, year)
    code = notice_config_in(s, o.wb).review_code
    opinion = Review(
        case_id=case.id,
        reviewer_id=member.reviewer_id,
        round=member.round,
        kind=OPINION,
        review_type=member.review_type,
        standard_id=member.standard_id,
        scheme_id=member.scheme_id,
        status=next_status(None, ReviewEventKind.OPEN).value,
        ticked_criteria=[],
        file_no=format_file_no(code, year, serial),
        file_year=year,
        file_serial=serial,
        panel_size=_plan_panel_size(s, case.id, plan) if plan is not None else 1,
        plan_id=plan.id if plan is not None else None,
    )
    o.stamp(opinion, new=True)
    s.add(opinion)
    s.flush()
    add_opinion_event(o, opinion, ReviewEventKind.OPEN, None)
    o.touch(Kind.REVIEW, opinion.id)
    return opinion
