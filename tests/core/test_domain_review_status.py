"""The review status transition table (review-rules.md §1, suggested state machine)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewapp.domain.review_status import (
    EDITABLE,
    TRANSITIONS,
    ReviewEventKind,
    ReviewStatus,
    TransitionRefused,
    allowed_events,
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
