"""Accounts: the first administrator, adding and editing accounts and roles, passwords (login: login.py).

review-rules.md §1 (roles). On a database without accounts the first account created is the 系统管理员;
after that only a 系统管理员 manages accounts. Five wrong passwords lock an account for a configurable time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewapp.domain.roles import DEFAULT_SCOPE, Action, Role, Scope
from reviewapp.i18n import translate
from reviewapp.services.accounts.errors import AccountError, LoginFailed
from reviewapp.services.accounts.login import (
    DEFAULT_LOCKOUT_MINUTES,
    LOCKOUT_SETTING,
    MAX_FAILED_LOGINS,
    lockout_minutes,
    log_in,
    log_out,
    refresh_user,
)
from reviewapp.services.accounts.passwords import MIN_LENGTH, hash_password, verify_password
from reviewapp.services.accounts.permissions import role_name
from reviewapp.services.accounts.queries import (
    AccountRow,
    account_by_login,
    account_in,
    account_row,
    has_accounts,
    list_accounts,
)
from reviewapp.services.cases.people import OrgResolver
from reviewapp.services.changes import Kind
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Account, AccountRole, Person, Unit
from reviewapp.storage.models.base import utcnow


@dataclass(frozen=True)
class RoleSpec:
    """A role to grant: its scope defaults to the account's own unit."""

    role: Role
    scope: Scope | None = None
    unit: str = ""  # the scope's anchor unit by name; default: the person's unit


# --- creating ------------------------------------------------------------------------------------------


