"""What the case list filters and sorts by, and the matching ids for callers that want them all.

The list itself is answered by the database a page at a time (case_list.py); nothing per case is held in
memory. ``CaseIndex`` remains as the small façade plan selection and the `cases` command use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from reviewapp.services.cases.search_index import fold
from reviewapp.services.workbench import Workbench

__all__ = ["NOT_REVIEWED", "SORT_COLUMNS", "CaseFilter", "CaseIndex", "case_index_in", "fold", "load_case_index"]

NOT_REVIEWED = "none"  # the review filter's "no review file yet"


@dataclass(frozen=True)
class CaseFilter:
    text: str = ""
    unit_id: int | None = None
    department_id: int | None = None
    prosecutor_id: int | None = None
    case_type: str | None = None
    accepted_from: date | None = None
    accepted_to: date | None = None
    closed_from: date | None = None
    closed_to: date | None = None
    closed: bool | None = None  # True: closed only, False: open only
    plan_id: int | None = None
    review: str | None = None  # NOT_REVIEWED or a review file status (domain.review_status)
    grade: str | None = None
    open_checks: bool | None = None  # True: with pre-screening results nobody answered yet

    def is_empty(self) -> bool:
        return self == CaseFilter()


# Columns of the list, in display order (all sortable).
SORT_COLUMNS = (
    "dept_case_no",
    "name",
    "case_type",
    "unit",
    "department",
    "prosecutor",
    "transferred_charge",
    "accepted_on",
    "closed_on",
    "plans",
    "status",
    "grade",
    "open_checks",
)


def from_far_end(offset: int, limit: int, count: int | None) -> tuple[int, int] | None:
    """Past the middle of a counted list: the offset and limit of the same rows read from the list's other end
    (every order's index walks both ways, so the end of a list costs what its start does; the caller turns the
    rows round). None: read from the start."""
    if count is None or count <= limit or offset <= count // 2:
        return None
    return max(0, count - offset - limit), min(limit, count - offset)


class CaseIndex:
    """Matching case ids for a filter, read in one session."""

    def __init__(self, session: Session | None = None, wb: Workbench | None = None) -> None:
        self.session = session
        self.wb = wb

    def filter(self, f: CaseFilter) -> list[int]:
        from reviewapp.services.cases.case_list import CaseList

        if self.session is not None:
            return CaseList(self.session).matching_ids(f)
        assert self.wb is not None
        with self.wb.db.session() as s:
            return CaseList(s).matching_ids(f)


def load_case_index(wb: Workbench) -> CaseIndex:
    return CaseIndex(wb=wb)


def case_index_in(s: Session, *, generation: int = -1) -> CaseIndex:
    """The filter in the caller's session (a mutation opens no second session)."""
    return CaseIndex(session=s)
