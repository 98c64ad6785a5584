"""The rectification (整改) of one notice: its statuses and which step may follow which.

review-rules.md §1 step 12 and §6 (ledger statuses 待整改 / 整改中 / 已整改 / 逾期): a notice is to be
rectified (pending) until the written rectification report comes back (in progress); the re-check by a
reviewer of the case's panel then passes (rectified) or fails (back to pending, with the reviewer's note).
A notice whose deadline passes without a report is overdue; a report that comes late is still received.
"""

from __future__ import annotations

from enum import StrEnum


class RectificationStatus(StrEnum):
    PENDING = "pending"  # 待整改
    IN_PROGRESS = "in_progress"  # 整改中: the rectification report was received
    RECTIFIED = "rectified"  # 已整改: the re-check passed
    OVERDUE = "overdue"  # 逾期: the deadline passed without a report


class RectificationStep(StrEnum):
    REPLY = "reply"  # the written rectification report received
    RECHECK_PASSED = "recheck_passed"
    RECHECK_FAILED = "recheck_failed"
    OVERDUE = "overdue"  # recorded when the deadline has passed (process_due)


R, T = RectificationStatus, RectificationStep

RECTIFICATION_TRANSITIONS: dict[tuple[RectificationStatus, RectificationStep], RectificationStatus] = {
    (R.PENDING, T.REPLY): R.IN_PROGRESS,
    (R.OVERDUE, T.REPLY): R.IN_PROGRESS,
    (R.IN_PROGRESS, T.RECHECK_PASSED): R.RECTIFIED,
    (R.IN_PROGRESS, T.RECHECK_FAILED): R.PENDING,
    (R.PENDING, T.OVERDUE): R.OVERDUE,
}

# Statuses someone still has to act on (the report is awaited, or it is to be re-checked).
OPEN: frozenset[RectificationStatus] = frozenset({R.PENDING, R.IN_PROGRESS, R.OVERDUE})


class RectificationRefused(ValueError):
    def __init__(self, status: RectificationStatus, step: RectificationStep) -> None:
        super().__init__(f"{step.value} is not allowed from {status.value}")
        self.status = status
        self.step = step


def next_rectification_status(status: RectificationStatus | str, step: RectificationStep) -> RectificationStatus:
    current = RectificationStatus(status)
    try:
        return RECTIFICATION_TRANSITIONS[(current, step)]
    except KeyError:
        raise RectificationRefused(current, step) from None
