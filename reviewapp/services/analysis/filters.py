"""What a statistic counts, as SQL: the filter, the reader's scope, and the base selection of review files.

Every statistic starts from ``counted_opinions(f, scope)``: the review files (``reviews.kind = 'opinion'``)
that are formed (domain.review_status.FORMED), not tombstoned, the latest formed round of their case, formed
within the period (local calendar days, stored UTC), of cases in the reader's units, narrowed by the filter.
Permissions live here: ``reader_scope`` refuses a user without READ_REVIEWS or EXPORT_RESULTS and returns the
units they may read, and that list goes into the SQL — never filtered afterwards in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.util import find_tables

from reviewapp.domain.review_status import FORMED, ReviewKind
from reviewapp.domain.roles import Action
from reviewapp.services.accounts.permissions import refusal
from reviewapp.services.analysis.periods import Period, PeriodKind, Span, current_period, last_complete_period
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Finding, Review, Unit

READ_ACTIONS = (Action.READ_REVIEWS, Action.EXPORT_RESULTS)
FORMED_VALUES = tuple(sorted(s.value for s in FORMED))
NO_LINE = ""  # the business line of a card that has none, as a filter value and a row key


@dataclass(frozen=True)
class StatsFilter:
    """The period plus optional narrowing; an empty tuple means "any". ``prosecutor_ids`` are people ids
    (the handling prosecutor of the case), ``lines`` the card's 业务条线 words (``NO_LINE`` for none),
    ``review_types`` 常规抽查 / 重点评查 / 专项评查, ``plan_ids`` the plan of the review file."""

    period: Period
    unit_ids: tuple[int, ...] = ()
    department_ids: tuple[int, ...] = ()
    prosecutor_ids: tuple[int, ...] = ()
    lines: tuple[str, ...] = ()
    review_types: tuple[str, ...] = ()
    plan_ids: tuple[int, ...] = ()
    reviewer_ids: tuple[int, ...] = field(default=())  # the reviewer who holds the review file

    def with_period(self, period: Period) -> StatsFilter:
        return replace(self, period=period)

    def narrowed(self, **more: Any) -> StatsFilter:
        """This filter with more conditions: ``narrowed(unit_ids=(3,))``."""
        changes: dict[str, Any] = {k: tuple(v) for k, v in more.items()}
        return replace(self, **changes)

    def describe(self) -> dict[str, Any]:
        return {
            "period": self.period.code(),
            **{
                k: list(getattr(self, k))
                for k in ("unit_ids", "department_ids", "prosecutor_ids", "lines", "review_types", "plan_ids")
                if getattr(self, k)
            },
        }


@dataclass(frozen=True)
class Scope:
    """The units a reader may count; ``units`` None means every unit (a province-wide grant)."""

    units: frozenset[int] | None


def reader_scope(wb: Workbench) -> Scope:
    """The reader's units for statistics; NotPermitted without READ_REVIEWS / EXPORT_RESULTS anywhere."""
    user = wb.user
    if not any(wb.permissions.allows(user, a) for a in READ_ACTIONS):
        raise refusal(user, Action.READ_REVIEWS)
    with wb.db.session() as s:
        unit_ids = list(s.scalars(select(Unit.id)))
    allowed = frozenset(u for u in unit_ids if any(wb.permissions.allows(user, a, unit_id=u) for a in READ_ACTIONS))
    return Scope(None if len(allowed) == len(unit_ids) else allowed)


def utc_bound(day: date) -> datetime:
    """Local midnight starting ``day`` as the naive UTC time the database stores (models/base.utcnow)."""
    return datetime.combine(day, time.min).astimezone(UTC).replace(tzinfo=None)


def grade_expr() -> ColumnElement[Any]:
    """The grade counted: the determined grade when determined, else the formed proposal."""
    return func.coalesce(Review.final_grade, Review.proposed_grade, "")


def line_expr() -> ColumnElement[Any]:
    return func.coalesce(Case.business_line, NO_LINE)


