"""Recording, changing and removing findings of a draft review (API and notes: commands.py).

A removed finding is tombstoned (deleted_at), never deleted: undo brings the same row back, and reviews
will travel between workstations by uid.

These edits change only their review's rows, so they are ``one_review`` mutations (write_path): they lock the
review first (guard.lock_review) and, on PostgreSQL, run beside edits of other reviews.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from sqlalchemy import select

from reviewapp.domain.roles import Action
from reviewapp.i18n import translate
from reviewapp.services.changes import Kind
from reviewapp.services.reviews.guard import (
    ReviewError,
    case_type_of,
    check_evidence,
    check_item,
    lock_review,
    refuse_submitted,
    require_scorer,
)
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.reviews.state import ReviewState, after_change, review_findings
from reviewapp.services.reviews.undo import EditImages, image_changes, replace_evidence, tombstone_finding
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Finding, Review
from reviewapp.storage.models.base import new_uid


class _Unset(Enum):
    UNSET = "unset"


UNSET = _Unset.UNSET


def _check_deduction(deduction: float | None) -> None:
    if deduction is not None and not deduction >= 0:  # also NaN
        raise ReviewError(translate("Reviews", "A deduction cannot be negative."))


def record_in(
    o: Op,
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
    images: EditImages | None = None,
) -> tuple[Finding, bool]:
    """Record (insert or replace) the item's live finding inside an operation; True when it was new. Does
    not recompute the proposal (the caller does, once) nor check who acts (the caller did). ``findings``,
    when given, is the review's loaded live findings; a new finding is appended to it. ``images`` collects
    the before-image for the caller's undo step."""
    s = o.session
    refuse_submitted(review)
    standard = standard_in(s, review.standard_id)
    full = check_item(standard, case_type_of(o, review), item_code, severity)
    _check_deduction(deduction)
    pairs = check_evidence(s, review.case_id, evidence)
    if findings is None:
        finding = s.scalar(
            select(Finding).where(
                Finding.review_id == review.id, Finding.item_code == item_code, Finding.deleted_at.is_(None)
            )
        )
    else:
        finding = next((f for f in findings if f.item_code == item_code), None)
    created = finding is None
    if finding is None:
        finding = Finding(uid=new_uid(), review_id=review.id, item_code=item_code)
        if images is not None:
            images.new_finding(finding.uid)
        o.stamp(finding, new=True)
        s.add(finding)
        if findings is not None:
            findings.append(finding)
    elif images is not None:
        images.finding(finding)
    finding.severity = full
    finding.reason = reason.strip()
    finding.deduction = deduction
    finding.phrase = phrase
    finding.source_check = source_check
    o.stamp(finding)
    s.flush()
    replace_evidence(s, finding, pairs, current=[] if created else None)  # a new row has no evidence yet
    if images is not None:
        images.recorded(finding, pairs)
    o.touch(Kind.FINDING, finding.id)
    return finding, created


def _audit_finding(o: Op, review: Review, finding: Finding, before: dict, after: dict) -> None:
    uid = finding.uid
    o.audit(
        "finding",
        finding.id,
        case_id=review.case_id,
        review_id=review.id,
        changes=image_changes(before["findings"].get(uid), after["findings"].get(uid)),
        item=finding.item_code,
    )


@mutation("finding.record", Action.SCORE, one_review=True)
def record_finding(
    o: Op,
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
    s = o.session
    review = lock_review(o, review_id)
    require_scorer(o, review)
    refuse_submitted(review)
    findings = review_findings(s, review.id)
    images = EditImages(o, review)
    finding, created = record_in(
        o,
        review,
        item_code,
        severity,
        reason,
        deduction=deduction,
        phrase=phrase,
        evidence=evidence,
        source_check=source_check,
        findings=findings,
        images=images,
    )
    state = after_change(o, review, findings)
    label = (
        translate("ReviewUndo", "record finding {item}")
        if created
        else translate("ReviewUndo", "change finding {item}")
    )
    before, after = images.declare(label.format(item=item_code))
    _audit_finding(o, review, finding, before, after)
    return state


def _finding_and_review(o: Op, finding_id: int) -> tuple[Finding, Review]:
    """The finding and its review, the review locked first (a finding never moves to another review), then
    the finding read under that lock: another edit of the review may have removed it meanwhile."""
    s = o.session
    review_id = s.scalar(select(Finding.review_id).where(Finding.id == finding_id))
    review = lock_review(o, review_id) if review_id is not None else None
    finding = s.get(Finding, finding_id) if review is not None else None
    if review is None or finding is None or finding.deleted_at is not None:
        raise ReviewError(translate("Reviews", "Finding {id} does not exist.").format(id=finding_id))
    return finding, review


@mutation("finding.update", Action.SCORE, one_review=True)
def update_finding(
    o: Op,
    finding_id: int,
    *,
    severity: str | _Unset = UNSET,
    reason: str | _Unset = UNSET,
    deduction: float | _Unset | None = UNSET,
    phrase: str | _Unset | None = UNSET,
    evidence: Sequence[tuple[int, int]] | _Unset = UNSET,
) -> ReviewState:
    """Change only the given fields of a finding (UNSET leaves a field as it is). Successive saves that
    change only the reason of one finding (typing, pauses, Enter) are one undo step."""
    s = o.session
    finding, review = _finding_and_review(o, finding_id)
    require_scorer(o, review)
    refuse_submitted(review)
    images = EditImages(o, review)
    images.finding(finding)
    if not isinstance(severity, _Unset):
        standard = standard_in(s, review.standard_id)
        finding.severity = check_item(standard, case_type_of(o, review), finding.item_code, severity)
    if not isinstance(reason, _Unset):
        finding.reason = reason.strip()
    if not isinstance(deduction, _Unset):
        _check_deduction(deduction)
        finding.deduction = deduction
    if not isinstance(phrase, _Unset):
        finding.phrase = phrase
    if not isinstance(evidence, _Unset):
        replace_evidence(s, finding, check_evidence(s, review.case_id, evidence))
    o.stamp(finding)
    o.touch(Kind.FINDING, finding.id)
    state = after_change(o, review)
    before, after = images.images()
    changed = set(image_changes(before["findings"][finding.uid], after["findings"][finding.uid]))
    merge_key = f"reason:{finding.uid}" if changed == {"reason"} else None
    label = translate("ReviewUndo", "change finding {item}").format(item=finding.item_code)
    images.declare(label, merge_key, (before, after))
    _audit_finding(o, review, finding, before, after)
    return state


@mutation("finding.remove", Action.SCORE, one_review=True)
def remove_finding(o: Op, finding_id: int) -> ReviewState:
    s = o.session
    finding, review = _finding_and_review(o, finding_id)
    require_scorer(o, review)
    refuse_submitted(review)
    images = EditImages(o, review)
    images.finding(finding)
    tombstone_finding(s, finding)
    o.stamp(finding)
    o.touch(Kind.FINDING, finding.id)
    state = after_change(o, review)
    before, after = images.declare(translate("ReviewUndo", "remove finding {item}").format(item=finding.item_code))
    _audit_finding(o, review, finding, before, after)
    return state
