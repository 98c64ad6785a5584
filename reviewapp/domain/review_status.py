"""Review status and the transition table: the one place that says which step may follow which.

review-rules.md §1 (workflow steps 5–13 and the suggested state machine). Two kinds of review row share the
table (storage: ``reviews.kind``):

- a **member** review is one reviewer's independent scoring of a case: draft → submitted (and back by
  reopening while the panel has not moved on);
- the **opinion** (评查意见) is the review file (评查卷) of the case: it opens with the first member review and
  carries the 评查受案号; when every member has submitted it is formed (reconciled by the panel lead where the
  members disagree), sent to the handling prosecutor when its grade is not 合格 (听取意见), its objections are
  ruled on, it is determined (审定) and finally archived. Rectification of its notices is tracked per notice
  (``domain.rectification``); the opinion stays determined meanwhile.

Every later step is added to this table, never as a literal elsewhere.
"""

from __future__ import annotations

from enum import StrEnum


class ReviewKind(StrEnum):
    MEMBER = "member"
    OPINION = "opinion"
    # A reviewer's practice scoring of a gold case: member statuses, never part of a review file, so never
    # in the results (storage/models/training.py).
    TRAINING = "training"


class ReviewStatus(StrEnum):
    # member reviews
    DRAFT = "draft"
    SUBMITTED = "submitted"
    # the opinion (review file)
    IN_REVIEW = "in_review"  # members are scoring, blind to each other
    RECONCILING = "reconciling"  # every member submitted; the panel lead reconciles disagreements
    AWAITING_FEEDBACK = "awaiting_feedback"  # sent to the handling prosecutor (听取意见)
    OBJECTIONS = "objections"  # the prosecutor objected; rulings pending
    AWAITING_DETERMINATION = "awaiting_determination"  # 审定 by the deputy chief / chief / committee
    DETERMINED = "determined"  # locked and signed; notices may be issued
    ARCHIVED = "archived"  # 归档


MEMBER_STATUSES = frozenset({ReviewStatus.DRAFT, ReviewStatus.SUBMITTED})
OPINION_STATUSES = frozenset(ReviewStatus) - MEMBER_STATUSES


class ReviewEventKind(StrEnum):
    # member
    START = "start"
    SUBMIT = "submit"
    REOPEN = "reopen"
    OVERRIDE = "override"  # the reviewer's own grade: recorded, not a change of status
    # opinion
    OPEN = "open"  # the review file opens with its first member review; its number is taken
    ALL_SUBMITTED = "all_submitted"  # the last member submitted: blindness lifts
    MEMBER_REOPENED = "member_reopened"  # a member review reopened before anyone downstream acted
    RECONCILE = "reconcile"  # one disagreement reconciled with a reason (no change of status)
    DISSENT = "dissent"  # a member's dissent recorded (no change of status)
    MEETING = "meeting"  # the joint meeting (联席会议) recorded (no change of status)
    SEND_FOR_FEEDBACK = "send_for_feedback"  # formed opinion, grade not 合格: to the prosecutor
    SEND_FOR_DETERMINATION = "send_for_determination"  # formed opinion, grade 合格: straight to 审定
    ANSWER_ACCEPT = "answer_accept"  # the prosecutor accepted every finding
    ANSWER_OBJECT = "answer_object"  # the prosecutor objected to at least one finding
    NO_FEEDBACK = "no_feedback"  # the period ended without an answer: 无异议（无反馈意见）
    RULE = "rule"  # one objection ruled on while others are still open (no change of status)
    RULINGS_DONE = "rulings_done"  # the last objection ruled on
    DETERMINE = "determine"  # 审定: locks and signs
    REOPEN_DETERMINED = "reopen_determined"  # 检察长's permission with a reason; voids the determination
    RECTIFICATION = "rectification"  # a step of a notice's rectification (no change of status)
    ARCHIVE = "archive"


S, E = ReviewStatus, ReviewEventKind

