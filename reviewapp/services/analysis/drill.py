"""Click-through (下钻): the cases behind a figure of the statistics, and the rows that list them.

    cases_behind(wb, f, Figure("reviewed", grade="基本合格"))        # every file counted as 基本合格 (瑕疵 too)
    cases_behind(wb, f, Figure("with_problems", by="prosecutor", key=7))
    cases_behind(wb, f, Figure("findings", item="P3"))               # the cases where item P3 was found
    cases_behind(wb, f, Figure("closed"))                            # the cases closed in the period
    case_rows(wb, ids)                                               # what the list shows, in the same order

The selection is the same SQL as the figure's (filters.counted_opinions), so the list always has as many cases
as the figure counts (findings: the cases, not the findings). Same permissions and scope as the statistics.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import and_, exists, func, literal, select

from reviewapp.domain.plans import Method
from reviewapp.i18n import term, translate
from reviewapp.legal.local_time import local_date
from reviewapp.services.analysis.filters import (
    StatsFilter,
    closed_cases,
    counted_opinions,
    grade_expr,
    reader_scope,
)
from reviewapp.services.analysis.periods import Period
from reviewapp.services.analysis.stats_grades import GradeMapper
from reviewapp.services.analysis.stats_problems import dimension_case, standards_of
from reviewapp.services.analysis.stats_tables import by_column, trigger_keys
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Department, Finding, Person, PlanCase, Review, Unit

MEASURES = ("reviewed", "closed", "with_problems", "findings")
MAX_ROWS = 20_000  # a click-through list longer than this is cut (the figure says how many there are)


@dataclass(frozen=True)
class Figure:
    """Which figure was clicked: a measure, optionally for one row of a breakdown (``by`` / ``key``), one
    counted grade, one checklist item or dimension, one key-case trigger, or another period (a comparison)."""

    measure: str = "reviewed"
    by: str | None = None
    key: Any = None
    grade: str | None = None
    item: str | None = None
    dimension: str | None = None
    trigger: str | None = None
    period: Period | None = None

    def with_(self, **changes: Any) -> Figure:
        return replace(self, **changes)


def cases_behind(wb: Workbench, f: StatsFilter, figure: Figure) -> list[int]:
    """The case ids the figure counts, sorted (at most MAX_ROWS)."""
    scope = reader_scope(wb)
    period = figure.period or f.period
    if figure.measure == "closed":
        stmt = closed_cases(f, scope, Case.id, period=period)
        if figure.by is not None:
            stmt = stmt.where(by_column(figure.by) == figure.key)
        with wb.db.session() as s:
            return list(s.scalars(stmt.order_by(Case.id).limit(MAX_ROWS)))
    by_case = figure.by in ("unit", "department", "prosecutor", "line")
    stmt = counted_opinions(f, scope, Review.case_id, period=period, with_case=by_case)
    if figure.by is not None:
        col = by_column(figure.by)
        stmt = stmt.where(col.is_(None) if figure.key is None else col == figure.key)
    live = and_(Finding.review_id == Review.id, Finding.deleted_at.is_(None))
    with wb.db.session() as s:
        if figure.grade is not None:
            mapper = GradeMapper(s)
            pairs = s.execute(
                counted_opinions(f, scope, Review.standard_id, Review.scheme_id, period=period).distinct()
            ).all()
            stmt = stmt.where(grade_expr().in_(sorted(mapper.sources_of(figure.grade, pairs))))
        if figure.measure in ("with_problems", "findings") or figure.item or figure.dimension:
            cond = [live]
            if figure.item is not None:
                cond.append(Finding.item_code == figure.item)
            if figure.dimension is not None:
                sids = list(s.scalars(counted_opinions(f, scope, Review.standard_id, period=period).distinct()))
                cond.append(dimension_case(standards_of(s, sids)) == figure.dimension)
            stmt = stmt.where(exists().where(*cond))
        if figure.trigger is not None:
            stmt = stmt.where(
                exists().where(
                    PlanCase.case_id == Review.case_id,
                    PlanCase.plan_id == Review.plan_id,
                    PlanCase.method == Method.TRIGGER.value,
                    PlanCase.deleted_at.is_(None),
                    _has_key(s, figure.trigger),
                )
            )
        return list(s.scalars(stmt.order_by(Review.case_id).limit(MAX_ROWS)))


def _has_key(s: Any, key: str) -> Any:
    """``plan_cases.data`` has the trigger as a key (json_each: SQLite's paths miss \\u-escaped keys)."""
    keys = trigger_keys(s)
    return exists(select(literal(1)).select_from(keys).where(keys.c.key == key))


@dataclass(frozen=True)
class CaseRow:
    case_id: int
    dept_case_no: str
    name: str
    unit: str
    department: str
    prosecutor: str
    closed_on: date | None
    file_no: str  # 评查受案号 ("" for a closed case not reviewed)
    grade: str
    findings: int
    formed_on: date | None


def case_rows(wb: Workbench, case_ids: list[int]) -> list[CaseRow]:
    """The list a click-through shows, in the order of ``case_ids``: the case and its counted review file."""
    reader_scope(wb)  # the same permission as the figures
    out: dict[int, CaseRow] = {}
    with wb.db.session() as s:
        for start in range(0, len(case_ids), 900):
            chunk = case_ids[start : start + 900]
            cases = s.execute(
                select(Case.id, Case.dept_case_no, Case.name, Unit.name, Department.name, Person.name, Case.closed_on)
                .join(Unit, Unit.id == Case.unit_id)
                .join(Department, Department.id == Case.department_id)
                .join(Person, Person.id == Case.prosecutor_id)
                .where(Case.id.in_(chunk))
            ).all()
            opinions: dict[int, tuple[str, str, Any, int]] = {}
            counts = (
                select(Finding.review_id, func.count().label("n"))
                .where(Finding.deleted_at.is_(None))
                .group_by(Finding.review_id)
                .subquery()
            )
            for cid, file_no, grade, at, n in s.execute(
                select(Review.case_id, Review.file_no, grade_expr(), Review.submitted_at, counts.c.n)
                .outerjoin(counts, counts.c.review_id == Review.id)
                .where(Review.case_id.in_(chunk), Review.kind == "opinion", Review.deleted_at.is_(None))
                .where(Review.submitted_at.is_not(None))
                .order_by(Review.round, Review.id)
            ):
                opinions[cid] = (file_no or "", grade, at, n or 0)  # the latest round wins
            for cid, no, name, unit, dept, pros, closed in cases:
                file_no, grade, at, n = opinions.get(cid, ("", "", None, 0))
                out[cid] = CaseRow(
                    cid, no, name, unit, dept, pros, closed, file_no, grade, n, local_date(at) if at else None
                )
    return [out[c] for c in case_ids if c in out]


def figure_title(figure: Figure) -> str:
    """A line saying which figure the list is behind."""
    parts = [
        {
            "reviewed": translate("Analysis", "reviewed cases"),
            "closed": translate("Analysis", "closed cases"),
            "with_problems": translate("Analysis", "cases with problems"),
            "findings": translate("Analysis", "cases with findings"),
        }.get(figure.measure, figure.measure)
    ]
    parts += [term(v) for v in (figure.grade, figure.item, figure.dimension, figure.trigger) if v]
    if figure.period is not None:
        parts.append(figure.period.label())
    return " · ".join(parts)
