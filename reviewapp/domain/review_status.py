"""Review status and the transition table: the one place that says which step may follow which.

review-rules.md §1 (suggested state machine): only draft ↔ submitted exist so far; later steps of the
workflow (assigned, awaiting feedback, determined …) are added to this table, never as literals elsewhere.
"""

from __future__ import annotations

from enum import StrEnum


class ReviewStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class ReviewEventKind(StrEnum):
    START = "start"
    SUBMIT = "submit"
    REOPEN = "reopen"
    OVERRIDE = "override"  # the reviewer's own grade: recorded, not a change of status


# (from, event) → to. An event not in the table for the current status is refused.
TRANSITIONS: dict[tuple[ReviewStatus | None, ReviewEventKind], ReviewStatus] = {
    (None, ReviewEventKind.START): ReviewStatus.DRAFT,
    (ReviewStatus.DRAFT, ReviewEventKind.SUBMIT): ReviewStatus.SUBMITTED,
    (ReviewStatus.SUBMITTED, ReviewEventKind.REOPEN): ReviewStatus.DRAFT,
    (ReviewStatus.DRAFT, ReviewEventKind.OVERRIDE): ReviewStatus.DRAFT,
}

# Statuses in which the reviewer may still change findings, criteria and the chosen grade.
EDITABLE: frozenset[ReviewStatus] = frozenset({ReviewStatus.DRAFT})


class TransitionRefused(ValueError):
    def __init__(self, status: ReviewStatus | None, event: ReviewEventKind) -> None:
        super().__init__(f"{event.value} is not allowed from {status.value if status else 'none'}")
        self.status = status
        self.event = event


def next_status(status: ReviewStatus | str | None, event: ReviewEventKind) -> ReviewStatus:
    """The status after ``event``; raises TransitionRefused when the table forbids it."""
    current = None if status is None else ReviewStatus(status)
    try:
        return TRANSITIONS[(current, event)]
    except KeyError:
        raise TransitionRefused(current, event) from None


def allowed_events(status: ReviewStatus | str | None) -> frozenset[ReviewEventKind]:
    current = None if status is None else ReviewStatus(status)
    return frozenset(e for (s, e) in TRANSITIONS if s == current)