# (from, event) → to. An event not in the table for the current status is refused.
TRANSITIONS: dict[tuple[ReviewStatus | None, ReviewEventKind], ReviewStatus] = {
    # member reviews
    (None, E.START): S.DRAFT,
    (S.DRAFT, E.SUBMIT): S.SUBMITTED,
    (S.SUBMITTED, E.REOPEN): S.DRAFT,
    (S.DRAFT, E.OVERRIDE): S.DRAFT,
    # the opinion
    (None, E.OPEN): S.IN_REVIEW,
    (S.IN_REVIEW, E.ALL_SUBMITTED): S.RECONCILING,
    (S.RECONCILING, E.MEMBER_REOPENED): S.IN_REVIEW,
    (S.AWAITING_FEEDBACK, E.MEMBER_REOPENED): S.IN_REVIEW,
    (S.AWAITING_DETERMINATION, E.MEMBER_REOPENED): S.IN_REVIEW,
    (S.RECONCILING, E.RECONCILE): S.RECONCILING,
    (S.RECONCILING, E.DISSENT): S.RECONCILING,
    (S.AWAITING_FEEDBACK, E.DISSENT): S.AWAITING_FEEDBACK,
    (S.OBJECTIONS, E.DISSENT): S.OBJECTIONS,
    (S.AWAITING_DETERMINATION, E.DISSENT): S.AWAITING_DETERMINATION,
    (S.RECONCILING, E.MEETING): S.RECONCILING,
    (S.AWAITING_FEEDBACK, E.MEETING): S.AWAITING_FEEDBACK,
    (S.OBJECTIONS, E.MEETING): S.OBJECTIONS,
    (S.AWAITING_DETERMINATION, E.MEETING): S.AWAITING_DETERMINATION,
    (S.RECONCILING, E.SEND_FOR_FEEDBACK): S.AWAITING_FEEDBACK,
    (S.RECONCILING, E.SEND_FOR_DETERMINATION): S.AWAITING_DETERMINATION,
    (S.AWAITING_FEEDBACK, E.ANSWER_ACCEPT): S.AWAITING_DETERMINATION,
    (S.AWAITING_FEEDBACK, E.ANSWER_OBJECT): S.OBJECTIONS,
    (S.AWAITING_FEEDBACK, E.NO_FEEDBACK): S.AWAITING_DETERMINATION,
    (S.OBJECTIONS, E.RULE): S.OBJECTIONS,
    (S.OBJECTIONS, E.RULINGS_DONE): S.AWAITING_DETERMINATION,
    (S.AWAITING_DETERMINATION, E.DETERMINE): S.DETERMINED,
    (S.DETERMINED, E.REOPEN_DETERMINED): S.RECONCILING,
    (S.DETERMINED, E.RECTIFICATION): S.DETERMINED,
    (S.DETERMINED, E.ARCHIVE): S.ARCHIVED,
}

# Statuses in which the reviewer may still change findings, criteria and the chosen grade.
EDITABLE: frozenset[ReviewStatus] = frozenset({S.DRAFT})
# Opinion statuses in which the panel lead may still change the opinion's findings.
OPINION_EDITABLE: frozenset[ReviewStatus] = frozenset({S.RECONCILING})
# Opinion statuses in which members read each other's reviews: every member has submitted.
UNBLINDED: frozenset[ReviewStatus] = OPINION_STATUSES - {S.IN_REVIEW}
# Opinion statuses from which the handling prosecutor reads the opinion (it was sent, or it is determined).
SENT: frozenset[ReviewStatus] = frozenset(
    {S.AWAITING_FEEDBACK, S.OBJECTIONS, S.AWAITING_DETERMINATION, S.DETERMINED, S.ARCHIVED}
)
# Opinion statuses whose result counts in the ledger and statistics (the opinion is formed).
FORMED: frozenset[ReviewStatus] = SENT
# Notices are issued from determined opinions only (review-rules.md §1 steps 10–12).
NOTICEABLE: frozenset[ReviewStatus] = frozenset({S.DETERMINED})


QUALIFIED = "合格"  # the grade that needs no hearing and is determined by the deputy chief (§1 steps 8, 10)


def needs_feedback(grade: str | None) -> bool:
    """review-rules.md §1 step 8: the handling prosecutor must be heard where the grade is not 合格."""
    return grade != QUALIFIED


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
