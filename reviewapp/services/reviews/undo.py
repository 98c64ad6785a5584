"""Undo and redo of review edits, in the core: every path that edits a review records its step here, so
nothing can go around the stack (architecture.md, "The write path", step 5).

An undoable mutation states the *images* of what it changed — before and after:

    {"review": {ticked_criteria, excellence_justification, final_grade, override_reason},
     "findings": {uid: {item_code, severity, deduction, reason, phrase, source_check,
                        evidence: [[document_id, page], …]} | None},      # None: absent or tombstoned
     "decisions": {uid: {rule_id, decision, reason} | None}}

and the write path stores them as an UndoStep of the acting account on that review (push_step). Undo
applies the latest done step's before-images, redo the most recently undone step's after-images: rows are
found by uid and tombstoned or brought back, never deleted, so a finding keeps its identity across undo.

    undo_review_edit(wb, review_id) -> ReviewState        "review.undo"
    redo_review_edit(wb, review_id) -> ReviewState        "review.redo"
    undo_status(wb, review_id) -> UndoStatus              labels of the next undo and redo, or None

Submitting, reopening and importing an offline form clear the review's steps (clear_steps): the stored
review is then no longer the state the images were taken from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from reviewapp.domain.roles import Action
from reviewapp.i18n import translate
from reviewapp.services.changes import Kind
from reviewapp.services.reviews.guard import ReviewError, lock_review, refuse_submitted, require_scorer
from reviewapp.services.reviews.state import ReviewState, after_change, live_evidence
from reviewapp.services.write_path import Op, jsonable, mutation
from reviewapp.storage.models import CheckDecision, Finding, FindingEvidence, Review, UndoStep
from reviewapp.storage.models.base import utcnow

if TYPE_CHECKING:
    from reviewapp.services.workbench import Workbench

DONE = "done"
UNDONE = "undone"
KEEP = 200  # steps kept per user and review; older ones fall off the bottom of the stack
REVIEW_FIELDS = ("ticked_criteria", "excellence_justification", "final_grade", "override_reason")
FINDING_FIELDS = ("item_code", "severity", "deduction", "reason", "phrase", "source_check")

Image = dict[str, Any]


@dataclass(frozen=True)
class UndoStatus:
    undo_label: str | None  # what undo would take back, or None
    redo_label: str | None  # what redo would do again, or None


# --- images ---------------------------------------------------------------------------------------------


def review_image(review: Review) -> Image:
    return {
        "ticked_criteria": list(review.ticked_criteria or []),
        "excellence_justification": review.excellence_justification or "",
        "final_grade": review.final_grade,
        "override_reason": review.override_reason or "",
    }


def finding_image(s: Session, finding: Finding, evidence: list[tuple[int, int]] | None = None) -> Image | None:
    """``evidence``: the finding's live evidence when the caller knows it (else read)."""
    if finding.deleted_at is not None:
        return None
    image: Image = {field: getattr(finding, field) for field in FINDING_FIELDS}
    image["reason"] = image["reason"] or ""
    if evidence is None:
        evidence = live_evidence(s, finding.id) if finding.id is not None else []
    image["evidence"] = [[d, p] for d, p in evidence]
    return image


def decision_image(decision: CheckDecision) -> Image | None:
    if decision.deleted_at is not None:
        return None
    return {"rule_id": decision.rule_id, "decision": decision.decision, "reason": decision.reason or ""}


def image_changes(before: Image | None, after: Image | None) -> dict[str, list[Any]]:
    """``{field: [before, after]}`` of the fields that differ (the audit entry's changes)."""
    keys = list(dict.fromkeys([*(before or {}), *(after or {})]))
    out: dict[str, list[Any]] = {}
    for key in keys:
        old = None if before is None else before.get(key)
        new = None if after is None else after.get(key)
        if old != new:
            out[key] = [old, new]
    return out


