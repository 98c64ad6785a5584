"""What the benchmarks share: a workbench with a logged-in user, made through the real accounts service.

    wb = open_as_admin(path)                      # first administrator, also 评查管理员 and 案管负责人
    reviewer = log_in_as_reviewer(wb, "基准评查员", unit="市院", department="案件管理部")

The passwords are benchmark-only; nothing here is used by the app.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reviewapp.domain.roles import Role, Scope  # noqa: E402
from reviewapp.services.accounts.current import CurrentUser  # noqa: E402
from reviewapp.services.accounts.users import (  # noqa: E402
    AccountError,
    RoleSpec,
    account_by_login,
    add_account,
    add_first_administrator,
    has_accounts,
    log_in,
)
from reviewapp.services.workbench import Workbench  # noqa: E402

ADMIN_LOGIN = "bench-admin"
PASSWORD = "bench-password-1"
ADMIN_ROLES = (RoleSpec(Role.REVIEW_ADMIN, Scope.PROVINCE), RoleSpec(Role.CASE_MANAGEMENT_HEAD, Scope.PROVINCE))


def open_as_admin(target: str | Path) -> Workbench:
    """Open (creating if needed) and log in as the benchmark administrator, who may import, manage standards
    and accounts, and issue notices."""
    wb = Workbench.open(target)
    if not has_accounts(wb):
        add_first_administrator(wb, "基准管理员", ADMIN_LOGIN, PASSWORD, unit="市院", roles=ADMIN_ROLES)
    log_in(wb, ADMIN_LOGIN, PASSWORD)
    # These benchmarks measure scoring itself, on cases outside any plan (bench_plans.py measures plans).
    from reviewapp.services.results.settings import set_setting

    set_setting(wb, "reviews.assignment_required", "否")
    return wb


def log_in_as_reviewer(wb: Workbench, name: str, *, unit: str, department: str, login: str = "") -> CurrentUser:
    """Log in as a 评查员 (province-wide), creating the account as the administrator the first time. The unit
    and department keep the reviewer clear of the cases' own (the conflict rule)."""
    login = login or "bench-" + "".join(f"{ord(c):x}" for c in name)[:32]
    try:
        account_by_login(wb, login)
    except AccountError:
        log_in(wb, ADMIN_LOGIN, PASSWORD)
        add_account(
            wb, name, login, PASSWORD, [RoleSpec(Role.REVIEWER, Scope.PROVINCE)], unit=unit, department=department
        )
    return log_in(wb, login, PASSWORD)
