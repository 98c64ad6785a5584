"""分管: the deputy chief in charge of a department (``departments.supervisor_id``).

review-rules.md §1 step 10: a proposed 合格 is determined by the deputy chief in charge (分管副检察长). When a
department names its deputy, only that deputy — or the chief prosecutor, who may determine any grade — determines
its cases' 合格 opinions; a department without one leaves it to any deputy chief of the unit. The write path
(determination.py) refuses the others and the determination queue (queues.py) shows them nothing to do.

    set_department_supervisor(wb, department, person_or_None, unit=None)   "department.supervisor"
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.roles import Action, Role
from reviewapp.i18n import translate
from reviewapp.services.accounts.current import CurrentUser
from reviewapp.services.changes import Kind
from reviewapp.services.plans.roster import named, people_holding, the_one
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Case, Department, Person


def supervision_problem(wb: Workbench, s: Session, user: CurrentUser, case: Case) -> str | None:
    """Why ``user`` may not determine ``case``'s 合格 as its department's deputy, or None."""
    if wb.permissions.allows(user, Action.DETERMINE, unit_id=case.unit_id):
        return None  # the chief determines every grade
    department = s.get(Department, case.department_id)
    if department is None or department.supervisor_id is None or department.supervisor_id == user.person_id:
        return None
    supervisor = s.get(Person, department.supervisor_id)
    if supervisor is None:
        return None  # the person named is gone: as if none were named
    return translate(
        "Process",
        "{department} is in the charge of {deputy}: the 合格 of its cases is determined by them (分管副检察长) or by "
        "the chief prosecutor.",
    ).format(department=department.name, deputy=supervisor.name)


@mutation("department.supervisor", Action.MANAGE_ROSTER)
def set_department_supervisor(o: Op, department: str, person: str | None, *, unit: str | None = None) -> int:
    """Name the deputy chief in charge of ``department`` (None: none, any deputy of the unit)."""
    s = o.session
    dept = named(
        s,
        Department,
        department,
        unit,
        translate("Plans", "{count} departments are called {name}; name the unit."),
        translate("Plans", "No department is called {name}."),
    )
    o.require(Action.MANAGE_ROSTER, unit_id=dept.unit_id)
    supervisor_id = None
    if person is not None:
        deputies = people_holding(s, [Role.DEPUTY_CHIEF.value])
        supervisor_id = the_one(
            [p for p in s.scalars(select(Person).where(Person.name == person)) if p.id in deputies],
            translate("Plans", "{count} deputy chiefs are called {name}."),
            translate("Plans", "No account called {name} holds the deputy chief role."),
            person,
        ).id
    old, dept.supervisor_id = dept.supervisor_id, supervisor_id
    o.stamp(dept)
    o.touch(Kind.PERSON, old, supervisor_id)
    o.audit("department", dept.id, changes={"supervisor_id": [old, supervisor_id]}, name=dept.name)
    return dept.id
