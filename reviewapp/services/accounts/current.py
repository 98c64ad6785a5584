"""Who is working: the authenticated user every operation runs as, with the roles they hold."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.roles import Grant, Role, Scope
from reviewapp.storage.models import Account, AccountRole, Person


@dataclass(frozen=True)
class CurrentUser:
    account_id: int | None  # None: nobody is logged in (only the first administrator may be created)
    person_id: int | None
    login: str
    name: str
    unit_id: int | None
    department_id: int | None
    grants: tuple[Grant, ...] = ()

    def holds(self, role: Role) -> bool:
        return any(g.role is role for g in self.grants)

    @property
    def roles(self) -> tuple[Role, ...]:
        return tuple(g.role for g in self.grants)


ANONYMOUS = CurrentUser(account_id=None, person_id=None, login="", name="", unit_id=None, department_id=None)


def _grants(s: Session, account_id: int) -> tuple[Grant, ...]:
    rows = s.execute(
        select(AccountRole.role, AccountRole.scope, AccountRole.unit_id).where(AccountRole.account_id == account_id)
    )
    return tuple(Grant(Role(r), Scope(sc), u) for r, sc, u in rows)


def current_user_in(s: Session, account: Account) -> CurrentUser:
    person = s.get(Person, account.person_id)
    assert person is not None  # RESTRICT foreign key
    return CurrentUser(
        account_id=account.id,
        person_id=person.id,
        login=account.login,
        name=person.name,
        unit_id=person.unit_id,
        department_id=person.department_id,
        grants=_grants(s, account.id),
    )
