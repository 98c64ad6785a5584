"""Prosecution-review stretches between receipt, returns for supplementary investigation and resubmissions.

CPL art. 175 (规则 arts. 346, 350): after a return the investigating organ resubmits the case and the
prosecution-review period is counted afresh from the resubmission. The days spent on a return are not
review days, so the net review days are the calendar days minus the return days (review-rules.md §4).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reviewapp.domain.case_card import CaseCard

_RETURN_ATTRS = (("return1_on", "resubmit1_on"), ("return2_on", "resubmit2_on"))


@dataclass(frozen=True)
class Segment:
    start: dt.date  # receipt or resubmission
    end: dt.date | None  # the return, the decision (办结日期), or None while still under review
    ends_in_return: bool


@dataclass(frozen=True)
class Segments:
    segments: tuple[Segment, ...]
    missing: tuple[str, ...]  # card fields needed to delimit the stretches
    on_return: bool  # open case currently returned to the investigators (the review clock is stopped)


def returns_on_card(card: CaseCard) -> int:
    """The number of returns: 退回补充侦查次数, or the return dates present when that is blank."""
    dated = sum(1 for ret, _ in _RETURN_ATTRS if getattr(card, ret) is not None)
    return card.returns_count if card.returns_count is not None else dated


def review_segments(card: CaseCard) -> Segments:
    count = returns_on_card(card)
    if count > len(_RETURN_ATTRS):
        # The card has dates for two returns only; later stretches cannot be delimited.
        return Segments((), ("return3_on", "resubmit3_on"), False)
    segments: list[Segment] = []
    start = card.accepted_on
    for ret_attr, res_attr in _RETURN_ATTRS[:count]:
        returned, resubmitted = getattr(card, ret_attr), getattr(card, res_attr)
        if returned is None:
            return Segments(tuple(segments), (ret_attr,), False)
        segments.append(Segment(start, returned, True))
        if resubmitted is None:
            if card.closed_on is None:
                return Segments(tuple(segments), (), True)
            return Segments(tuple(segments), (res_attr,), False)
        start = resubmitted
    segments.append(Segment(start, card.closed_on, False))
    return Segments(tuple(segments), (), False)


def net_review_days(card: CaseCard) -> int | None:
    """Days under review from receipt to decision, return days excluded; None if the card cannot tell."""
    found = review_segments(card)
    if found.missing or found.on_return or card.closed_on is None:
        return None
    return sum((s.end - s.start).days for s in found.segments if s.end is not None)
