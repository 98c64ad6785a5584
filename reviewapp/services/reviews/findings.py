"""Recording, changing and removing findings of a draft review (API and notes: reviews.py)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from reviewapp.i18n import translate
from reviewapp.services.reviews.guard import (
    ReviewError,
    case_of,
    check_evidence,
    check_item,
    load_review,
    refuse_submitted,
)
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.reviews.state import ReviewState, after_change, review_findings
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Finding, FindingEvidence, Review
from reviewapp.storage.models.base import utcnow


class _Unset(Enum):
    UNSET = "unset"


UNSET = _Unset.UNSET


def _set_evidence(
    s: Session, review: Review, finding: Finding, evidence: Sequence[tuple[int, int]], *, new: bool = False
) -> None:
    pairs = check_evidence(s, review.case_id, evidence)
    if not new:  # a new finding has no evidence to replace
        s.execute(delete(FindingEvidence).where(FindingEvidence.finding_id == finding.id))
    s.add_all(FindingEvidence(finding_id=finding.id, document_id=d, page=p) for d, p in pairs)


def _check_deduction(deduction: float | None) -> None:
    if deduction is not None and not deduction >= 0:  # also NaN
        raise ReviewError(translate("Reviews", "A deduction cannot be negative."))


def record_in(
    s: Session,
    wb: Workbench,
    review: Review,
    item_code: str,
    severity: str,
    reason: str,
    *,
    deduction: float | None = None,
    phrase: str | None = None,
    evidence: Sequence[tuple[int, int]] = (),
    source_check: str | None = None,
    findings: list[Finding] | None = None,
) -> tuple[Finding, bool]:
    """Record (insert or replace) one finding inside an open session; True when it was new. Does not
    recompute the proposal (the caller does, once). ``findings``, when given, is the review's loaded
    findings list; a new finding is appended to it (saves a query on the hot path)."""
    refuse_submitted(review)
    standard = standard_in(s, review.standard_id)
    case_type = s.scalar(select(Case.case_type).where(Case.id == review.case_id)) or ""
    full = check_item(standard, case_type, item_code, severity)
    _check_deduction(deduction)
    if findings is None:
        finding = s.scalar(select(Finding).where(Finding.review_id == review.id, Finding.item_code == item_code))
    else:
        finding = next((f for f in findings if f.item_code == item_code), None)
    created = finding is None
    if finding is None:
        finding = Finding(review_id=review.id, item_code=item_code, created_by=wb.actor.name)
        s.add(finding)
        if findings is not None:
            findings.append(finding)
    finding.severity = full
    finding.reason = reason.strip()
    finding.deduction = deduction
    finding.phrase = phrase
    finding.source_check = source_check
    finding.updated_by = wb.actor.name
    finding.updated_at = utcnow()
    s.flush()
    _set_evidence(s, review, finding, evidence, new=created)
    wb.log(
        s,
        "finding.record",
        "finding",
        finding.id,
        review=review.id,
        item=item_code,
        severity=full,
        deduction=deduction,
        new=created,
    )
    return finding, created


def record_finding(
    wb: Workbench,
    review_id: int,
    item_code: str,
    severity: str,
    reason: str,
    *,
    deduction: float | None = None,
    phrase: str | None = None,
    evidence: Sequence[tuple[int, int]] = (),
    source_check: str | None = None,
) -> ReviewState:
    with wb.db.session() as s:
        review = load_review(s, review_id)
        findings = review_findings(s, review.id)
        record_in(
            s,
            wb,
            review,
            item_code,
            severity,
            reason,
            deduction=deduction,
            phrase=phrase,
            evidence=evidence,
            source_check=source_check,
            findings=findings,
        )
        return after_change(s, wb, review, findings)


def _finding_and_review(s: Session, finding_id: int) -> tuple[Finding, Review]:
    finding = s.get(Finding, finding_id)
    if finding is None:
        raise ReviewError(translate("Reviews", "Finding {id} does not exist.").format(id=finding_id))
    review = load_review(s, finding.review_id)
    refuse_submitted(review)
    return finding, review


def update_finding(
    wb: Workbench,
    finding_id: int,
    *,
    severity: str | _Unset = UNSET,
    reason: str | _Unset = UNSET,
    deduction: float | _Unset | None = UNSET,
    phrase: str | _Unset | None = UNSET,
    evidence: Sequence[tuple[int, int]] | _Unset = UNSET,
) -> ReviewState:
    """Change only the given fields of a finding (UNSET leaves a field as it is)."""
    with wb.db.session() as s:
        finding, review = _finding_and_review(s, finding_id)
        changed: dict[str, object] = {}
        if not isinstance(severity, _Unset):
            standard = standard_in(s, review.standard_id)
            finding.severity = check_item(standard, case_of(s, review).case_type, finding.item_code, severity)
            changed["severity"] = finding.severity
        if not isinstance(reason, _Unset):
            finding.reason = reason.strip()
            changed["reason"] = True
        if not isinstance(deduction, _Unset):
            _check_deduction(deduction)
            finding.deduction = deduction
            changed["deduction"] = deduction
        if not isinstance(phrase, _Unset):
            finding.phrase = phrase
            changed["phrase"] = True
        if not isinstance(evidence, _Unset):
            _set_evidence(s, review, finding, evidence)
            changed["evidence"] = len(evidence)
        finding.updated_by = wb.actor.name
        finding.updated_at = utcnow()
        wb.log(s, "finding.update", "finding", finding.id, review=review.id, item=finding.item_code, **changed)
        return after_change(s, wb, review)


def remove_finding(wb: Workbench, finding_id: int) -> ReviewState:
    with wb.db.session() as s:
        finding, review = _finding_and_review(s, finding_id)
        wb.log(
            s,
            "finding.remove",
            "finding",
            finding.id,
            review=review.id,
            item=finding.item_code,
            severity=finding.severity,
            reason=finding.reason,
        )
        s.delete(finding)
        s.flush()
        return after_change(s, wb, review)
