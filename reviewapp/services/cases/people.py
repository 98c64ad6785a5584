"""The roster: units, departments and people (prosecutors from imports, reviewers added by hand)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from reviewapp.domain.roles import Action
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.services.changes import Kind
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Department, Person, Unit


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    staff_no: str | None
    unit: str | None
    department: str | None
    is_prosecutor: bool
    is_reviewer: bool

    def label(self) -> str:
        where = " / ".join(x for x in (self.unit, self.department) if x)
        return f"{self.name}（{where}）" if where else self.name


class RosterError(KnownError, ValueError):
    """A roster entry the user typed cannot be stored (message is for the user)."""


class OrgResolver:
    """Find-or-create units, departments and prosecutors inside one session, with caches for bulk imports."""

    def __init__(self, session: Session, account_id: int | None) -> None:
        self.session = session
        self.account_id = account_id  # who creates what is not found (attribution)
        self.units = {u.name: u.id for u in session.scalars(select(Unit))}
        self.departments = {(d.unit_id, d.name): d.id for d in session.scalars(select(Department))}
        self.by_staff_no: dict[tuple[int | None, str], int] = {}
        self.by_name: dict[tuple[int | None, str], int] = {}
        for p in session.scalars(select(Person)):
            if p.staff_no:
                self.by_staff_no[(p.unit_id, p.staff_no)] = p.id
            self.by_name.setdefault((p.unit_id, p.name), p.id)

    def unit(self, name: str) -> int:
        if name not in self.units:
            self.units[name] = self._find_or_create(Unit, {"name": name}, ["name"])
        return self.units[name]

    def department(self, unit_id: int, name: str) -> int:
        key = (unit_id, name)
        if key not in self.departments:
            self.departments[key] = self._find_or_create(
                Department, {"unit_id": unit_id, "name": name}, ["unit_id", "name"]
            )
        return self.departments[key]

    def _find_or_create(self, model: Any, key: dict[str, Any], unique: list[str]) -> int:
        """INSERT … ON CONFLICT DO NOTHING, then read the id: a unit or department another client added in the
        meantime is found, never a unique-constraint crash (the write lock already keeps this app's own
        writers apart; this also holds against any other program writing the shared database)."""
        dialect = self.session.get_bind().dialect.name
        # The dialect's own INSERT … ON CONFLICT, its module loaded for the database in use only.
        make: Any
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as make
        else:
            from sqlalchemy.dialects.sqlite import insert as make
        # Values bound when the statement runs, not written into it: SQLAlchemy's compiled cache keeps the first
        # statement of each shape for the life of the process, and with it the values (an import's names).
        params = {f"v_{k}": v for k, v in key.items()}
        by: Any = bindparam("v_by")
        values = {k: bindparam(f"v_{k}") for k in key} | {"created_by_id": by, "updated_by_id": by}
        statement = make(model).values(values).on_conflict_do_nothing(index_elements=unique)
        self.session.execute(statement, params | {"v_by": self.account_id})
        where = (getattr(model, k) == bindparam(f"v_{k}") for k in key)
        found = self.session.scalar(select(model.id).where(*where), params)
        assert found is not None
        return int(found)

    def prosecutor(self, unit_id: int, department_id: int, name: str, staff_no: str | None) -> int:
        # Staff number identifies a person within a unit; without one, the name within the unit does.
        found = self.by_staff_no.get((unit_id, staff_no)) if staff_no else None
        if found is None and not staff_no:
            found = self.by_name.get((unit_id, name))
        if found is not None:
            return found
        p = Person(
            name=name,
            staff_no=staff_no,
            unit_id=unit_id,
            department_id=department_id,
            is_prosecutor=True,
            created_by_id=self.account_id,
            updated_by_id=self.account_id,
        )
        self.session.add(p)
        self.session.flush()
        if staff_no:
            self.by_staff_no[(unit_id, staff_no)] = p.id
        self.by_name.setdefault((unit_id, name), p.id)
        return p.id


def _rows(session: Session, stmt: Any) -> list[PersonRow]:
    out = []
    for p, unit, dept in session.execute(stmt):
        out.append(PersonRow(p.id, p.name, p.staff_no, unit, dept, p.is_prosecutor, p.is_reviewer))
    return out


def list_people(wb: Workbench, *, reviewers_only: bool = False) -> list[PersonRow]:
    stmt = (
        select(Person, Unit.name, Department.name)
        .outerjoin(Unit, Person.unit_id == Unit.id)
        .outerjoin(Department, Person.department_id == Department.id)
        .order_by(Person.is_reviewer.desc(), Person.name)
    )
    if reviewers_only:
        stmt = stmt.where(Person.is_reviewer.is_(True))
    with wb.db.session() as s:
        return _rows(s, stmt)


@mutation("person.add", Action.MANAGE_ROSTER)
def add_person(
    o: Op, name: str, *, unit: str = "", department: str = "", staff_no: str = "", reviewer: bool = True
) -> PersonRow:
    """Add someone to the roster (a reviewer, or a person who will get an account)."""
    name, unit, department, staff_no = name.strip(), unit.strip(), department.strip(), staff_no.strip()
    if not name:
        raise RosterError(translate("Roster", "A name is required."))
    if department and not unit:
        raise RosterError(translate("Roster", "A department needs its unit."))
    s = o.session
    org = OrgResolver(s, o.user.account_id)
    known_unit = org.units.get(unit) if unit else None
    # Managing the roster is scoped: a unit that exists must lie within the user's scope.
    o.require(Action.MANAGE_ROSTER, unit_id=known_unit)
    unit_id = org.unit(unit) if unit else None
    dept_id = org.department(unit_id, department) if unit_id and department else None
    p = o.stamp(
        Person(name=name, staff_no=staff_no or None, unit_id=unit_id, department_id=dept_id, is_reviewer=reviewer),
        new=True,
    )
    s.add(p)
    s.flush()
    o.touch(Kind.PERSON, p.id)
    o.audit("person", p.id, changes={"name": [None, name]}, unit=unit, department=department, reviewer=reviewer)
    return PersonRow(p.id, name, p.staff_no, unit or None, department or None, False, reviewer)
