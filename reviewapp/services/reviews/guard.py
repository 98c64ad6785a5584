"""The refusals of the review services: who may review a case (回避), which cases can be reviewed, what a
finding may say, and that a submitted review is not changed. Shared by reviews.py and review_form.py."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.grading import normalise_severity
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.services.reviews.standards_store import ensure_in, newest_for_case_type, standard_in
from reviewapp.services.reviews.state import review_findings, store_proposal
from reviewapp.services.workbench import Workbench
from reviewapp.standards import Standard
from reviewapp.storage.models import Case, DossierDocument, Person, Review, ReviewEvent


class ReviewError(KnownError, ValueError):
    """A review operation that cannot go ahead; the message is translated, for the user."""


def load_review(s: Session, review_id: int) -> Review:
    review = s.get(Review, review_id)
    if review is None:
        raise ReviewError(translate("Reviews", "Review {id} does not exist.").format(id=review_id))
    return review


def case_of(s: Session, review: Review) -> Case:
    case = s.get(Case, review.case_id)
    assert case is not None  # reviews.case_id is a RESTRICT foreign key
    return case


def refuse_submitted(review: Review) -> None:
    if review.status == "submitted":
        raise ReviewError(translate("Reviews", "The review is submitted; reopen it (with a reason) to change it."))


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


def recusal_problem(s: Session, case: Case, reviewer: Person) -> str | None:
    """Why ``reviewer`` may not review ``case``, or None.

    review-rules.md §1 workflow step 4: a reviewer may never review a case they handled — a hard check in
    practice. The roster may hold the handling prosecutor twice (imported with the case, added by hand as a
    reviewer), so the same person is also recognised by staff number, or by name, within the same unit —
    the identity the roster itself uses (people.OrgResolver).
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
    return None


def start_in(
    s: Session,
    wb: Workbench,
    case_id: int,
    reviewer_id: int,
    *,
    review_type: str = "常规抽查",
    scheme_id: str | None = None,
    standard_id: int | None = None,
) -> Review:
    """The reviewer's existing review of the case, or a new draft pinned to ``standard_id`` (default: the
    newest stored version for the case type)."""
    existing = s.scalar(
        select(Review).where(Review.case_id == case_id, Review.reviewer_id == reviewer_id).order_by(Review.round.desc())
    )
    if existing is not None:
        return existing
    case = s.get(Case, case_id)
    if case is None:
        raise ReviewError(translate("Reviews", "Case {id} does not exist.").format(id=case_id))
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
        newest = newest_for_case_type(s, case.case_type)
        if newest is None:
            ensure_in(s, wb)
            newest = newest_for_case_type(s, case.case_type)
        if newest is None:
            raise ReviewError(
                translate("Reviews", "No review standard covers {case_type} cases.").format(case_type=case.case_type)
            )
        standard_id = newest[0]
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
        status="draft",
        ticked_criteria=[],
        created_by=wb.actor.name,
        updated_by=wb.actor.name,
    )
    s.add(review)
    s.flush()
    store_proposal(standard, review, review_findings(s, review.id))
    s.add(ReviewEvent(review_id=review.id, actor=wb.actor.name, kind="start", from_status=None, to_status="draft"))
    wb.log(s, "review.start", "review", review.id, case=case.dept_case_no, reviewer=reviewer.name, standard=standard_id)
    return review
