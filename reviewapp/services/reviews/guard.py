"""The refusals of the review services: who may review a case (回避), who may change or read a review,
which cases can be reviewed, what a finding may say, and that a submitted review is not changed. Shared by
commands.py, findings.py, undo.py, offline_form.py and the suggestions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.grading import normalise_severity
from reviewapp.domain.review_status import EDITABLE, SENT, ReviewEventKind, ReviewKind, ReviewStatus, next_status
from reviewapp.domain.roles import Action
from reviewapp.errors import KnownError, NotPermitted
from reviewapp.i18n import translate
from reviewapp.services.accounts.permissions import refusal
from reviewapp.services.changes import Kind
from reviewapp.services.panel.blind import is_blind, refuse_blind
from reviewapp.services.panel.files import join_file
from reviewapp.services.plans.queue import assignment_for
from reviewapp.services.results.setting_specs import ASSIGNMENT_REQUIRED, setting_in
from reviewapp.services.reviews.standards_store import ensure_in, newest_for_case_type, remember_pinned, standard_in
from reviewapp.services.reviews.state import review_findings, store_proposal
from reviewapp.standards import Standard
from reviewapp.storage.models import Case, DossierDocument, Person, Plan, Review, ReviewEvent, StandardVersion

if TYPE_CHECKING:
    from reviewapp.services.workbench import Workbench
    from reviewapp.services.write_path import Op


class ReviewError(KnownError, ValueError):
    """A review operation that cannot go ahead; the message is translated, for the user."""


def load_review(s: Session, review_id: int) -> Review:
    review = s.get(Review, review_id)
    if review is None or review.deleted_at is not None:
        raise ReviewError(translate("Reviews", "Review {id} does not exist.").format(id=review_id))
    return review


def lock_review(o: Op, review_id: int) -> Review:
    """load_review for an edit confined to the review (write_path ``one_review``): its row is locked until the
    commit — on PostgreSQL ``FOR UPDATE``, so two edits of one review, which may run at once there, run one
    after the other and each sees the other's result; on SQLite the write transaction already excludes every
    other writer. What the edit's checks and its new state need of the case, the reviewer and the pinned
    standard comes in the same statement (``o.cases``, ``o.people``, standards_store.remember_pinned)."""
    s = o.session
    row = s.execute(
        select(
            Review,
            Case.unit_id,
            Case.case_type,
            Person.name,
            StandardVersion.code,
            StandardVersion.version,
            StandardVersion.fingerprint,
        )
        .join(Case, Case.id == Review.case_id)
        .outerjoin(Person, Person.id == Review.reviewer_id)
        .outerjoin(StandardVersion, StandardVersion.id == Review.standard_id)
        .where(Review.id == review_id)
        .with_for_update(of=Review)
    ).first()
    if row is None or row[0].deleted_at is not None:
        raise ReviewError(translate("Reviews", "Review {id} does not exist.").format(id=review_id))
    review: Review = row[0]
    o.cases[review.case_id] = (row[1], row[2] or "")
    o.people[review.reviewer_id] = row[3] or ""
    if row[4] is not None:
        remember_pinned(s, review.standard_id, row[4], row[5], row[6])
    o.locked_review = review.id
    return review


def lock_case(o: Op, case_id: int) -> Case:
    """The case an opening of a review acts on (write_path ``one_case``), its row locked until the commit: on
    PostgreSQL ``FOR UPDATE``, so two openings on one case — which may run at once there — run one after the
    other, and the second finds the review and the review file the first made."""
    case = o.session.scalar(select(Case).where(Case.id == case_id).with_for_update())
    if case is None:
        raise ReviewError(translate("Reviews", "Case {id} does not exist.").format(id=case_id))
    o.locked_case = case.id
    return case


def lock_case_of_review(o: Op, review_id: int) -> Case:
    """lock_case for an operation on one review that may change its case's other reviews (submitting: the
    review file's opinion); the review itself is locked after, with lock_review."""
    case_id = o.session.scalar(select(Review.case_id).where(Review.id == review_id, Review.deleted_at.is_(None)))
    if case_id is None:
        raise ReviewError(translate("Reviews", "Review {id} does not exist.").format(id=review_id))
    return lock_case(o, case_id)


