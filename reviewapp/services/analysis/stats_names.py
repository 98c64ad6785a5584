"""What the statistics filter can be set to, and names typed on a command line turned into ids.

``filter_choices`` lists the units, departments, prosecutors, business lines, review types and plans the
reader may filter by — only those of their units (the same scope as the figures). ``resolve`` turns the
names of ``stats --unit 海淀 --prosecutor 赵检察官`` into ids, refusing a name that matches nothing (or more
than one thing) with a plain message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select

from reviewapp.domain.plans import PlanType
from reviewapp.errors import KnownError
from reviewapp.i18n import term, translate
from reviewapp.services.analysis.filters import NO_LINE, Scope, StatsFilter, reader_scope
from reviewapp.services.analysis.periods import Period
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Department, Person, Plan, Unit


class UnknownName(KnownError, ValueError):
    pass


def with_unit(department: str, unit: str) -> str:
    """A department named with its unit, where several units have one of that name."""
    return translate("Analysis", "{department} ({unit})").format(department=department, unit=unit)


@dataclass(frozen=True)
class Choice:
    key: int | str
    label: str


@dataclass(frozen=True)
class FilterChoices:
    units: tuple[Choice, ...]
    departments: tuple[Choice, ...]
    prosecutors: tuple[Choice, ...]
    lines: tuple[Choice, ...]
    review_types: tuple[Choice, ...]
    plans: tuple[Choice, ...]


def _unit_cond(column: Any, scope: Scope) -> list[ColumnElement[bool]]:
    return [] if scope.units is None else [column.in_(sorted(scope.units))]


def filter_choices(wb: Workbench) -> FilterChoices:
    scope = reader_scope(wb)
    with wb.db.session() as s:
        units = s.execute(select(Unit.id, Unit.name).where(*_unit_cond(Unit.id, scope)).order_by(Unit.name)).all()
        unit_names = dict(units)
        depts = s.execute(
            select(Department.id, Department.name, Department.unit_id)
            .where(*_unit_cond(Department.unit_id, scope))
            .order_by(Department.unit_id, Department.name)
        ).all()
        people = s.execute(
            select(Person.id, Person.name)
            .where(Person.id.in_(select(Case.prosecutor_id).where(*_unit_cond(Case.unit_id, scope)).distinct()))
            .order_by(Person.name)
        ).all()
        lines = s.scalars(
            select(func.coalesce(Case.business_line, NO_LINE)).where(*_unit_cond(Case.unit_id, scope)).distinct()
        ).all()
        plans = s.execute(select(Plan.id, Plan.name).where(Plan.deleted_at.is_(None)).order_by(Plan.id.desc())).all()
    several_units = len(unit_names) > 1
    return FilterChoices(
        units=tuple(Choice(i, n) for i, n in units),
        departments=tuple(Choice(i, with_unit(n, unit_names.get(u, "")) if several_units else n) for i, n, u in depts),
        prosecutors=tuple(Choice(i, n) for i, n in people),
        lines=tuple(Choice(v, v or translate("Analysis", "(no business line)")) for v in sorted(lines)),
        review_types=tuple(Choice(t.value, term(t.value)) for t in PlanType),
        plans=tuple(Choice(i, n) for i, n in plans),
    )


def _match(choices: Sequence[Choice], name: str, what: str) -> int | str:
    """Exact label first, then a unique label containing the text (海淀 → 北京市海淀区人民检察院)."""
    text = name.strip()
    exact = [c for c in choices if c.label == text or str(c.key) == text]
    found = exact or [c for c in choices if text and text in c.label]
    if len(found) == 1:
        return found[0].key
    if not found:
        raise UnknownName(translate("Analysis", "No {what} is called “{name}”.").format(what=what, name=text))
    raise UnknownName(
        translate("Analysis", "“{name}” names several {what}s: {names}. Write more of the name.").format(
            name=text, what=what, names="、".join(c.label for c in found[:6])
        )
    )


def resolve(
    wb: Workbench,
    period: Period,
    *,
    units: Sequence[str] = (),
    departments: Sequence[str] = (),
    prosecutors: Sequence[str] = (),
    lines: Sequence[str] = (),
    review_types: Sequence[str] = (),
    plans: Sequence[str] = (),
) -> StatsFilter:
    """A filter from names (a unit's, a department's, a person's, a plan's name or id)."""
    c = filter_choices(wb)
    return StatsFilter(
        period,
        unit_ids=tuple(int(_match(c.units, n, translate("Analysis", "unit"))) for n in units),
        department_ids=tuple(int(_match(c.departments, n, translate("Analysis", "department"))) for n in departments),
        prosecutor_ids=tuple(int(_match(c.prosecutors, n, translate("Analysis", "prosecutor"))) for n in prosecutors),
        lines=tuple(lines),
        review_types=tuple(str(_match(c.review_types, n, translate("Analysis", "review type"))) for n in review_types),
        plan_ids=tuple(int(_match(c.plans, n, translate("Analysis", "plan"))) for n in plans),
    )
