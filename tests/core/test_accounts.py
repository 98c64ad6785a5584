"""Accounts in the core: the first administrator, Argon2 hashes at rest, login refusals and the lockout."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.domain.roles import Role
from reviewapp.errors import NotPermitted
from reviewapp.services.accounts import users
from reviewapp.services.accounts.users import MAX_FAILED_LOGINS, AccountError, LoginFailed, RoleSpec
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Account, AccountRole
from tests.accounts_fixtures import PASSWORD, REVIEWER
from tests.db_target import database_at


@pytest.fixture
def wb(tmp_path: Path) -> Iterator[Workbench]:
    bench = Workbench.open(database_at(tmp_path, "a.sqlite3"))
    users.add_first_administrator(bench, "甲", "root", PASSWORD, unit="北京市人民检察院")
    users.log_in(bench, "root", PASSWORD)
    users.add_account(bench, "乙", "li", PASSWORD, [REVIEWER], unit="北京市人民检察院")
    yield bench
    bench.close()


def test_the_stored_hash_is_argon2id_never_the_password(wb: Workbench) -> None:
    with wb.db.session() as s:
        hashes = list(s.scalars(select(Account.password_hash)))
    assert len(hashes) == 2
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)


def test_the_first_account_is_a_province_wide_system_administrator(wb: Workbench) -> None:
    with wb.db.session() as s:
        role, scope = s.execute(select(AccountRole.role, AccountRole.scope).where(AccountRole.account_id == 1)).one()
    assert (role, scope) == (Role.SYSTEM_ADMIN.value, "province")


def test_wrong_password_and_unknown_login_get_the_same_plain_refusal(wb: Workbench) -> None:
    with pytest.raises(LoginFailed) as wrong:
        users.log_in(wb, "li", "not-the-password")
    with pytest.raises(LoginFailed) as unknown:
        users.log_in(wb, "nobody-here", "whatever-1")
    assert str(wrong.value) == str(unknown.value)  # no hint which logins exist


def test_five_wrong_passwords_lock_even_the_right_one_until_the_time_passes(wb: Workbench) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(LoginFailed):
            users.log_in(wb, "li", "wrong-password")
    with pytest.raises(LoginFailed, match="li"):
        users.log_in(wb, "li", PASSWORD)  # locked: the right password does not open it
    with wb.db.unchecked_session() as s:  # the lockout time passes
        account = s.scalars(select(Account).where(Account.login == "li")).one()
        assert account.locked_until is not None
        account.locked_until -= timedelta(hours=1)
    assert users.log_in(wb, "li", PASSWORD).login == "li"


def test_an_administrator_lifts_a_lockout_by_resetting_the_password(wb: Workbench) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(LoginFailed):
            users.log_in(wb, "li", "wrong-password")
    users.log_in(wb, "root", PASSWORD)
    users.reset_password(wb, "li", "brand-new-pass")
    assert users.log_in(wb, "li", "brand-new-pass").login == "li"


def test_a_disabled_account_cannot_log_in_and_the_last_administrator_stays(wb: Workbench) -> None:
    users.set_account_active(wb, "li", False)
    with pytest.raises(LoginFailed):
        users.log_in(wb, "li", PASSWORD)
    users.log_in(wb, "root", PASSWORD)
    with pytest.raises(AccountError):
        users.remove_role(wb, "root", Role.SYSTEM_ADMIN)
    with pytest.raises(AccountError):
        users.set_account_active(wb, "root", False)


def test_only_a_system_administrator_manages_accounts(wb: Workbench) -> None:
    users.log_in(wb, "li", PASSWORD)
    with pytest.raises(NotPermitted):
        users.add_account(wb, "丙", "bing", PASSWORD, [RoleSpec(Role.REVIEWER)], unit="北京市人民检察院")
    with pytest.raises(NotPermitted):
        users.add_role(wb, "li", RoleSpec(Role.REVIEW_ADMIN))
    users.change_own_password(wb, PASSWORD, "mine-changed-1")  # everyone may change their own
    assert users.log_in(wb, "li", "mine-changed-1").login == "li"


def test_passwords_are_checked_for_length_and_logins_for_spaces(wb: Workbench) -> None:
    with pytest.raises(AccountError):
        users.add_account(wb, "丙", "bing", "short", [REVIEWER], unit="北京市人民检察院")
    with pytest.raises(AccountError):
        users.add_account(wb, "丙", "bing bing", PASSWORD, [REVIEWER], unit="北京市人民检察院")