def case_type_of(o: Op, review: Review) -> str:
    """The case type of the review's case (as loaded with the review when it was locked)."""
    known = o.cases.get(review.case_id)
    if known is not None:
        return known[1]
    return o.session.scalar(select(Case.case_type).where(Case.id == review.case_id)) or ""


def case_of(s: Session, review: Review) -> Case:
    case = s.get(Case, review.case_id)
    assert case is not None  # reviews.case_id is a RESTRICT foreign key
    return case


def refuse_submitted(review: Review) -> None:
    if ReviewStatus(review.status) not in EDITABLE:
        raise ReviewError(translate("Reviews", "The review is submitted; reopen it (with a reason) to change it."))


def add_event(o: Op, review: Review, kind: ReviewEventKind, old: str | None, reason: str = "") -> None:
    """A ReviewEvent for a step of the review's workflow, attributed to the acting account."""
    o.session.add(
        ReviewEvent(
            review_id=review.id,
            actor_id=o.user.account_id,
            kind=kind.value,
            from_status=old,
            to_status=review.status,
            reason=reason,
        )
    )


# --- who may change and read a review -----------------------------------------------------------------


def _reviewer_name(s: Session, review: Review) -> str:
    return s.scalar(select(Person.name).where(Person.id == review.reviewer_id)) or ""


def require_scorer(o: Op, review: Review) -> None:
    """review-rules.md §1: a review is scored by its own reviewer only, holding a role that grants scoring
    over the case's unit. Anyone else is refused before anything is written."""
    if o.user.person_id is None or o.user.person_id != review.reviewer_id:
        if o.user.account_id is None:
            raise refusal(o.user, Action.SCORE)
        raise NotPermitted(
            translate("Reviews", "Review {id} is {reviewer}'s; only they may change it.").format(
                id=review.id, reviewer=_reviewer_name(o.session, review)
            )
        )
    o.require(Action.SCORE, case_id=review.case_id)
    require_assignment(o.session, review.case_id, review.reviewer_id)


def require_assignment(s: Session, case_id: int, reviewer_id: int) -> Plan | None:
    """review-rules.md §1 (分配): a reviewer scores the cases an open review plan assigned to them; the plan is
    returned (its standard and type are pinned on the review).

    The shared setting ``reviews.assignment_required`` (on by default) can be turned off by a 评查管理员 where an
    office also reviews ad hoc; then a case in no open plan may be reviewed by any reviewer whose role reaches its
    unit. A case in an open plan is always reviewed only by the reviewers the plan assigned. A database that
    already held reviews when plans arrived starts with the setting off (migration 0006), so drafts in progress
    are not locked away from their reviewers."""
    plan = assignment_for(s, case_id, reviewer_id)
    if plan is False or (plan is None and _assignment_required(s)):
        number = s.scalar(select(Case.dept_case_no).where(Case.id == case_id))
        message = (
            translate("Reviews", "Case {case} is in a review plan and not assigned to this reviewer.")
            if plan is False
            else translate("Reviews", "Case {case} is not assigned to this reviewer in an open review plan.")
        )
        raise NotPermitted(message.format(case=number))
    return plan if isinstance(plan, Plan) else None


def _assignment_required(s: Session) -> bool:
    return bool(setting_in(s, ASSIGNMENT_REQUIRED))


def may_read(wb: Workbench, s: Session, review: Review) -> bool:
    """The reviewer reads their own review. Nobody else reads a member's review while its panel still scores
    blind (panel.blind, review-rules.md §1 step 5). Others need READ_REVIEWS over the case's unit. The handling
    prosecutor, whatever other role they hold, reads only the opinion on their case once it is sent to them
    (听取意见, review-rules.md §1 step 8) — never a member's review."""
    user = wb.user
    if user.account_id is None:
        return False
    if user.person_id is not None and user.person_id == review.reviewer_id:
        return True
    if is_blind(s, user, review):
        return False
    unit_id, prosecutor_id = s.execute(select(Case.unit_id, Case.prosecutor_id).where(Case.id == review.case_id)).one()
    if user.person_id is not None and user.person_id == prosecutor_id:
        return review.kind == ReviewKind.OPINION.value and review.status in SENT
    return wb.permissions.allows(user, Action.READ_REVIEWS, unit_id=unit_id)