def _in(column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    return column.in_(sorted(set(values)))


def case_conditions(f: StatsFilter, scope: Scope) -> list[ColumnElement[bool]]:
    """Conditions on ``Case`` alone: the reader's units and the filter's unit/department/prosecutor/line."""
    where: list[ColumnElement[bool]] = []
    if scope.units is not None:
        where.append(_in(Case.unit_id, scope.units))
    if f.unit_ids:
        where.append(_in(Case.unit_id, f.unit_ids))
    if f.department_ids:
        where.append(_in(Case.department_id, f.department_ids))
    if f.prosecutor_ids:
        where.append(_in(Case.prosecutor_id, f.prosecutor_ids))
    if f.lines:
        named = [v for v in f.lines if v != NO_LINE]
        parts: list[ColumnElement[bool]] = [_in(Case.business_line, named)] if named else []
        if NO_LINE in f.lines:
            parts.append(or_(Case.business_line.is_(None), Case.business_line == NO_LINE))
        where.append(or_(*parts))
    return where


def opinion_conditions(f: StatsFilter, period: Span | None = None) -> list[ColumnElement[bool]]:
    """Conditions on ``Review`` (the opinion): counted, formed in the period, the filter's type/plan."""
    p = period or f.period
    later = aliased(Review)
    again = aliased(Review)
    formed_later = [
        later.case_id == Review.case_id,
        later.kind == ReviewKind.OPINION.value,
        later.deleted_at.is_(None),
        later.status.in_(FORMED_VALUES),
        later.round > Review.round,
    ]
    # Only a case with a formed round after the first can hold a later round: the few such cases are listed
    # once (an index scan), so the correlated probe below runs for them alone, not once per counted file.
    reformed = select(again.case_id).where(
        again.kind == ReviewKind.OPINION.value,
        again.round > 1,
        again.deleted_at.is_(None),
        again.status.in_(FORMED_VALUES),
    )
    where: list[ColumnElement[bool]] = [
        Review.kind == ReviewKind.OPINION.value,
        Review.deleted_at.is_(None),
        Review.status.in_(FORMED_VALUES),
        Review.submitted_at >= utc_bound(p.start),
        Review.submitted_at < utc_bound(p.end),
        # A later formed round of the same case replaces this one (as in the ledger, results/ledger.py).
        ~and_(Review.case_id.in_(reformed), exists().where(and_(*formed_later))),
    ]
    if f.review_types:
        where.append(_in(Review.review_type, f.review_types))
    if f.plan_ids:
        where.append(_in(Review.plan_id, f.plan_ids))
    if f.reviewer_ids:
        where.append(_in(Review.reviewer_id, f.reviewer_ids))
    return where


def uses_cases(columns: Iterable[Any]) -> bool:
    tables = (find_tables(getattr(c, "__clause_element__", lambda c=c: c)(), check_columns=True) for c in columns)
    return any(Case.__table__ in found for found in tables)


def counted_opinions(
    f: StatsFilter, scope: Scope, *columns: Any, period: Span | None = None, with_case: bool = False
) -> Select[Any]:
    """``SELECT <columns> FROM reviews [JOIN cases]`` restricted to the counted review files. The join is
    made only when a condition or a column needs the case (a province-wide reader's unfiltered figures read
    the reviews' covering index alone, migration 0010)."""
    case_where = case_conditions(f, scope)
    stmt = select(*columns).select_from(Review)
    if case_where or with_case or uses_cases(columns):
        stmt = stmt.join(Case, Case.id == Review.case_id)
    return stmt.where(*opinion_conditions(f, period), *case_where)


def findings_of_review() -> Any:
    """The number of live findings of the review file, as a correlated scalar subquery (one index probe per
    file over ix_findings_review_live)."""
    return (
        select(func.count())
        .select_from(Finding)
        .where(Finding.review_id == Review.id, Finding.deleted_at.is_(None))
        .correlate(Review)
        .scalar_subquery()
    )


def per_file(f: StatsFilter, scope: Scope, *keys: Any, period: Span | None = None) -> Any:
    """One row per counted review file: ``keys`` (labelled key0, key1 …), standard_id, scheme_id, grade and
    nf (its live findings) — the subquery every grade/problem count groups over in one pass."""
    columns = [
        *(k.label(f"key{i}") for i, k in enumerate(keys)),
        Review.standard_id.label("standard_id"),
        Review.scheme_id.label("scheme_id"),
        grade_expr().label("grade"),
        findings_of_review().label("nf"),
    ]
    # OFFSET 0 keeps the subquery whole (SQLite does not flatten a subquery with an OFFSET): flattened into the
    # grouping, the correlated count of findings would run once per use of nf — twice per file.
    stmt = counted_opinions(f, scope, *columns, period=period, with_case=uses_cases(keys))
    return stmt.offset(0).subquery()


def grouped_counts(sub: Any, n_keys: int = 0) -> Select[Any]:
    """Over ``per_file``: (keys…, standard_id, scheme_id, grade, files, findings, files with findings)."""
    keys = [sub.c[f"key{i}"] for i in range(n_keys)]
    group = [*keys, sub.c.standard_id, sub.c.scheme_id, sub.c.grade]
    return select(
        *group, func.count(), func.coalesce(func.sum(sub.c.nf), 0), func.sum(case((sub.c.nf > 0, 1), else_=0))
    ).group_by(*group)


def closed_cases(f: StatsFilter, scope: Scope, *columns: Any, period: Span | None = None) -> Select[Any]:
    """Cases whose 办结日期 falls in the period, in scope and the filter's unit/department/prosecutor/line.
    Review type and plan do not narrow closed cases: a closed case has neither until it is reviewed."""
    p = period or f.period
    return (
        select(*columns)
        .select_from(Case)
        .where(Case.closed_on >= p.start, Case.closed_on < p.end, *case_conditions(f, scope))
    )


def dialect(s: Session) -> str:
    return s.get_bind().dialect.name


def opening_period(wb: Workbench, today: date | None = None) -> Period:
    """The quarter the statistics open on: the last complete one, which the quarterly report covers, when the
    reader has review files formed in it; else the current quarter when that has some (the first weeks of a
    review programme, or demo data made today); else the last complete one, empty."""
    last = last_complete_period(PeriodKind.QUARTER, today)
    scope = reader_scope(wb)
    with wb.db.session() as s:
        for period in (last, current_period(PeriodKind.QUARTER, today)):
            if s.execute(counted_opinions(StatsFilter(period), scope, Review.id).limit(1)).first() is not None:
                return period
    return last
