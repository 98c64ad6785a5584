"""Logging in: the password check, five wrong passwords lock the account for a configurable time.

Every attempt is one operation of the write path, a failed one too, so the count of failures and the lockout
survive a restart and each attempt is in the audit trail.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.roles import Role
from reviewapp.i18n import translate
from reviewapp.services.accounts.current import ANONYMOUS, CurrentUser, current_user_in
from reviewapp.services.accounts.errors import AccountError, LoginFailed
from reviewapp.services.accounts.passwords import hash_password, needs_rehash, verify_password
from reviewapp.services.accounts.permissions import role_name
from reviewapp.services.changes import Kind
from reviewapp.services.results.setting_specs import setting_in
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, run_operation
from reviewapp.storage.models import Account
from reviewapp.storage.models.base import utcnow

MAX_FAILED_LOGINS = 5
DEFAULT_LOCKOUT_MINUTES = 15
LOCKOUT_SETTING = "accounts.lockout_minutes"


def lockout_minutes(s: Session) -> int:
    try:
        return int(setting_in(s, LOCKOUT_SETTING))
    except (TypeError, ValueError):
        return DEFAULT_LOCKOUT_MINUTES


def _attempt(
    o: Op, login: str, password: str, now: datetime, checked: tuple[str, bool] | None = None
) -> CurrentUser | str:
    """The user on success; else the message to raise once the failure is committed. ``checked``: the stored
    hash the password was already verified against before the write lock was taken, and the verdict."""
    s = o.session
    account = s.scalar(select(Account).where(Account.login == login.strip(), Account.deleted_at.is_(None)))
    wrong = translate("Accounts", "Wrong login name or password.")
    if account is None:
        o.audit("account", None, login=login.strip(), result="unknown login")
        return wrong
    o.touch(Kind.ACCOUNT, account.id)
    if not account.active:
        o.audit("account", account.id, result="disabled")
        return translate("Accounts", "The account {login} is disabled; ask a {role}.").format(
            login=account.login, role=role_name(Role.SYSTEM_ADMIN)
        )
    if account.locked_until is not None and account.locked_until > now:
        o.audit("account", account.id, result="locked")
        return translate(
            "Accounts", "The account {login} is locked after too many wrong passwords until {time}."
        ).format(login=account.login, time=f"{account.locked_until + _local_offset():%H:%M}")
    if checked is not None and checked[0] == account.password_hash:
        matches = checked[1]
    else:  # the hash changed since it was read (a reset meanwhile): verify against the stored one
        matches = verify_password(account.password_hash, password)
    if not matches:
        account.failed_logins += 1
        changes: dict[str, list[object]] = {"failed_logins": [account.failed_logins - 1, account.failed_logins]}
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
    # A successful login is the account's own act: its entry is attributed to it.
    o.user = current_user_in(s, account)
    return o.user


def _local_offset() -> timedelta:
    offset = datetime.now().astimezone().utcoffset()
    return offset if offset is not None else timedelta(0)


def log_in(wb: Workbench, login: str, password: str, *, verified: tuple[str, bool] | None = None) -> CurrentUser:
    """Check the password (recording the attempt, also a failed one) and make the account the acting user.
    ``verified``: a stored hash and whether the password matched it, when the caller checked it already (the
    GUI does while the database layer still loads); inside the write it counts only if that hash is still the
    account's, else the password is verified again."""
    # Argon2 is slow on purpose; it runs before the write lock is taken, so other workstations' writes do not
    # wait behind a login (the attempt itself is still recorded inside the one write path).
    checked = verified
    if checked is None:
        with wb.db.session() as s:
            stored = s.scalar(
                select(Account.password_hash).where(Account.login == login.strip(), Account.deleted_at.is_(None))
            )
        checked = (stored, verify_password(stored, password)) if stored else None
    result, _changes = run_operation(
        wb, "account.login", None, lambda o: _attempt(o, login, password, utcnow(), checked)
    )
    if isinstance(result, str):
        raise LoginFailed(result)
    wb.user = result
    return result


def log_out(wb: Workbench) -> None:
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
