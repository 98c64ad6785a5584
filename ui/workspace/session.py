"""One reviewer's open review: the latest ReviewState, and every edit, undo and redo sent to the core.

Edits run on the write runner (ui/ops.py), one after another, off the GUI thread: a key press never waits for
the database. Each edit is one operation of the write path, which records its own undo step (per user and
review, reviewapp/services/reviews/undo.py) — so undo and redo here are plain calls to the core, and an
accepted suggestion, an offline form or a CLI edit cannot go around them. The state and the undo labels are
read again whenever the hub reports a change of this review, whoever made it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from reviewapp.domain.review_status import EDITABLE, ReviewStatus
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.reviews import commands as reviews
from reviewapp.services.reviews.commands import FindingRow, ReviewState
from reviewapp.services.reviews.undo import UndoStatus, redo_review_edit, undo_review_edit, undo_status
from reviewapp.services.workbench import Workbench
from ui.hub import hub_for
from ui.ops import is_known, ops_for

NO_UNDO = UndoStatus(None, None)


def _finding(state: ReviewState, item_code: str) -> FindingRow | None:
    return next((f for f in state.findings if f.item_code == item_code), None)


class ReviewSession(QObject):
    changed = Signal(object)  # the new ReviewState
    failed = Signal(str)  # a refusal (known error) in plain words
    undoChanged = Signal(object)  # UndoStatus

    def __init__(self, wb: Workbench, state: ReviewState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.state = state
        self.ops = ops_for(wb)
        self.pending = 0  # edits sent and not landed yet
        self.undo = NO_UNDO
        hub_for(wb).subscribe({Kind.REVIEW, Kind.FINDING, Kind.SUGGESTION}, self._heard, self)
        self.refresh_undo()

    # --- reading ------------------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        return ReviewStatus(self.state.status) in EDITABLE

    def finding(self, item_code: str) -> FindingRow | None:
        return _finding(self.state, item_code)

    def reload(self) -> None:
        self._set(reviews.review_state(self.wb, self.state.id))
        self.refresh_undo()

    def refresh_undo(self) -> None:
        self.undo = undo_status(self.wb, self.state.id)
        self.undoChanged.emit(self.undo)

    def _heard(self, record: ChangeRecord) -> None:
        reviews_ids, finding_ids = record.ids(Kind.REVIEW), record.ids(Kind.FINDING)
        mine = self.state.id in reviews_ids or bool(finding_ids & {f.id for f in self.state.findings})
        if mine or not (reviews_ids or finding_ids):  # a record that names no review may be this one's
            self.reload()

    # --- sending edits ------------------------------------------------------------------------------
    def _send(self, work: Callable[[], ReviewState]) -> None:
        self.pending += 1
        self.ops.run(work, self._landed, self._refused, owner=self)

    def _landed(self, state: ReviewState) -> None:
        self.pending -= 1
        self._set(state)

    def _refused(self, exc: BaseException) -> None:
        self.pending -= 1
        self.reload()  # the screen shows what is stored again, then why the edit was refused
        if is_known(exc):
            self.failed.emit(str(exc))

    def set_severity(self, item_code: str, severity: str | None) -> None:
        """Give the item ``severity`` (keeping reason, phrase and pages), or clear its finding (None).
        Record or update is decided when the edit runs, against the stored review, so quick keys in a row
        never record one finding twice."""
        wb, review_id = self.wb, self.state.id

        def work() -> ReviewState:
            current = _finding(reviews.review_state(wb, review_id), item_code)
            if severity is None:
                return reviews.remove_finding(wb, current.id) if current else reviews.review_state(wb, review_id)
            if current is None:
                return reviews.record_finding(wb, review_id, item_code, severity, "")
            if current.severity == severity:
                return reviews.review_state(wb, review_id)
            return reviews.update_finding(wb, current.id, severity=severity)

        self._send(work)

    def edit_finding(self, item_code: str, **changes: Any) -> None:
        """Change some fields of the item's finding (reason=…, phrase=…, deduction=…, evidence=…). Successive
        saves of one item's reason are one undo step (the core merges them)."""
        wb, review_id = self.wb, self.state.id

        def work() -> ReviewState:
            current = _finding(reviews.review_state(wb, review_id), item_code)
            if current is None:
                return reviews.review_state(wb, review_id)
            return reviews.update_finding(wb, current.id, **changes)

        self._send(work)

    def set_criteria(self, ticked: Sequence[str], justification: str) -> None:
        wb, review_id, ticked = self.wb, self.state.id, tuple(ticked)
        self._send(lambda: reviews.set_criteria(wb, review_id, ticked, justification))

    def set_override(self, grade: str | None, reason: str) -> None:
        wb, review_id = self.wb, self.state.id
        self._send(lambda: reviews.set_grade_override(wb, review_id, grade, reason))

    def undo_edit(self) -> None:
        wb, review_id = self.wb, self.state.id
        self._send(lambda: undo_review_edit(wb, review_id))

    def redo_edit(self) -> None:
        wb, review_id = self.wb, self.state.id
        self._send(lambda: redo_review_edit(wb, review_id))

    # --- state transitions (recorded events of the review; they clear its undo steps) -----------------
    def submit(self, done: Callable[[], None] | None = None) -> None:
        wb, review_id = self.wb, self.state.id

        def landed(state: ReviewState) -> None:
            self._landed(state)
            if done is not None:
                done()

        self.pending += 1
        self.ops.run(lambda: reviews.submit_review(wb, review_id), landed, self._refused, owner=self)

    def reopen(self, reason: str) -> None:
        wb, review_id = self.wb, self.state.id
        self._send(lambda: reviews.reopen_review(wb, review_id, reason))

    def _set(self, state: ReviewState) -> None:
        self.state = state
        self.changed.emit(state)
