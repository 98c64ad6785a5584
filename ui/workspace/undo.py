"""Undo commands for scoring edits. Each holds the before and after of one edit and calls the services.

A command is pushed after its change was saved, so its first ``redo`` (QUndoStack.push calls it) does
nothing; later redos and undos save again through the review session.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from ui.workspace.session import FindingDraft, ReviewSession


class _SavedCommand(QUndoCommand):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._saved = True  # the change is already in the database

    def redo(self) -> None:
        if self._saved:
            self._saved = False
            return
        self.apply_after()

    def undo(self) -> None:
        self.apply_before()

    def apply_after(self) -> None:
        raise NotImplementedError

    def apply_before(self) -> None:
        raise NotImplementedError


class FindingCommand(_SavedCommand):
    """Record ↔ remove, or update ↔ update back, of one item's finding (found again by item code, since
    removing and re-recording gives the finding a new id)."""

    MERGE_ID = 1

    def __init__(
        self,
        session: ReviewSession,
        item_code: str,
        before: FindingDraft | None,
        after: FindingDraft | None,
        text: str,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(text)
        self.session = session
        self.item_code = item_code
        self.before = before
        self.after = after
        self.merge_key = merge_key  # e.g. "reason:E1": the saves of one reason being typed are one undo step

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FindingCommand) or other.merge_key != self.merge_key or self.after != other.before:
            return False
        self.after = other.after
        return True

    def apply_after(self) -> None:
        self.session.apply_finding(self.item_code, self.after)

    def apply_before(self) -> None:
        self.session.apply_finding(self.item_code, self.before)


class CriteriaCommand(_SavedCommand):
    """Ticked 优质 criteria and the justification, as one pair."""

    def __init__(
        self, session: ReviewSession, before: tuple[Sequence[str], str], after: tuple[Sequence[str], str], text: str
    ) -> None:
        super().__init__(text)
        self.session = session
        self.before = before
        self.after = after

    def apply_after(self) -> None:
        self.session.apply_criteria(*self.after)

    def apply_before(self) -> None:
        self.session.apply_criteria(*self.before)


class OverrideCommand(_SavedCommand):
    """The reviewer's own grade (None: follow the proposal) and its reason."""

    def __init__(
        self, session: ReviewSession, before: tuple[str | None, str], after: tuple[str | None, str], text: str
    ) -> None:
        super().__init__(text)
        self.session = session
        self.before = before
        self.after = after

    def apply_after(self) -> None:
        self.session.apply_override(*self.after)

    def apply_before(self) -> None:
        self.session.apply_override(*self.before)