def require_read(wb: Workbench, s: Session, review: Review) -> None:
    if may_read(wb, s, review):
        return
    user = wb.user
    prosecutor_id = s.scalar(select(Case.prosecutor_id).where(Case.id == review.case_id))
    if user.account_id is not None and user.person_id is not None and user.person_id == prosecutor_id:
        raise NotPermitted(
            translate("Reviews", "{user} handled this case; its reviews reach them only once they are sent.").format(
                user=user.name or user.login
            )
        )
    if user.account_id is not None:
        refuse_blind(s, user, review)
    raise refusal(user, Action.READ_REVIEWS)


# --- what a finding may say -----------------------------------------------------------------------------


def check_item(standard: Standard, case_type: str, item_code: str, severity: str) -> str:
    """The full severity name when ``item_code`` may be found with ``severity`` in a case of this type."""
    try:
        item = standard.item(item_code)
    except KeyError:
        raise ReviewError(
            translate("Reviews", "Item {code} is not in standard {standard} v{version}.").format(
                code=item_code, standard=standard.code, version=standard.version
            )
        ) from None
    if case_type not in item.case_types:
        raise ReviewError(
            translate("Reviews", "Item {code} does not apply to {case_type} cases.").format(
                code=item_code, case_type=case_type
            )
        )
    try:
        full = normalise_severity(severity.strip())
    except ValueError:
        full = ""
    if full not in item.severities:
        raise ReviewError(
            translate("Reviews", "Item {code}: severity {severity} is not allowed; allowed: {allowed}.").format(
                code=item_code, severity=severity, allowed="、".join(item.severities)
            )
        )
    return full