class EditImages:
    """Collects the before-images of what an edit touches as it goes, then declares the undo step with the
    after-images read back from the rows (so the step says exactly what was stored): the finding rows the
    edit holds, and the evidence ``recorded`` says it has just stored (else read back)."""

    def __init__(self, o: Op, review: Review) -> None:
        self.o = o
        self.review = review
        self.review_before = review_image(review)
        self.findings: dict[str, Image | None] = {}
        self.decisions: dict[str, Image | None] = {}
        self.rows: dict[str, Finding] = {}
        self.evidence: dict[str, list[tuple[int, int]]] = {}

    def finding(self, finding: Finding) -> None:
        """Call before changing an existing finding."""
        assert finding.uid, "the finding's uid is set before it is recorded"
        if finding.uid not in self.findings:
            self.findings[finding.uid] = finding_image(self.o.session, finding)
        self.rows[finding.uid] = finding

    def new_finding(self, uid: str) -> None:
        self.findings.setdefault(uid, None)

    def recorded(self, finding: Finding, evidence: list[tuple[int, int]]) -> None:
        """The finding was just written with exactly this live evidence (findings.record_in: the last change
        of its evidence in the edit)."""
        self.rows[finding.uid] = finding
        self.evidence[finding.uid] = list(evidence)

    def new_decision(self, uid: str) -> None:
        self.decisions.setdefault(uid, None)

    def images(self) -> tuple[Image, Image]:
        s = self.o.session
        s.flush()
        after_findings: dict[str, Image | None] = {}
        for uid in self.findings:
            row = self.rows.get(uid) or s.scalar(select(Finding).where(Finding.uid == uid))
            if row is not None and row.deleted_at is None and uid in self.evidence:
                after_findings[uid] = finding_image(s, row, self.evidence[uid])
            else:
                after_findings[uid] = None if row is None else finding_image(s, row)
        after_decisions: dict[str, Image | None] = {}
        for uid in self.decisions:
            d = s.scalar(select(CheckDecision).where(CheckDecision.uid == uid))
            after_decisions[uid] = None if d is None else decision_image(d)
        before = {"review": self.review_before, "findings": self.findings, "decisions": self.decisions}
        after = {"review": review_image(self.review), "findings": after_findings, "decisions": after_decisions}
        return jsonable(before), jsonable(after)

    def declare(
        self, label: str, merge_key: str | None = None, images: tuple[Image, Image] | None = None
    ) -> tuple[Image, Image]:
        """Declare the step (``images``: from images() when the caller already read them)."""
        before, after = self.images() if images is None else images
        if before != after:  # an edit that changed nothing is no step to undo
            self.o.undoable(self.review.id, label, before, after, merge_key)
        return before, after


# --- rows -----------------------------------------------------------------------------------------------


def replace_evidence(
    s: Session, finding: Finding, pairs: list[tuple[int, int]], current: list[tuple[int, int]] | None = None
) -> None:
    """Make the finding's live evidence exactly ``pairs``; replaced rows are tombstoned, not deleted.
    ``current``: its live evidence when the caller knows it (``[]`` for a row just inserted), else read."""
    if current is None:
        current = live_evidence(s, finding.id) if finding.id is not None else []
    if current == pairs:
        return
    now = utcnow()
    if current and finding.id is not None:
        for row in s.scalars(
            select(FindingEvidence).where(
                FindingEvidence.finding_id == finding.id, FindingEvidence.deleted_at.is_(None)
            )
        ):
            row.deleted_at = now
    s.add_all(FindingEvidence(finding_id=finding.id, document_id=d, page=p) for d, p in pairs)


def tombstone_finding(s: Session, finding: Finding) -> None:
    now = utcnow()
    finding.deleted_at = now
    for row in s.scalars(
        select(FindingEvidence).where(FindingEvidence.finding_id == finding.id, FindingEvidence.deleted_at.is_(None))
    ):
        row.deleted_at = now


def _apply(o: Op, review: Review, image: Image) -> ReviewState:
    s = o.session
    for field in REVIEW_FIELDS:
        value = image["review"][field]
        setattr(review, field, list(value) if field == "ticked_criteria" else value)
    for uid, wanted in image["findings"].items():
        finding = s.scalar(select(Finding).where(Finding.uid == uid, Finding.review_id == review.id))
        if finding is None:
            raise ReviewError(translate("ReviewUndo", "This step can no longer be undone: its finding is gone."))
        if wanted is None:
            if finding.deleted_at is None:
                tombstone_finding(s, finding)
        else:
            clash = s.scalar(
                select(Finding.id).where(
                    Finding.review_id == review.id,
                    Finding.item_code == wanted["item_code"],
                    Finding.deleted_at.is_(None),
                    Finding.uid != uid,
                )
            )
            if clash is not None:
                raise ReviewError(
                    translate(
                        "ReviewUndo", "This step can no longer be undone: item {item} was recorded again."
                    ).format(item=wanted["item_code"])
                )
            finding.deleted_at = None
            for field in FINDING_FIELDS:
                setattr(finding, field, wanted[field])
            replace_evidence(s, finding, [(int(d), int(p)) for d, p in wanted["evidence"]])
        o.stamp(finding)
        o.touch(Kind.FINDING, finding.id)
    for uid, wanted in image["decisions"].items():
        decision = s.scalar(select(CheckDecision).where(CheckDecision.uid == uid))
        if decision is None:
            continue  # its case's decisions went with the case
        o.open_checks_changed(decision.case_id)  # before any write: in shared mode this starts it again alone
        if wanted is None:
            decision.deleted_at = decision.deleted_at or utcnow()
        else:
            decision.deleted_at = None
        o.touch(Kind.SUGGESTION, decision.id)
    return after_change(o, review)


