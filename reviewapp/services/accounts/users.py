"""Accounts: the first administrator, adding and editing accounts and roles, passwords, login and lockout.

review-rules.md §1 (roles). On a database without accounts the first account created is the 系统管理员;
after that only a 系统管理员 manages accounts. Five wrong passwords lock an account for a configurable time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewapp.domain.roles import DEFAULT_SCOPE, Action, Grant, Role, Scope
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.services.accounts.current import CurrentUser
from reviewapp.services.accounts.passwords import MIN_LENGTH, hash_password, needs_rehash, verify_password
from reviewapp.services.cases.people import OrgResolver
from reviewapp.services.changes import Kind
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation, run_operation
from reviewapp.storage.models import Account, AccountRole, Department, Person, Setting, Unit
from reviewapp.storage.models.base import utcnow

MAX_FAILED_LOGINS = 5
DEFAULT_LOCKOUT_MINUTES = 15
LOCKOUT_SETTING = "accounts.lockout_minutes"


class AccountError(KnownError):
    """An account request that cannot be carried out (message for the user)."""


class LoginFailed(AccountError):
    pass


@dataclass(frozen=True)
class RoleSpec:
    """A role to grant: its scope defaults to the account's own unit."""

    role: Role
    scope: Scope | None = None
    unit: str = ""  # the scope's anchor unit by name; default: the person's unit


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
        return bool(s.scalar(select(func.count()).select_from(Account).where(Account.deleted_at.is_(None))))


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


def list_accounts(wb: Workbench) -> list[AccountRow]:
    wb.permissions.require_any(wb.user, Action.MANAGE_ACCOUNTS)
    with wb.db.session() as s:
        return [
            _row(s, a) for a in s.scalars(select(Account).where(Account.deleted_at.is_(None)).order_by(Account.login))
        ]


def account_by_login(wb: Workbench, login: str) -> AccountRow:
    with wb.db.session() as s:
        return _row(s, _by_login(s, login))


def _row(s: Session, a: Account) -> AccountRow:
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


def _by_login(s: Session, login: str) -> Account:
    account = s.scalar(select(Account).where(Account.login == login.strip(), Account.deleted_at.is_(None)))
    if account is None:
        raise AccountError(translate("Accounts", "There is no account {login}.").format(login=login.strip()))
    return account


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
                role=spec.role.value
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
    row = _row(s, account)
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
        raise AccountError(translate("Accounts", "Accounts exist already: log in as a 系统管理员 to add another."))
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
    account = _by_login(s, login)
    person = s.get(Person, account.person_id)
    assert person is not None
    changes: dict[str, list[object]] = {}
    org = OrgResolver(s, o.user.account_id)
    if name is not None and name.strip() and name.strip() != person.name:
        changes["name"] = [person.name, name.strip()]
        person.name = name.strip()
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
    return _row(s, account)


@mutation("account.set_active", Action.MANAGE_ACCOUNTS)
def set_account_active(o: Op, login: str, active: bool) -> AccountRow:
    s = o.session
    account = _by_login(s, login)
    if not active and account.id == o.user.account_id:
        raise AccountError(translate("Accounts", "You cannot disable your own account."))
    if not active and _is_last_admin(s, account.id):
        raise AccountError(translate("Accounts", "The last active 系统管理员 cannot be disabled."))
    before = account.active
    account.active = active
    if active:
        account.failed_logins, account.locked_until = 0, None
    o.stamp(account)
    o.touch(Kind.ACCOUNT, account.id)
    o.audit("account", account.id, changes={"active": [before, active]})
    return _row(s, account)


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
    account = _by_login(s, login)
    person = s.get(Person, account.person_id)
    assert person is not None
    _grant(o, account, person, spec)
    s.flush()
    o.touch(Kind.ACCOUNT, account.id)
    row = _row(s, account)
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
    account = _by_login(s, login)
    grant = s.scalar(select(AccountRole).where(AccountRole.account_id == account.id, AccountRole.role == role.value))
    if grant is None:
        raise AccountError(
            translate("Accounts", "{login} does not hold the role {role}.").format(login=login, role=role.value)
        )
    if role is Role.SYSTEM_ADMIN and _is_last_admin(s, account.id):
        raise AccountError(translate("Accounts", "The last active 系统管理员 keeps that role."))
    s.delete(grant)  # a grant is the account's current state, not a travelling record; the audit keeps it
    s.flush()
    o.touch(Kind.ACCOUNT, account.id)
    o.audit("account", account.id, changes={"role": [role.value, None]})
    return _row(s, account)


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
    account = _by_login(s, login)
    _check_password(new_password)
    account.password_hash = hash_password(new_password)
    account.password_changed_at = utcnow()
    account.failed_logins, account.locked_until = 0, None
    o.stamp(account)
    o.touch(Kind.ACCOUNT, account.id)
    o.audit("account", account.id, changes={"password": ["…", "…"]})


