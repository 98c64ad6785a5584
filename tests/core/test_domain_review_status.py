"""The review status transition table (review-rules.md §1, suggested state machine)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewapp.domain.review_status import (
    EDITABLE,
    MEMBER_STATUSES,
    OPINION_STATUSES,
    TRANSITIONS,
    ReviewEventKind,
    ReviewStatus,
    TransitionRefused,
    allowed_events,
    needs_feedback,
    next_status,
)


def test_a_review_starts_as_a_draft() -> None:
    assert next_status(None, ReviewEventKind.START) is ReviewStatus.DRAFT


def test_draft_submits_and_submitted_reopens() -> None:
    assert next_status("draft", ReviewEventKind.SUBMIT) is ReviewStatus.SUBMITTED
    assert next_status(ReviewStatus.SUBMITTED, ReviewEventKind.REOPEN) is ReviewStatus.DRAFT


@pytest.mark.parametrize(
    ("status", "event"),
    [
        (ReviewStatus.SUBMITTED, ReviewEventKind.SUBMIT),
        (ReviewStatus.DRAFT, ReviewEventKind.REOPEN),
        (ReviewStatus.SUBMITTED, ReviewEventKind.OVERRIDE),
        (ReviewStatus.DRAFT, ReviewEventKind.START),
        (None, ReviewEventKind.SUBMIT),
    ],
)
def test_the_table_refuses_what_it_does_not_list(status: ReviewStatus | None, event: ReviewEventKind) -> None:
    with pytest.raises(TransitionRefused):
        next_status(status, event)


def test_only_drafts_are_editable() -> None:
    assert frozenset({ReviewStatus.DRAFT}) == EDITABLE


def test_allowed_events_follow_the_table() -> None:
    assert allowed_events(ReviewStatus.DRAFT) == {ReviewEventKind.SUBMIT, ReviewEventKind.OVERRIDE}
    assert allowed_events(ReviewStatus.SUBMITTED) == {ReviewEventKind.REOPEN}


@given(st.lists(st.sampled_from(list(ReviewEventKind)), max_size=30))
def test_random_event_sequences_only_reach_states_of_the_table(events: list[ReviewEventKind]) -> None:
    status: ReviewStatus | None = None
    reachable = {to for to in TRANSITIONS.values()}
    for event in events:
        try:
            status = next_status(status, event)
        except TransitionRefused:
            assert event not in allowed_events(status)
            continue
        assert status in reachable


# --- the opinion (review file): review-rules.md §1 steps 6–13 -------------------------------------------


def _walk(start: ReviewEventKind, events: list[ReviewEventKind]) -> list[ReviewStatus]:
    status = next_status(None, start)
    seen = [status]
    for event in events:
        try:
            status = next_status(status, event)
        except TransitionRefused:
            continue
        seen.append(status)
    return seen


@given(st.lists(st.sampled_from(list(ReviewEventKind)), max_size=40))
def test_member_reviews_and_opinions_never_share_a_status(events: list[ReviewEventKind]) -> None:
    assert set(_walk(ReviewEventKind.START, events)) <= MEMBER_STATUSES
    assert set(_walk(ReviewEventKind.OPEN, events)) <= OPINION_STATUSES


@given(st.lists(st.sampled_from(list(ReviewEventKind)), max_size=40))
def test_an_opinion_is_determined_only_by_determination_and_archived_only_after_it(
    events: list[ReviewEventKind],
) -> None:
    status = next_status(None, ReviewEventKind.OPEN)
    for event in events:
        try:
            new = next_status(status, event)
        except TransitionRefused:
            continue
        if new is ReviewStatus.DETERMINED and status is not ReviewStatus.DETERMINED:
            assert (status, event) == (ReviewStatus.AWAITING_DETERMINATION, ReviewEventKind.DETERMINE)
        if new is ReviewStatus.ARCHIVED:
            assert status is ReviewStatus.DETERMINED
        if status is ReviewStatus.IN_REVIEW and new is not ReviewStatus.IN_REVIEW:
            assert event is ReviewEventKind.ALL_SUBMITTED  # blindness lifts only when every member submitted
        status = new


def test_the_opinion_follows_the_workflow_of_the_rules() -> None:
    e = ReviewEventKind
    path = [e.ALL_SUBMITTED, e.SEND_FOR_FEEDBACK, e.ANSWER_OBJECT, e.RULE, e.RULINGS_DONE, e.DETERMINE, e.ARCHIVE]
    assert _walk(e.OPEN, path)[-1] is ReviewStatus.ARCHIVED
    assert next_status(ReviewStatus.AWAITING_FEEDBACK, e.NO_FEEDBACK) is ReviewStatus.AWAITING_DETERMINATION
    assert next_status(ReviewStatus.DETERMINED, e.REOPEN_DETERMINED) is ReviewStatus.RECONCILING
    # Nothing changes a determined opinion except reopening it (with the chief's permission) or archiving.
    assert allowed_events(ReviewStatus.DETERMINED) == {e.REOPEN_DETERMINED, e.RECTIFICATION, e.ARCHIVE}


def test_only_a_grade_other_than_qualified_is_heard() -> None:
    assert not needs_feedback("合格")
    assert all(needs_feedback(g) for g in ("优质", "基本合格", "瑕疵", "不合格", None))
