"""What a roster administrator sees: each department with its deputy chief in charge (分管), each person with
their leader mark (院领导 / 部门负责人), and the deputy chiefs a department may be given. Only the units the user
may manage the roster of are read (the write path checks the same right again on every change)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from reviewapp.domain.roles import Action, Role
from reviewapp.services.plans.roster import people_holding
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Department, Person, Unit


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    unit: str
    name: str
    supervisor: str | None  # the deputy chief in charge; None: any deputy chief of the unit
    deputies: tuple[str, ...]  # the unit's deputy chiefs, who may be put in charge


@dataclass(frozen=True)
class PersonRow:
    id: int
    unit: str
    department_id: int | None
    department: str
    name: str
    leader: str | None


@dataclass(frozen=True)
class RosterView:
    departments: list[DepartmentRow]
    people: list[PersonRow]


def roster_view(wb: Workbench) -> RosterView:
    """The departments and people of the units ``wb.user`` may manage the roster of, by unit and name."""
    wb.permissions.require_any(wb.user, Action.MANAGE_ROSTER)
    with wb.db.session() as s:
        units = {
            uid: name
            for uid, name in s.execute(select(Unit.id, Unit.name))
            if wb.permissions.allows(wb.user, Action.MANAGE_ROSTER, unit_id=uid)
        }
        departments = {d.id: d for d in s.scalars(select(Department).where(Department.unit_id.in_(units)))}
        people = list(s.scalars(select(Person).where(Person.unit_id.in_(units))))
        deputies = people_holding(s, [Role.DEPUTY_CHIEF.value])
        names = {p.id: p.name for p in people}
        missing = {d.supervisor_id for d in departments.values() if d.supervisor_id is not None} - set(names)
        if missing:  # a deputy of another unit named in charge (the command line allows it)
            names.update(s.execute(select(Person.id, Person.name).where(Person.id.in_(missing))).tuples())
        by_unit: dict[int, list[str]] = {}
        for p in sorted(people, key=lambda p: p.name):
            if p.id in deputies and p.unit_id is not None:
                by_unit.setdefault(p.unit_id, []).append(p.name)
        dept_rows = [
            DepartmentRow(
                d.id,
                units[d.unit_id],
                d.name,
                names.get(d.supervisor_id) if d.supervisor_id is not None else None,
                tuple(dict.fromkeys(by_unit.get(d.unit_id, []))),
            )
            for d in departments.values()
        ]
        person_rows = [
            PersonRow(
                p.id,
                units.get(p.unit_id, "") if p.unit_id is not None else "",
                p.department_id,
                departments[p.department_id].name if p.department_id in departments else "",
                p.name,
                p.leader,
            )
            for p in people
        ]
    # Departments in the order they were first recorded (an export lists 第一检察部 before 第二检察部, which a
    # sort by name would not); people by department in that order, then by name.
    place = {dept_id: i for i, dept_id in enumerate(sorted(departments))}
    dept_rows.sort(key=lambda d: (d.unit, place[d.id]))
    person_rows.sort(key=lambda p: (p.unit, place.get(p.department_id or 0, -1), p.name))
    return RosterView(dept_rows, person_rows)