def check_evidence(s: Session, case_id: int, evidence: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Distinct (document, page) pairs, each a document of the case and a page ≥ 1."""
    pairs = list(dict.fromkeys((int(d), int(p)) for d, p in evidence))
    if not pairs:
        return pairs
    docs = set(
        s.scalars(
            select(DossierDocument.id).where(
                DossierDocument.case_id == case_id, DossierDocument.id.in_({d for d, _ in pairs})
            )
        )
    )
    for document_id, page in pairs:
        if document_id not in docs:
            raise ReviewError(
                translate("Reviews", "Document {id} is not in this case's dossier.").format(id=document_id)
            )
        if page < 1:
            raise ReviewError(translate("Reviews", "Page numbers start at 1 (got {page}).").format(page=page))
    return pairs


# --- who may review which case --------------------------------------------------------------------------


def recusal_problem(s: Session, case: Case, reviewer: Person) -> str | None:
    """Why ``reviewer`` may not review ``case``, or None.

    review-rules.md §1: a reviewer never reviews a case they handled (at any stage: another case under the same
    统一受案号 counts), nor one of their own department. The
    roster may hold the handling prosecutor twice (imported with the case, added by hand as a reviewer), so
    the same person is also recognised by staff number, or by name, within the same unit — the identity the
    roster itself uses (people.OrgResolver).
    """
    if reviewer.id == case.prosecutor_id:
        same = True
    else:
        handler = s.get(Person, case.prosecutor_id)
        assert handler is not None
        same_unit = reviewer.unit_id is not None and reviewer.unit_id == handler.unit_id
        if reviewer.staff_no and handler.staff_no:
            same = same_unit and reviewer.staff_no == handler.staff_no
        else:
            same = same_unit and reviewer.name == handler.name
    if same:
        return translate("Reviews", "{reviewer} handled case {case} and may not review it (回避).").format(
            reviewer=reviewer.name, case=case.dept_case_no
        )
    if case.unified_case_no:  # the same matter at another stage: another case under its 统一受案号
        other = s.scalar(
            select(Case.dept_case_no)
            .where(Case.prosecutor_id == reviewer.id, Case.unified_case_no == case.unified_case_no, Case.id != case.id)
            .limit(1)
        )
        if other is not None:
            return translate(
                "Reviews",
                "{reviewer} handled case {other}, the same matter at another stage (统一受案号 {unified}), and may "
                "not review case {case} (回避).",
            ).format(reviewer=reviewer.name, other=other, unified=case.unified_case_no, case=case.dept_case_no)
    if reviewer.department_id is not None and reviewer.department_id == case.department_id:
        return translate(
            "Reviews", "{reviewer} works in the department that handled case {case} and may not review it (回避)."
        ).format(reviewer=reviewer.name, case=case.dept_case_no)
    return None


def newest_standard_id(o: Op, case_type: str) -> int | None:
    """The newest stored standard version covering the case type; the shipped standards are stored on
    first need, inside the caller's operation (the app also stores them at start)."""
    s = o.session
    newest = newest_for_case_type(s, case_type)
    if newest is None:
        o.exclusive_needed()  # storing standards is more than one case's rows
        o.touch(Kind.STANDARD, *ensure_in(s, o.wb))
        newest = newest_for_case_type(s, case_type)
    return None if newest is None else newest[0]


def start_in(
    o: Op,
    case_id: int,
    reviewer_id: int,
    *,
    review_type: str = "常规抽查",
    scheme_id: str | None = None,
    standard_id: int | None = None,
) -> Review:
    """The reviewer's existing review of the case, or a new draft pinned to ``standard_id`` (default: the
    newest stored version for the case type). Starting one's own review needs SCORE over the case's unit;
    starting one for another reviewer needs ASSIGN_REVIEWS."""
    s = o.session
    case = s.get(Case, case_id)
    if case is None:
        raise ReviewError(translate("Reviews", "Case {id} does not exist.").format(id=case_id))
    own = o.user.person_id is not None and reviewer_id == o.user.person_id
    o.require(Action.SCORE if own else Action.ASSIGN_REVIEWS, unit_id=case.unit_id)
    existing = s.scalar(
        select(Review)
        .where(
            Review.case_id == case_id,
            Review.reviewer_id == reviewer_id,
            Review.kind == ReviewKind.MEMBER.value,
            Review.deleted_at.is_(None),
        )
        .order_by(Review.round.desc())
    )
    plan = require_assignment(s, case_id, reviewer_id)
    if plan is not None:  # the plan pins the standard version and names the review type
        standard_id, review_type = plan.standard_id, plan.plan_type
    if existing is not None:
        o.audit("review", existing.id, case_id=case_id, review_id=existing.id, existing=True)
        return existing
    reviewer = s.get(Person, reviewer_id)
    if reviewer is None:
        raise ReviewError(translate("Reviews", "Reviewer {id} is not in the roster.").format(id=reviewer_id))
    # 《人民检察院案件质量评查工作规定（试行）》: review is of *closed* cases only.
    if case.closed_on is None:
        raise ReviewError(
            translate("Reviews", "Case {case} is not closed (no 办结日期); only closed cases are reviewed.").format(
                case=case.dept_case_no
            )
        )
    problem = recusal_problem(s, case, reviewer)
    if problem:
        raise ReviewError(problem)
    if standard_id is None:
        standard_id = newest_standard_id(o, case.case_type)
        if standard_id is None:
            raise ReviewError(
                translate("Reviews", "No review standard covers {case_type} cases.").format(case_type=case.case_type)
            )
    standard = standard_in(s, standard_id)
    if case.case_type not in standard.case_types:
        raise ReviewError(
            translate("Reviews", "Standard {standard} does not cover {case_type} cases.").format(
                standard=standard.code, case_type=case.case_type
            )
        )
    scheme = standard.scheme if scheme_id is None else scheme_id
    if scheme not in {sch.id for sch in standard.schemes}:
        raise ReviewError(
            translate("Reviews", "Standard {standard} has no grade scheme {scheme}.").format(
                standard=standard.code, scheme=scheme
            )
        )
    review = Review(
        case_id=case_id,
        reviewer_id=reviewer_id,
        round=1,
        review_type=review_type,
        standard_id=standard_id,
        scheme_id=scheme,
        status=next_status(None, ReviewEventKind.START).value,
        ticked_criteria=[],
    )
    o.stamp(review, new=True)
    join_file(o, review, case, plan)  # review-rules.md §1 step 13: the review file opens with its number
    s.add(review)
    s.flush()
    store_proposal(standard, review, review_findings(s, review.id))
    add_event(o, review, ReviewEventKind.START, None)
    o.touch(Kind.REVIEW, review.id)
    o.audit(
        "review",
        review.id,
        case_id=case_id,
        review_id=review.id,
        changes={"status": [None, review.status]},
        case=case.dept_case_no,
        reviewer=reviewer.name,
        standard=standard_id,
        scheme=scheme,
    )
    return review
