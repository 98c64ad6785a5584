"""A page of the case list sorted by 待处理校验 (open pre-screening suggestions).

The count is stored per case (``case_open_checks``, kept by the write path: services/checks/open_checks.py), so
the list is two parts walked in their own order: the cases with open suggestions in ``ix_case_open_checks_n``
(count, then id) and the others in id order — the cases without any sort first ascending, as an empty value
does. The page is read from the part it starts in; only a page that runs past that part's end reads the next,
and only a page that starts beyond it needs that part's size. Nothing is counted per key press: the page
stops as soon as it has its rows (a search matching many finds them within a few hundred cases).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from reviewapp.services.cases.index import CaseFilter, from_far_end
from reviewapp.storage.models import Case, CaseOpenChecks

if TYPE_CHECKING:
    from reviewapp.services.cases.case_list import CaseList


def open_checks_page(
    q: CaseList, f: CaseFilter, descending: bool, offset: int, limit: int, count: int | None
) -> list[int]:
    """Ids of rows ``offset`` … ``offset + limit`` of the filtered list ordered by open suggestions; ``count``:
    the filtered list's size when known."""
    total = q.count(f) if count is None and f != CaseFilter() else count
    # A rare search drives from the search index and sorts what it found; a common one walks the order.
    conditions = q.conditions(f, walk=q._walk(f, total)) if f != CaseFilter() else []
    if total is not None and offset >= total:
        return []
    far = from_far_end(offset, limit, total)
    if far is not None:  # the list read from its other end, the opposite order (both parts walk either way)
        return _read(q, conditions, not descending, *far, total)[::-1]
    return _read(q, conditions, descending, offset, limit, total)


def _read(
    q: CaseList, conditions: list[Any], descending: bool, offset: int, limit: int, total: int | None
) -> list[int]:
    valued = _valued(conditions, descending)
    empty = _empty(conditions, descending)
    first, second = (valued, empty) if descending else (empty, valued)
    ids = list(q.s.scalars(first.offset(offset).limit(limit)))
    if len(ids) == limit:
        return ids
    # The first part ends inside this page, or the page starts beyond it: then its size says where.
    skip = 0 if ids or offset == 0 else offset - _size(q, conditions, first is valued, total)
    return ids + list(q.s.scalars(second.offset(max(0, skip)).limit(limit - len(ids))))


def _valued(conditions: list[Any], descending: bool) -> Any:
    terms = (CaseOpenChecks.n, CaseOpenChecks.case_id)
    order = [t.desc() if descending else t.asc() for t in terms]
    if not conditions:  # the whole list: the index alone
        return select(CaseOpenChecks.case_id).order_by(*order)
    joined = select(Case.id).join(CaseOpenChecks, CaseOpenChecks.case_id == Case.id)
    return joined.where(*conditions).order_by(*order)


def _empty(conditions: list[Any], descending: bool) -> Any:
    without = Case.id.not_in(select(CaseOpenChecks.case_id))
    return select(Case.id).where(*conditions, without).order_by(Case.id.desc() if descending else Case.id.asc())


def _size(q: CaseList, conditions: list[Any], valued: bool, total: int | None) -> int:
    """The size of one part of the filtered list: the valued part counted (it is small), the other part as
    the rest of ``total``."""
    joined = select(func.count()).select_from(Case).join(CaseOpenChecks, CaseOpenChecks.case_id == Case.id)
    with_checks = q.s.scalar(joined.where(*conditions)) or 0
    if valued:
        return with_checks
    everything = total if total is not None else q.total_cached()
    return everything - with_checks