def _check_password(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise AccountError(translate("Accounts", "A password needs at least {n} characters.").format(n=MIN_LENGTH))


def _check_login(s: Session, login: str) -> str:
    login = login.strip()
    if not login or any(c.isspace() for c in login):
        raise AccountError(translate("Accounts", "A login name is required and may not contain spaces."))
    if s.scalar(select(Account.id).where(Account.login == login)) is not None:
        raise AccountError(translate("Accounts", "The login name {login} is taken.").format(login=login))
    return login


def _grant(o: Op, account: Account, person: Person, spec: RoleSpec) -> None:
    s = o.session
    scope = spec.scope or DEFAULT_SCOPE[spec.role]
    unit_id = person.unit_id
    if spec.unit:
        unit_id = s.scalar(select(Unit.id).where(Unit.name == spec.unit.strip()))
        if unit_id is None:
            raise AccountError(translate("Accounts", "There is no unit {unit}.").format(unit=spec.unit))
    if scope is not Scope.PROVINCE and unit_id is None:
        raise AccountError(
            translate("Accounts", "Role {role} needs a unit: give the person a unit or grant it province-wide.").format(
                role=role_name(spec.role)
            )
        )
    existing = s.scalar(select(AccountRole).where(AccountRole.account_id == account.id, AccountRole.role == spec.role))
    if existing is None:
        s.add(AccountRole(account_id=account.id, role=spec.role.value, scope=scope.value, unit_id=unit_id))
    else:
        existing.scope, existing.unit_id = scope.value, unit_id


def _person(o: Op, name: str, unit: str, department: str, staff_no: str) -> Person:
    """The roster's person (matched by staff number or name within the unit, as imports do), or a new one."""
    name, unit, department, staff_no = name.strip(), unit.strip(), department.strip(), staff_no.strip()
    if not name:
        raise AccountError(translate("Accounts", "A name is required."))
    if department and not unit:
        raise AccountError(translate("Accounts", "A department needs its unit."))
    s = o.session
    org = OrgResolver(s, o.user.account_id)
    unit_id = org.unit(unit) if unit else None
    dept_id = org.department(unit_id, department) if unit_id and department else None
    found_id = org.by_staff_no.get((unit_id, staff_no)) if staff_no else org.by_name.get((unit_id, name))
    person = s.get(Person, found_id) if found_id else None
    if person is None:
        person = o.stamp(Person(name=name, staff_no=staff_no or None, unit_id=unit_id, department_id=dept_id), new=True)
        s.add(person)
        s.flush()
        o.touch(Kind.PERSON, person.id)
    elif dept_id and person.department_id != dept_id:
        person.department_id = dept_id
        o.stamp(person)
        o.touch(Kind.PERSON, person.id)
    if s.scalar(select(Account.id).where(Account.person_id == person.id)) is not None:
        raise AccountError(translate("Accounts", "{name} already has an account.").format(name=person.name))
    return person


def _create(
    o: Op,
    name: str,
    login: str,
    password: str,
    roles: Sequence[RoleSpec],
    unit: str,
    department: str,
    staff_no: str,
) -> AccountRow:
    s = o.session
    login = _check_login(s, login)
    _check_password(password)
    person = _person(o, name, unit, department, staff_no)
    account = Account(
        person_id=person.id,
        login=login,
        password_hash=hash_password(password),
        active=True,
        failed_logins=0,
        password_changed_at=utcnow(),
        created_by_id=o.user.account_id,
        updated_by_id=o.user.account_id,
    )
    s.add(account)
    s.flush()
    for spec in roles:
        _grant(o, account, person, spec)
    s.flush()
    o.touch(Kind.ACCOUNT, account.id)
    o.touch(Kind.PERSON, person.id)
    row = account_row(s, account)
    o.audit(
        "account", account.id, changes={"login": [None, login]}, person=person.name, roles=[r[0] for r in row.roles]
    )
    return row


@mutation("account.add_first_administrator", None)
def add_first_administrator(
    o: Op,
    name: str,
    login: str,
    password: str,
    *,
    unit: str = "",
    department: str = "",
    staff_no: str = "",
    roles: Sequence[RoleSpec] = (),
) -> AccountRow:
    """On a database without accounts: the first account, a 系统管理员 over the whole province."""
    if o.session.scalar(select(func.count()).select_from(Account)):
        raise AccountError(
            translate("Accounts", "Accounts exist already: log in as a {role} to add another.").format(
                role=role_name(Role.SYSTEM_ADMIN)
            )
        )
    wanted = [RoleSpec(Role.SYSTEM_ADMIN, Scope.PROVINCE), *[r for r in roles if r.role is not Role.SYSTEM_ADMIN]]
    return _create(o, name, login, password, wanted, unit, department, staff_no)


@mutation("account.add", Action.MANAGE_ACCOUNTS)
def add_account(
    o: Op,
    name: str,
    login: str,
    password: str,
    roles: Sequence[RoleSpec],
    *,
    unit: str = "",
    department: str = "",
    staff_no: str = "",
) -> AccountRow:
    """An account for a person of the roster (found by staff number or name within the unit, else added)."""
    o.require(Action.MANAGE_ACCOUNTS)
    return _create(o, name, login, password, roles, unit, department, staff_no)


def create_account(
    wb: Workbench,
    name: str,
    login: str,
    password: str,
    roles: Sequence[RoleSpec],
    *,
    unit: str = "",
    department: str = "",
    staff_no: str = "",
) -> AccountRow:
    """``add_account``, or on a database without accounts the first administrator (holding ``roles`` too)."""
    if not has_accounts(wb):
        return add_first_administrator(
            wb, name, login, password, unit=unit, department=department, staff_no=staff_no, roles=roles
        )
    return add_account(wb, name, login, password, roles, unit=unit, department=department, staff_no=staff_no)


# --- changing ------------------------------------------------------------------------------------------


@mutation("account.edit", Action.MANAGE_ACCOUNTS)
def edit_account(
    o: Op,
    login: str,
    *,
    name: str | None = None,
    staff_no: str | None = None,
    unit: str | None = None,
    department: str | None = None,
    new_login: str | None = None,
) -> AccountRow:
    s = o.session
    account = account_in(s, login)
    person = s.get(Person, account.person_id)
    assert person is not None
    changes: dict[str, list[object]] = {}
    org = OrgResolver(s, o.user.account_id)
    if name is not None and name.strip() and name.strip() != person.name:
        changes["name"] = [person.name, name.strip()]
        person.name = name.strip()
        s.flush()
        from reviewapp.services.cases.search_index import reindex_people

        reindex_people(s, [person.id])  # the case list finds their cases by the new name
    if staff_no is not None and (staff_no.strip() or None) != person.staff_no:
        changes["staff_no"] = [person.staff_no, staff_no.strip() or None]
        person.staff_no = staff_no.strip() or None
    if unit is not None:
        unit_id = org.unit(unit.strip()) if unit.strip() else None
        if unit_id != person.unit_id:
            changes["unit_id"] = [person.unit_id, unit_id]
            person.unit_id = unit_id
            person.department_id = None
    if department is not None:
        dept_id = org.department(person.unit_id, department.strip()) if person.unit_id and department.strip() else None
        if dept_id != person.department_id:
            changes["department_id"] = [person.department_id, dept_id]
            person.department_id = dept_id
    if new_login is not None and new_login.strip() != account.login:
        changes["login"] = [account.login, _check_login(s, new_login)]
        account.login = new_login.strip()
    o.stamp(person)
    o.stamp(account)
    o.touch(Kind.ACCOUNT, account.id)
    o.touch(Kind.PERSON, person.id)
    o.audit("account", account.id, changes=changes)
    return account_row(s, account)


@mutation("account.set_active", Action.MANAGE_ACCOUNTS)
def set_account_active(o: Op, login: str, active: bool) -> AccountRow:
    s = o.session
    account = account_in(s, login)
    if not active and account.id == o.user.account_id:
        raise AccountError(translate("Accounts", "You cannot disable your own account."))
    if not active and _is_last_admin(s, account.id):
        raise AccountError(
            translate("Accounts", "The last active {role} cannot be disabled.").format(
                role=role_name(Role.SYSTEM_ADMIN)
            )
        )
    before = account.active
    account.active = active
    if active:
        account.failed_logins, account.locked_until = 0, None
    o.stamp(account)
    o.touch(Kind.ACCOUNT, account.id)
    o.audit("account", account.id, changes={"active": [before, active]})
    return account_row(s, account)


def _is_last_admin(s: Session, account_id: int) -> bool:
    admins = set(
        s.scalars(
            select(AccountRole.account_id)
            .join(Account, Account.id == AccountRole.account_id)
            .where(AccountRole.role == Role.SYSTEM_ADMIN.value, Account.active.is_(True), Account.deleted_at.is_(None))
        )
    )
    return admins == {account_id}


@mutation("account.role_add", Action.MANAGE_ACCOUNTS)
def add_role(o: Op, login: str, spec: RoleSpec) -> AccountRow:
    s = o.session
    account = account_in(s, login)
    person = s.get(Person, account.person_id)
    assert person is not None
    _grant(o, account, person, spec)
    s.flush()
    o.touch(Kind.ACCOUNT, account.id)
    row = account_row(s, account)
    o.audit(
        "account",
        account.id,
        changes={"role": [None, spec.role.value]},
        scope=next((sc for r, sc, _u in row.roles if r == spec.role.value), None),
    )
    return row


@mutation("account.role_remove", Action.MANAGE_ACCOUNTS)
def remove_role(o: Op, login: str, role: Role) -> AccountRow:
    s = o.session
    account = account_in(s, login)
    grant = s.scalar(select(AccountRole).where(AccountRole.account_id == account.id, AccountRole.role == role.value))
    if grant is None:
        raise AccountError(
            translate("Accounts", "{login} does not hold the role {role}.").format(login=login, role=role_name(role))
        )
    if role is Role.SYSTEM_ADMIN and _is_last_admin(s, account.id):
        raise AccountError(
            translate("Accounts", "The last active {role} keeps that role.").format(role=role_name(Role.SYSTEM_ADMIN))
        )
    s.delete(grant)  # a grant is the account's current state, not a travelling record; the audit keeps it
    s.flush()
    o.touch(Kind.ACCOUNT, account.id)
    o.audit("account", account.id, changes={"role": [role.value, None]})
    return account_row(s, account)


@mutation("account.password_change", Action.OWN_ACCOUNT)
def change_own_password(o: Op, old_password: str, new_password: str) -> None:
    s = o.session
    account = s.get(Account, o.user.account_id)
    if account is None or not verify_password(account.password_hash, old_password):
        raise AccountError(translate("Accounts", "The current password is wrong; the password was not changed."))
    _check_password(new_password)
    if old_password == new_password:
        raise AccountError(translate("Accounts", "The new password is the same as the current one."))
    account.password_hash = hash_password(new_password)
    account.password_changed_at = utcnow()
    o.stamp(account)
    o.touch(Kind.ACCOUNT, account.id)
    o.audit("account", account.id, changes={"password": ["…", "…"]})


@mutation("account.password_reset", Action.MANAGE_ACCOUNTS)
def reset_password(o: Op, login: str, new_password: str) -> None:
    """An administrator sets a new password for someone (and lifts a lockout)."""
    s = o.session
    account = account_in(s, login)
    _check_password(new_password)
    account.password_hash = hash_password(new_password)
    account.password_changed_at = utcnow()
    account.failed_logins, account.locked_until = 0, None
    o.stamp(account)
    o.touch(Kind.ACCOUNT, account.id)
    o.audit("account", account.id, changes={"password": ["…", "…"]})


__all__ = [
    "DEFAULT_LOCKOUT_MINUTES",
    "LOCKOUT_SETTING",
    "MAX_FAILED_LOGINS",
    "AccountError",
    "AccountRow",
    "LoginFailed",
    "RoleSpec",
    "account_by_login",
    "add_account",
    "add_first_administrator",
    "add_role",
    "change_own_password",
    "create_account",
    "edit_account",
    "has_accounts",
    "list_accounts",
    "lockout_minutes",
    "log_in",
    "log_out",
    "refresh_user",
    "remove_role",
    "reset_password",
    "set_account_active",
]