# --- logging in ----------------------------------------------------------------------------------------


def lockout_minutes(s: Session) -> int:
    row = s.get(Setting, LOCKOUT_SETTING)
    try:
        return int(row.value) if row is not None else DEFAULT_LOCKOUT_MINUTES
    except (TypeError, ValueError):
        return DEFAULT_LOCKOUT_MINUTES


def _attempt(o: Op, login: str, password: str, now: datetime) -> CurrentUser | str:
    """The user on success; else the message to raise once the failure is committed."""
    s = o.session
    account = s.scalar(select(Account).where(Account.login == login.strip(), Account.deleted_at.is_(None)))
    wrong = translate("Accounts", "Wrong login name or password.")
    if account is None:
        o.audit("account", None, login=login.strip(), result="unknown login")
        return wrong
    o.touch(Kind.ACCOUNT, account.id)
    if not account.active:
        o.audit("account", account.id, result="disabled")
        return translate("Accounts", "The account {login} is disabled; ask a 系统管理员.").format(login=account.login)
    if account.locked_until is not None and account.locked_until > now:
        o.audit("account", account.id, result="locked")
        return translate(
            "Accounts", "The account {login} is locked after too many wrong passwords until {time}."
        ).format(login=account.login, time=f"{account.locked_until + _local_offset():%H:%M}")
    if not verify_password(account.password_hash, password):
        account.failed_logins += 1
        changes = {"failed_logins": [account.failed_logins - 1, account.failed_logins]}
        if account.failed_logins >= MAX_FAILED_LOGINS:
            account.locked_until = now + timedelta(minutes=lockout_minutes(s))
            account.failed_logins = 0
            changes["locked_until"] = [None, account.locked_until]
            o.audit("account", account.id, changes=changes, result="locked")
            return translate(
                "Accounts", "Too many wrong passwords: the account {login} is locked for {n} minutes."
            ).format(login=account.login, n=lockout_minutes(s))
        o.audit("account", account.id, changes=changes, result="wrong password")
        return wrong
    if needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
    account.failed_logins, account.locked_until, account.last_login_at = 0, None, now
    o.audit("account", account.id, result="ok")
    return current_user_in(s, account)


def _local_offset() -> timedelta:
    offset = datetime.now().astimezone().utcoffset()
    return offset if offset is not None else timedelta(0)


def log_in(wb: Workbench, login: str, password: str) -> CurrentUser:
    """Check the password (recording the attempt, also a failed one) and make the account the acting user."""
    result, _changes = run_operation(wb, "account.login", None, lambda o: _attempt(o, login, password, utcnow()))
    if isinstance(result, str):
        raise LoginFailed(result)
    wb.user = result
    return result


def log_out(wb: Workbench) -> None:
    from reviewapp.services.accounts.current import ANONYMOUS

    wb.user = ANONYMOUS


def refresh_user(wb: Workbench) -> CurrentUser:
    """Re-read the acting user's roles (after an administrator changed them)."""
    if wb.user.account_id is None:
        return wb.user
    with wb.db.session() as s:
        account = s.get(Account, wb.user.account_id)
        if account is None:
            raise AccountError(translate("Accounts", "The account no longer exists."))
        wb.user = current_user_in(s, account)
    return wb.user
