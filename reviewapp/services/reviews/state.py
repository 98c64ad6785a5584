"""Plain snapshots of a review for the workspace, the CLI and the offline form (API: commands.py).

Built inside the session of the operation that changed the review, so the caller gets exactly what was
committed, never a live ORM object. Tombstoned rows (deleted_at set) are never part of a snapshot.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.grading import FindingInput, GradeProposal, propose_grade
from reviewapp.domain.review_status import ReviewStatus
from reviewapp.i18n import DEFAULT_LANGUAGE, current_language, speaking
from reviewapp.services.changes import Kind
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.standards import Standard
from reviewapp.storage.models import DossierDocument, Finding, FindingEvidence, Person, Review

if TYPE_CHECKING:
    from reviewapp.services.write_path import Op


@dataclass(frozen=True)
class EvidenceRef:
    document_id: int
    page: int
    title: str  # title of the dossier document


@dataclass(frozen=True)
class FindingRow:
    id: int
    item_code: str
    item_text: str
    dimension_code: str
    dimension_name: str
    severity: str
    deduction: float | None  # None: the item's default deduction applies
    reason: str
    phrase: str | None
    source_check: str | None
    evidence: tuple[EvidenceRef, ...]


@dataclass(frozen=True)
class ReviewState:
    id: int
    case_id: int
    reviewer_id: int
    reviewer_name: str
    status: ReviewStatus
    standard: Standard  # the pinned version
    scheme_id: str
    findings: tuple[FindingRow, ...]  # in checklist order
    ticked_criteria: tuple[str, ...]
    excellence_justification: str
    proposal: GradeProposal
    final_grade: str | None  # draft: the reviewer's chosen grade if set; submitted: the submitted grade
    override_reason: str
    submitted_at: datetime | None


def item_order(standard: Standard) -> dict[str, int]:
    return {it.code: i for i, it in enumerate(standard.items)}


def finding_inputs(standard: Standard, findings: list[Finding]) -> list[FindingInput]:
    """Findings in checklist order, so a proposal's trace does not depend on the order of entry."""
    order = item_order(standard)
    ordered = sorted(findings, key=lambda f: (order.get(f.item_code, len(order)), f.id))
    return [FindingInput(f.item_code, f.severity, f.deduction, f.reason or "") for f in ordered]


def compute_proposal(standard: Standard, review: Review, findings: list[Finding]) -> GradeProposal:
    return propose_grade(
        standard,
        finding_inputs(standard, findings),
        review.ticked_criteria or [],
        scheme=standard.grade_scheme(review.scheme_id),
        excellence_justification=review.excellence_justification or "",
    )


def store_proposal(standard: Standard, review: Review, findings: list[Finding]) -> GradeProposal:
    """Recompute the proposal and keep it on the review row (same transaction as the change).

    The stored explanation is in the record's language (Chinese), as all stored domain data is: the 评查报告
    and the prosecutor's feedback form print it whoever scored. The proposal returned is in the reader's."""
    with speaking(DEFAULT_LANGUAGE):
        stored = compute_proposal(standard, review, findings)
    review.proposed_grade = stored.grade
    review.proposal_explanation = stored.explanation
    if current_language() == DEFAULT_LANGUAGE:
        return stored
    return compute_proposal(standard, review, findings)


def review_findings(session: Session, review_id: int) -> list[Finding]:
    """The review's live findings (tombstoned ones are history, not findings)."""
    return list(session.scalars(select(Finding).where(Finding.review_id == review_id, Finding.deleted_at.is_(None))))


def live_evidence(session: Session, finding_id: int) -> list[tuple[int, int]]:
    """(document, page) pairs of a finding, in the order they were recorded."""
    rows = session.execute(
        select(FindingEvidence.document_id, FindingEvidence.page)
        .where(FindingEvidence.finding_id == finding_id, FindingEvidence.deleted_at.is_(None))
        .order_by(FindingEvidence.id)
    )
    return [(d, p) for d, p in rows]


def build_state(
    session: Session,
    review: Review,
    standard: Standard,
    findings: list[Finding] | None = None,
    proposal: GradeProposal | None = None,
    reviewer_name: str | None = None,
) -> ReviewState:
    found = review_findings(session, review.id) if findings is None else findings
    proposal = compute_proposal(standard, review, found) if proposal is None else proposal
    evidence: dict[int, list[EvidenceRef]] = defaultdict(list)
    ids = [f.id for f in found]
    if ids:
        rows = session.execute(
            select(FindingEvidence.finding_id, FindingEvidence.document_id, FindingEvidence.page, DossierDocument.title)
            .join(DossierDocument, DossierDocument.id == FindingEvidence.document_id)
            .where(FindingEvidence.finding_id.in_(ids), FindingEvidence.deleted_at.is_(None))
            .order_by(FindingEvidence.id)
        )
        for finding_id, document_id, page, title in rows:
            evidence[finding_id].append(EvidenceRef(document_id, page, title))
    order = item_order(standard)
    rows_out: list[FindingRow] = []
    for f in sorted(found, key=lambda f: (order.get(f.item_code, len(order)), f.id)):
        item = standard.item(f.item_code)
        dim = standard.dimension(item.dimension)
        rows_out.append(
            FindingRow(
                f.id,
                f.item_code,
                item.text,
                dim.code,
                dim.name,
                f.severity,
                f.deduction,
                f.reason or "",
                f.phrase,
                f.source_check,
                tuple(evidence.get(f.id, ())),
            )
        )
    if reviewer_name is None:
        reviewer_name = session.scalar(select(Person.name).where(Person.id == review.reviewer_id)) or ""
    return ReviewState(
        id=review.id,
        case_id=review.case_id,
        reviewer_id=review.reviewer_id,
        reviewer_name=reviewer_name,
        status=ReviewStatus(review.status),
        standard=standard,
        scheme_id=review.scheme_id,
        findings=tuple(rows_out),
        ticked_criteria=tuple(review.ticked_criteria or ()),
        excellence_justification=review.excellence_justification or "",
        proposal=proposal,
        final_grade=review.final_grade,
        override_reason=review.override_reason or "",
        submitted_at=review.submitted_at,
    )


def after_change(o: Op, review: Review, findings: list[Finding] | None = None) -> ReviewState:
    """Recompute and store the proposal in the same transaction as a change, attribute the review to the
    acting user, and return the new state. ``findings``: the review's live findings when the caller already
    holds them (else loaded)."""
    s = o.session
    standard = standard_in(s, review.standard_id)
    findings = review_findings(s, review.id) if findings is None else findings
    proposal = store_proposal(standard, review, findings)
    o.stamp(review)
    o.touch(Kind.REVIEW, review.id)
    s.flush()
    return build_state(s, review, standard, findings, proposal, o.people.get(review.reviewer_id))
