"""Reading accounts: whether any exist, the list for administrators, one by login."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewapp.domain.roles import Action
from reviewapp.i18n import translate
from reviewapp.services.accounts.errors import AccountError
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Account, AccountRole, Department, Person, Unit


@dataclass(frozen=True)
class AccountRow:
    id: int
    login: str
    person_id: int
    name: str
    staff_no: str | None
    unit: str | None
    department: str | None
    active: bool
    locked_until: datetime | None
    roles: tuple[tuple[str, str, str | None], ...]  # (role, scope, unit name)


# --- reading ---------------------------------------------------------------------------------------


def has_accounts(wb: Workbench) -> bool:
    with wb.db.session() as s:
        return has_accounts_in(s)


def has_accounts_in(s: Session) -> bool:
    return bool(s.scalar(select(func.count()).select_from(Account).where(Account.deleted_at.is_(None))))


def list_accounts(wb: Workbench) -> list[AccountRow]:
    wb.permissions.require_any(wb.user, Action.MANAGE_ACCOUNTS)
    with wb.db.session() as s:
        return [
            account_row(s, a)
            for a in s.scalars(select(Account).where(Account.deleted_at.is_(None)).order_by(Account.login))
        ]


def account_by_login(wb: Workbench, login: str) -> AccountRow:
    with wb.db.session() as s:
        return account_row(s, account_in(s, login))


def account_row(s: Session, a: Account) -> AccountRow:
    p = s.get(Person, a.person_id)
    assert p is not None
    unit = s.get(Unit, p.unit_id) if p.unit_id else None
    dept = s.get(Department, p.department_id) if p.department_id else None
    roles = []
    for r in s.scalars(select(AccountRole).where(AccountRole.account_id == a.id).order_by(AccountRole.id)):
        anchor = s.get(Unit, r.unit_id) if r.unit_id else None
        roles.append((r.role, r.scope, anchor.name if anchor else None))
    return AccountRow(
        a.id,
        a.login,
        p.id,
        p.name,
        p.staff_no,
        unit.name if unit else None,
        dept.name if dept else None,
        a.active,
        a.locked_until,
        tuple(roles),
    )


def account_in(s: Session, login: str) -> Account:
    account = s.scalar(select(Account).where(Account.login == login.strip(), Account.deleted_at.is_(None)))
    if account is None:
        raise AccountError(translate("Accounts", "There is no account {login}.").format(login=login.strip()))
    return account
