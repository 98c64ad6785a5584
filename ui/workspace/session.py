"""One reviewer's open review: the latest ReviewState, every edit saved at once, and the undo stack.

Each edit calls a review service (one transaction, the proposal recomputed in it) and, when it succeeded,
pushes an undo command whose first redo is skipped — the change is already saved. Undo and redo call the
services again (record ↔ remove, update ↔ update back), so the database always holds what the screen shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from reviewapp.services.reviews import commands as reviews
from reviewapp.services.reviews.commands import FindingRow, ReviewError, ReviewState
from reviewapp.services.workbench import Workbench
from ui.workspace.undo import CriteriaCommand, FindingCommand, OverrideCommand


@dataclass(frozen=True)
class FindingDraft:
    """What a finding holds, without its id: the before/after of an undoable finding edit."""

    severity: str
    reason: str = ""
    phrase: str | None = None
    deduction: float | None = None
    evidence: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, row: FindingRow) -> FindingDraft:
        return cls(
            row.severity, row.reason, row.phrase, row.deduction, tuple((e.document_id, e.page) for e in row.evidence)
        )


class ReviewSession(QObject):
    changed = Signal(object)  # the new ReviewState
    failed = Signal(str)  # a ReviewError message for the user

    def __init__(self, wb: Workbench, state: ReviewState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.state = state
        self.undo_stack = QUndoStack(self)

    # --- reading ------------------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        return self.state.status == "draft"

    def finding(self, item_code: str) -> FindingRow | None:
        return next((f for f in self.state.findings if f.item_code == item_code), None)

    def draft(self, item_code: str) -> FindingDraft | None:
        row = self.finding(item_code)
        return None if row is None else FindingDraft.of(row)

    def reload(self) -> None:
        self._set(reviews.review_state(self.wb, self.state.id))

    # --- undoable edits -----------------------------------------------------------------------------
    def set_finding(self, item_code: str, after: FindingDraft | None, text: str, merge_key: str | None = None) -> bool:
        """Make the item's finding ``after`` (None: no finding); saved now, undoable as ``text``."""
        before = self.draft(item_code)
        if before == after:
            return True
        if not self.apply_finding(item_code, after):
            return False
        self.undo_stack.push(FindingCommand(self, item_code, before, after, text, merge_key))
        return True

    def edit_finding(self, item_code: str, text: str, **changes: object) -> bool:
        """Change some fields of the item's existing finding (e.g. reason=…)."""
        before = self.draft(item_code)
        if before is None:
            return False
        # Successive saves of one reason (Enter, pauses in typing) undo as one step.
        merge_key = f"reason:{item_code}" if set(changes) == {"reason"} else None
        return self.set_finding(item_code, replace(before, **changes), text, merge_key)  # type: ignore[arg-type]

    def set_criteria(self, ticked: Sequence[str], justification: str, text: str) -> bool:
        before = (self.state.ticked_criteria, self.state.excellence_justification)
        after = (tuple(ticked), justification)
        if before == after:
            return True
        if not self.apply_criteria(*after):
            return False
        self.undo_stack.push(CriteriaCommand(self, before, after, text))
        return True

    def set_override(self, grade: str | None, reason: str, text: str) -> bool:
        before = (self.state.final_grade, self.state.override_reason)
        if before == (grade, reason):
            return True
        if not self.apply_override(grade, reason):
            return False
        self.undo_stack.push(OverrideCommand(self, before, (grade, reason), text))
        return True

    # --- state transitions (not undoable: they are recorded events of the review) ---------------------
    def submit(self) -> bool:
        ok = self._call(lambda: reviews.submit_review(self.wb, self.state.id))
        if ok:
            self.undo_stack.clear()  # a submitted review cannot change, so nothing is left to undo
        return ok

    def reopen(self, reason: str) -> bool:
        ok = self._call(lambda: reviews.reopen_review(self.wb, self.state.id, reason))
        if ok:
            self.undo_stack.clear()
        return ok

    # --- the service calls the commands make --------------------------------------------------------
    def apply_finding(self, item_code: str, draft: FindingDraft | None) -> bool:
        current = self.finding(item_code)
        if draft is None:
            if current is None:
                return True
            return self._call(lambda: reviews.remove_finding(self.wb, current.id))
        if current is None:
            return self._call(
                lambda: reviews.record_finding(
                    self.wb,
                    self.state.id,
                    item_code,
                    draft.severity,
                    draft.reason,
                    deduction=draft.deduction,
                    phrase=draft.phrase,
                    evidence=draft.evidence,
                )
            )
        return self._call(
            lambda: reviews.update_finding(
                self.wb,
                current.id,
                severity=draft.severity,
                reason=draft.reason,
                deduction=draft.deduction,
                phrase=draft.phrase,
                evidence=draft.evidence,
            )
        )

    def apply_criteria(self, ticked: Sequence[str], justification: str) -> bool:
        return self._call(lambda: reviews.set_criteria(self.wb, self.state.id, ticked, justification))

    def apply_override(self, grade: str | None, reason: str) -> bool:
        return self._call(lambda: reviews.set_grade_override(self.wb, self.state.id, grade, reason))

    def _call(self, operation: Callable[[], ReviewState]) -> bool:
        try:
            state = operation()
        except ReviewError as exc:
            self.failed.emit(str(exc))
            return False
        self._set(state)
        return True

    def _set(self, state: ReviewState) -> None:
        self.state = state
        self.changed.emit(state)
