"""The case list's computed columns — plans, review status, grade, open checks — and the page's display query.

A computed column is empty for most cases: ``COMPUTED`` gives, per column, the condition "the case has a value
here", so sorting reads the few valued cases from their own small table instead of computing the value for
every case (case_list.CaseList._computed_page).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, select

from reviewapp.domain.review_status import ReviewKind, ReviewStatus
from reviewapp.storage.models import Case, CaseOpenChecks, Department, Person, Plan, PlanCase, Review, Unit

HIDDEN_GRADE = (ReviewStatus.IN_REVIEW.value, ReviewStatus.RECONCILING.value)  # the panel still scores blind


def status_expr() -> Any:
    return (
        select(Review.status)
        .where(Review.case_id == Case.id, Review.kind == ReviewKind.OPINION.value, Review.deleted_at.is_(None))
        .order_by(Review.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def grade_expr() -> Any:
    return (
        select(func.coalesce(Review.final_grade, Review.proposed_grade))
        .where(
            Review.case_id == Case.id,
            Review.kind == ReviewKind.OPINION.value,
            Review.deleted_at.is_(None),
            Review.status.not_in(HIDDEN_GRADE),
        )
        .order_by(Review.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def open_checks_expr() -> Any:
    """The case's open suggestions, kept by the write path (services/checks/open_checks.py); 0 for none."""
    stored = select(CaseOpenChecks.n).where(CaseOpenChecks.case_id == Case.id).scalar_subquery()
    return func.coalesce(stored, 0)


def plans_expr(dialect: str) -> Any:
    agg = func.string_agg(Plan.name, "、") if dialect == "postgresql" else func.group_concat(Plan.name, "、")
    return (
        select(agg)
        .join(PlanCase, PlanCase.plan_id == Plan.id)
        .where(PlanCase.case_id == Case.id, PlanCase.deleted_at.is_(None), Plan.deleted_at.is_(None))
        .scalar_subquery()
    )


def opinion_cases() -> Any:
    return select(Review.case_id).where(Review.kind == ReviewKind.OPINION.value, Review.deleted_at.is_(None))


def _has_plan() -> Any:
    planned = select(PlanCase.case_id).join(Plan, Plan.id == PlanCase.plan_id)
    return Case.id.in_(planned.where(PlanCase.deleted_at.is_(None), Plan.deleted_at.is_(None)))


def _has_grade() -> Any:
    graded = func.coalesce(Review.final_grade, Review.proposed_grade).is_not(None)
    return Case.id.in_(opinion_cases().where(graded, Review.status.not_in(HIDDEN_GRADE)))


def has_open_checks() -> Any:
    return Case.id.in_(select(CaseOpenChecks.case_id))


# Computed columns and "the case has a value here": few cases do, so the set is read from its own (small)
# table and sorting splits on it instead of computing the value for every case.
COMPUTED = {
    "plans": _has_plan,
    "status": lambda: Case.id.in_(opinion_cases()),
    "grade": _has_grade,
    "open_checks": has_open_checks,
}


_ROWS: dict[str, Any] = {}


def card_columns(*extra: Any) -> Any:
    """The columns a list row shows from the card — number, name, type, unit, department, prosecutor, 案由,
    accepted and closed — with the names joined in, then ``extra``."""
    return (
        select(
            Case.id,
            Case.dept_case_no,
            Case.name,
            Case.case_type,
            Unit.name,
            Department.name,
            Person.name,
            Case.transferred_charge,
            Case.accepted_on,
            Case.closed_on,
            *extra,
        )
        .join(Unit, Unit.id == Case.unit_id)
        .join(Department, Department.id == Case.department_id)
        .join(Person, Person.id == Case.prosecutor_id)
    )


def rows_statement(dialect: str) -> Any:
    """The page's display query, built once (building the expression cost more than running it)."""
    stmt = _ROWS.get(dialect)
    if stmt is None:
        computed = (plans_expr(dialect), status_expr(), grade_expr(), open_checks_expr())
        stmt = card_columns(*computed).where(Case.id.in_(bindparam("ids", expanding=True)))
        _ROWS[dialect] = stmt
    return stmt
