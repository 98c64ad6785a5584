"""The first day a rectification notice may carry: its cases' latest determination (审定) day, read from the
opinions alone (review-rules.md §1 steps 10–12: the notice follows the determination it states)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewapp.domain.review_status import NOTICEABLE
from reviewapp.errors import NotPermitted
from reviewapp.services.results.ledger import load_reviewed_cases
from reviewapp.services.results.notice_content import latest_determination
from reviewapp.services.results.notices import NoticeError, earliest_issue_date, notice_preview
from reviewapp.services.results.settings import load_notice_config
from reviewapp.services.workbench import Workbench
from tests.accounts_fixtures import REVIEWER as REVIEWER_ROLE
from tests.accounts_fixtures import sign_in
from tests.core.review_fixtures import seed_reviewed_cases
from tests.core.services_fixtures import open_workbench, set_issuer


@pytest.fixture
def wb(tmp_path: Path) -> Iterator[Workbench]:
    bench = open_workbench(tmp_path)
    set_issuer(bench)
    yield bench
    bench.close()


@given(st.lists(st.one_of(st.none(), st.dates())))
def test_latest_determination_is_the_latest_day_given(days: list[date | None]) -> None:
    known = [d for d in days if d is not None]
    assert latest_determination(days) == (max(known) if known else None)


def test_the_earliest_day_is_the_latest_determination_of_the_selection(wb: Workbench) -> None:
    ids = seed_reviewed_cases(wb, 4)
    with wb.db.session() as s:
        reviewed = load_reviewed_cases(s, ids, load_notice_config(wb), statuses=NOTICEABLE)
    days = [r.determined_on for r in reviewed.values()]
    assert len(days) == 4 and all(d is not None for d in days)
    first = earliest_issue_date(wb, ids)
    assert first == max(d for d in days if d is not None)
    assert earliest_issue_date(wb, ids[:1]) == reviewed[ids[0]].determined_on
    # The same day the preview refuses before and accepts from.
    with pytest.raises(NoticeError):
        notice_preview(wb, ids, issued_on=date.fromordinal(first.toordinal() - 1))
    assert len(notice_preview(wb, ids, issued_on=first)) == 4


def test_no_determined_case_has_no_earliest_day(wb: Workbench) -> None:
    ids = seed_reviewed_cases(wb, 2, review=False)
    assert earliest_issue_date(wb, ids) is None


def test_the_earliest_day_needs_the_right_to_issue_notices(wb: Workbench) -> None:
    ids = seed_reviewed_cases(wb, 1)
    sign_in(wb, "只评查的评查员", roles=[REVIEWER_ROLE])  # a reviewer issues no notices
    with pytest.raises(NotPermitted):
        earliest_issue_date(wb, ids)
