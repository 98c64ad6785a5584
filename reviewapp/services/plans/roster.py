"""The roster's leader mark (院领导 / 部门负责人), which sampling quotas and the 提级评查 rule read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.roles import Action
from reviewapp.i18n import translate
from reviewapp.services.changes import Kind
from reviewapp.services.plans.commands import PlanError
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Account, AccountRole, Department, Person, Unit

LEADER_TITLES = ("院领导", "部门负责人")
T = TypeVar("T")
M = TypeVar("M", Person, Department)


@mutation("person.leader", Action.MANAGE_ROSTER)
def set_leader(o: Op, name: str, title: str | None, *, unit: str | None = None) -> int:
    """Mark (or, with ``title`` None, unmark) a person of the roster as a leader."""
    s = o.session
    if title is not None and title not in LEADER_TITLES:
        raise PlanError(translate("Plans", "A leader is one of {titles}.").format(titles="、".join(LEADER_TITLES)))
    person = named(
        s,
        Person,
        name,
        unit,
        translate("Plans", "{count} people are called {name}; name the unit."),
        translate("Plans", "Nobody in the roster is called {name}."),
    )
    o.require(Action.MANAGE_ROSTER, unit_id=person.unit_id)
    old, person.leader = person.leader, title
    o.stamp(person)
    o.touch(Kind.PERSON, person.id)
    o.audit("person", person.id, changes={"leader": [old, title]}, name=person.name)
    return person.id


def named(s: Session, model: type[M], name: str, unit: str | None, several: str, none: str) -> M:
    """The one person or department called ``name`` (in ``unit`` when given), else PlanError (see the_one)."""
    stmt = select(model).where(model.name == name)
    if unit:
        stmt = stmt.join(Unit, Unit.id == model.unit_id).where(Unit.name == unit)
    return the_one(list(s.scalars(stmt)), several, none, name)


def the_one(found: list[T], several: str, none: str, name: str) -> T:
    """The one row a name lookup found, else PlanError: ``several`` ({count}, {name}) or ``none`` ({name})."""
    if len(found) != 1:
        raise PlanError(several.format(count=len(found), name=name) if found else none.format(name=name))
    return found[0]


def people_holding(s: Session, roles: Sequence[str]) -> set[int]:
    """The people whose (not deleted) account holds one of ``roles``."""
    return set(
        s.scalars(
            select(Account.person_id)
            .join(AccountRole, AccountRole.account_id == Account.id)
            .where(AccountRole.role.in_(roles), Account.deleted_at.is_(None))
        )
    )
