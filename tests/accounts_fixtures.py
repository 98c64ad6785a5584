"""Accounts for tests, made through the real accounts service and logged in.

    wb = Workbench.open(path)
    sign_in(wb)                                   # a user holding every working role, province-wide
    sign_in(wb, "赵评查", roles=[REVIEWER], unit=UNIT)   # the roster's 赵评查 gets an account and logs in

The first call on a database creates a bootstrap 系统管理员 ("root") that creates the other accounts.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewapp.domain.roles import Role, Scope
from reviewapp.services.accounts import users
from reviewapp.services.accounts.current import CurrentUser
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.workbench import Workbench

PASSWORD = "correct-horse-9"
ROOT_LOGIN = "root"
REVIEWER = RoleSpec(Role.REVIEWER, Scope.PROVINCE)
REVIEW_ADMIN = RoleSpec(Role.REVIEW_ADMIN, Scope.PROVINCE)
CASE_HEAD = RoleSpec(Role.CASE_MANAGEMENT_HEAD, Scope.PROVINCE)
SYSTEM_ADMIN = RoleSpec(Role.SYSTEM_ADMIN, Scope.PROVINCE)
# Every role that works on data (not the prosecutor's, which only sees their own cases).
ALL_ROLES: tuple[RoleSpec, ...] = (SYSTEM_ADMIN, REVIEW_ADMIN, REVIEWER, CASE_HEAD)


def _ensure_root(wb: Workbench) -> None:
    if not users.has_accounts(wb):
        users.add_first_administrator(wb, "系统管理员甲", ROOT_LOGIN, PASSWORD)


def login_for(name: str) -> str:
    return "u" + "".join(f"{ord(c):x}" for c in name)[:40]


def sign_in(
    wb: Workbench,
    name: str = "测试评查员",
    *,
    roles: Sequence[RoleSpec] = ALL_ROLES,
    unit: str = "",
    department: str = "",
    staff_no: str = "",
    login: str | None = None,
) -> CurrentUser:
    """Log in as ``name`` (creating the account through an administrator the first time)."""
    _ensure_root(wb)
    login = login or login_for(name)
    try:
        users.account_by_login(wb, login)
    except users.AccountError:
        users.log_in(wb, ROOT_LOGIN, PASSWORD)
        users.add_account(wb, name, login, PASSWORD, list(roles), unit=unit, department=department, staff_no=staff_no)
    return users.log_in(wb, login, PASSWORD)