# --- the stacks -----------------------------------------------------------------------------------------


def push_step(s: Session, account_id: int, undo: Any) -> None:
    """Store the undo step an operation declared (write_path.Op.finish): a new edit drops the user's redo
    steps on the review; an edit with the same merge key as the latest step extends it (its before stays)."""
    mine = (UndoStep.account_id == account_id, UndoStep.review_id == undo.review_id)
    if undo.merge_key is not None:
        s.execute(delete(UndoStep).where(*mine, UndoStep.state == UNDONE))
        # Only the key columns: loading the latest step's images just to compare merge keys cost a quarter of a
        # finding's time.
        latest = s.execute(
            select(UndoStep.id, UndoStep.merge_key)
            .where(*mine, UndoStep.state == DONE)
            .order_by(UndoStep.id.desc())
            .limit(1)
        ).first()
        if latest is not None and latest.merge_key == undo.merge_key:
            s.execute(update(UndoStep).where(UndoStep.id == latest.id).values(after=undo.after, label=undo.label))
            return
    # One statement for both: the redo steps a new edit drops, and the oldest steps beyond room for this one
    # (KEEP in all).
    beyond = select(UndoStep.id).where(*mine, UndoStep.state == DONE).order_by(UndoStep.id.desc()).offset(KEEP - 1)
    s.execute(delete(UndoStep).where(*mine, or_(UndoStep.state == UNDONE, UndoStep.id.in_(beyond))))
    s.add(
        UndoStep(
            account_id=account_id,
            review_id=undo.review_id,
            label=undo.label,
            merge_key=undo.merge_key,
            before=undo.before,
            after=undo.after,
            state=DONE,
        )
    )
    s.flush()


def clear_steps(s: Session, review_id: int) -> None:
    """Forget every user's steps on the review (submit, reopen, form import)."""
    s.execute(delete(UndoStep).where(UndoStep.review_id == review_id))


def _next_step(s: Session, account_id: int | None, review_id: int, state: str) -> UndoStep | None:
    """The step undo (state DONE: the latest) or redo (state UNDONE: the most recently undone) would take."""
    if account_id is None:
        return None
    order = UndoStep.id.desc() if state == DONE else UndoStep.id.asc()
    return s.scalar(
        select(UndoStep)
        .where(UndoStep.account_id == account_id, UndoStep.review_id == review_id, UndoStep.state == state)
        .order_by(order)
        .limit(1)
    )


def _step(o: Op, review_id: int, state: str) -> ReviewState:
    s = o.session
    review = lock_review(o, review_id)
    require_scorer(o, review)
    refuse_submitted(review)
    step = _next_step(s, o.user.account_id, review.id, state)
    if step is None:
        raise ReviewError(
            translate("ReviewUndo", "Nothing to undo.")
            if state == DONE
            else translate("ReviewUndo", "Nothing to redo.")
        )
    before, after = step.before, step.after
    result = _apply(o, review, before if state == DONE else after)
    step.state = UNDONE if state == DONE else DONE
    o.audit(
        "review",
        review.id,
        case_id=review.case_id,
        review_id=review.id,
        changes=_step_changes(after, before) if state == DONE else _step_changes(before, after),
        step=step.label,
    )
    return result


def _step_changes(old: Image, new: Image) -> dict[str, Any]:
    changes: dict[str, Any] = image_changes(old["review"], new["review"])
    for kind in ("findings", "decisions"):
        for uid in new[kind]:
            diff = image_changes(old[kind].get(uid), new[kind][uid])
            if diff:
                changes[f"{kind[:-1]}:{uid}"] = diff
    return changes


@mutation("review.undo", Action.SCORE, one_review=True)
def undo_review_edit(o: Op, review_id: int) -> ReviewState:
    """Take back the acting user's latest edit of the review (not a step itself: redo brings it back)."""
    return _step(o, review_id, DONE)


@mutation("review.redo", Action.SCORE, one_review=True)
def redo_review_edit(o: Op, review_id: int) -> ReviewState:
    """Make the most recently undone edit again."""
    return _step(o, review_id, UNDONE)


def undo_status(wb: Workbench, review_id: int) -> UndoStatus:
    """What undo and redo would do for the logged-in user on the review (labels for the Edit menu)."""
    with wb.db.session() as s:
        undo = _next_step(s, wb.user.account_id, review_id, DONE)
        redo = _next_step(s, wb.user.account_id, review_id, UNDONE)
        return UndoStatus(undo.label if undo else None, redo.label if redo else None)
