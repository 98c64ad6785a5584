"""Who is working: the authenticated user every operation runs as, with the roles they hold."""

from __future__ import annotations

from dataclasses import dataclass

from reviewapp.domain.roles import Grant, Role


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
