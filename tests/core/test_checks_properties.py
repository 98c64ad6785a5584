"""Property tests: returns never make a compliant case overdue; net review days never exceed calendar days."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reviewapp.checks import Status, check_case, net_review_days
from reviewapp.demo.scenarios import prosecution_card
from reviewapp.domain.case_card import CaseCard
from reviewapp.legal import add_months

D = dt.date
DEADLINE_RULES = ["DL-PROSECUTION", "DL-FAST-TRACK", "DL-RETURN-PERIOD", "DL-RETURN-COUNT"]


@st.composite
def compliant_cases(draw: st.DrawFn) -> CaseCard:
    accepted = draw(st.dates(D(2005, 1, 1), D(2026, 6, 30)))
    detained = draw(st.booleans())
    fast = draw(st.booleans())
    span = draw(st.integers(0, 10 if fast else 28))
    closed = accepted + dt.timedelta(days=span)
    return prosecution_card(
        1,
        accepted,
        closed,
        detained=detained,
        procedure="速裁" if fast else "普通",
        suspect_notified_on=accepted,
        victim_notified_on=accepted,
        plea_signed_on=accepted,
    )


@st.composite
def with_return(draw: st.DrawFn, card: CaseCard) -> CaseCard:
    """Insert one return inside the review, lasting at most a month (CPL art. 175)."""
    assert card.closed_on is not None
    span = (card.closed_on - card.accepted_on).days
    returned = card.accepted_on + dt.timedelta(days=draw(st.integers(0, span)))
    latest = min(add_months(returned, 1), card.closed_on)
    resubmitted = returned + dt.timedelta(days=draw(st.integers(0, (latest - returned).days)))
    return dataclasses.replace(card, returns_count=1, return1_on=returned, resubmit1_on=resubmitted)


def deadline_violations(card: CaseCard) -> set[str]:
    results = check_case(card, rule_ids=DEADLINE_RULES)
    return {r.rule_id for r in results if r.status is Status.VIOLATION}


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_adding_a_return_never_makes_a_compliant_case_overdue(data: st.DataObject) -> None:
    card = data.draw(compliant_cases())
    assert deadline_violations(card) == set()
    returned = data.draw(with_return(card))
    assert deadline_violations(returned) == set()


@settings(max_examples=300, deadline=None)
@given(
    st.dates(D(2005, 1, 1), D(2026, 1, 1)),
    st.lists(st.integers(0, 60), min_size=5, max_size=5),
    st.integers(0, 2),
)
def test_net_review_days_never_exceed_calendar_days(start: dt.date, gaps: list[int], returns: int) -> None:
    days = [start]
    for gap in gaps:
        days.append(days[-1] + dt.timedelta(days=gap))
    accepted, r1, s1, r2, s2, closed = days
    fields: dict[str, object] = {"returns_count": returns}
    if returns >= 1:
        fields.update(return1_on=r1, resubmit1_on=s1)
    if returns == 2:
        fields.update(return2_on=r2, resubmit2_on=s2)
    card = prosecution_card(1, accepted, closed, detained=False, **fields)  # type: ignore[arg-type]
    net = net_review_days(card)
    assert net is not None
    assert 0 <= net <= (closed - accepted).days
    if returns == 0:
        assert net == (closed - accepted).days


@settings(max_examples=200, deadline=None)
@given(st.dates(D(2005, 1, 1), D(2026, 6, 30)), st.integers(-5, 60), st.booleans())
def test_overdue_days_match_the_limit(accepted: dt.date, span: int, detained: bool) -> None:
    assume(span >= 0)
    card = prosecution_card(
        1,
        accepted,
        accepted + dt.timedelta(days=span),
        detained=detained,
        suspect_notified_on=accepted,
        victim_notified_on=accepted,
        plea_signed_on=accepted,
    )
    r = check_case(card, rule_ids=["DL-PROSECUTION"])[0]
    seg = r.facts["segments"][0]
    end = D.fromisoformat(seg["end"])
    assert seg["days_over"] == max(0, (card.closed_on - end).days)  # type: ignore[operator]
    assert (r.status is Status.VIOLATION) == (card.closed_on > end)  # type: ignore[operator]
