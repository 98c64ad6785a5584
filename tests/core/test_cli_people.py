"""Headless accounts, passwords and shared settings: people add|list|edit|disable|enable, people role
add|remove, passwd, settings show|set — each mutation with a short summary and, with --json, its change
record."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Account
from tests.core.cli_fixtures import ADMIN, ADMIN_NAME, PASSWORD, CliRunner, with_admin
from tests.db_target import database_at


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> CliRunner:
    """A runner on a fresh database without accounts."""
    return CliRunner(database_at(tmp_path, "cli.sqlite3"), monkeypatch, capsys)


@pytest.fixture
def admin(
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> CliRunner:
    """A runner on a database whose first administrator (系统管理员, 评查管理员, 案管负责人) exists."""
    return with_admin(tmp_path_factory, tmp_path / "cli.sqlite3", monkeypatch, capsys)


def test_the_first_administrator_needs_no_login_and_must_be_one(cli: CliRunner) -> None:
    refused = cli("people", "add", "某人", "--login", "x", "--role", "评查员", new_password=PASSWORD)
    assert refused.code == 1 and "系统管理员" in refused.err
    no_password = cli("people", "add", ADMIN_NAME, "--login", ADMIN, "--role", "系统管理员")
    assert no_password.code == 1 and "REVIEWAPP_NEW_PASSWORD" in no_password.err
    first = cli.first_admin()
    assert ADMIN in first.out and "系统管理员" in first.out
    # Once an account exists, adding another needs a logged-in 系统管理员.
    again = cli("people", "add", "另一人", "--login", "other", "--role", "system_admin", new_password=PASSWORD)
    assert again.code == 2 and "--user" in again.err


def test_add_list_edit_disable_enable(admin: CliRunner) -> None:
    cli = admin
    r = cli(
        "people", "add", "李评查", "--login", "li", "--role", "reviewer", "--role", "评查组长", "--unit",
        "北京市人民检察院", "--department", "案件管理部", "--staff-no", "A-17", "--json",
        user=ADMIN, new_password="li-password-1",
    )  # fmt: skip
    assert r.code == 0, r.err
    added = r.json()
    assert added["account"]["login"] == "li"
    assert {x["role"] for x in added["account"]["roles"]} == {"评查员", "评查组长"}
    assert added["changes"]["action"] == "account.add" and added["changes"]["changed"]["account"]
    listed = cli("people", "list", "--json", user=ADMIN).json()
    assert [a["login"] for a in listed] == [ADMIN, "li"]
    li = next(a for a in listed if a["login"] == "li")
    assert (li["name"], li["staff_no"], li["unit"], li["department"]) == (
        "李评查",
        "A-17",
        "北京市人民检察院",
        "案件管理部",
    )
    edited = cli("people", "edit", "li", "--name", "李明", "--staff-no", "A-18", "--json", user=ADMIN).json()
    assert (edited["account"]["name"], edited["account"]["staff_no"]) == ("李明", "A-18")
    assert edited["changes"]["action"] == "account.edit"
    assert "li" in cli("people", "disable", "li", user=ADMIN).out
    assert cli("people", "list", user="li", password="li-password-1").code == 2  # disabled: no login
    assert cli("people", "enable", "li", user=ADMIN).code == 0
    assert cli("cases", user="li", password="li-password-1").code == 0


def test_roles_by_chinese_name_or_english_key_with_scopes(admin: CliRunner) -> None:
    cli = admin
    cli.add_account("李评查", "li", "评查员")
    r = cli("people", "role", "add", "li", "case_management_head", "--scope", "unit_tree", "--json", user=ADMIN)
    assert r.code == 0, r.err
    roles = {x["role"]: x["scope"] for x in r.json()["account"]["roles"]}
    assert roles == {"评查员": "province", "案管负责人": "unit_tree"}
    assert r.json()["changes"]["action"] == "account.role_add"
    removed = cli("people", "role", "remove", "li", "案管负责人", user=ADMIN)
    assert removed.code == 0 and "评查员" in removed.out and "案管负责人" not in removed.out
    listed = {a["login"]: a for a in cli("people", "list", "--json", user=ADMIN).json()}
    assert [x["role"] for x in listed["li"]["roles"]] == ["评查员"]
    unknown = cli("people", "role", "add", "li", "超级用户", user=ADMIN)
    assert unknown.code == 1 and "评查员" in unknown.err  # the message lists the roles there are
    assert cli("people", "role", "add", "li", "评查员", "--scope", "everywhere", user=ADMIN).code == 1


def test_only_a_system_administrator_manages_accounts(cli: CliRunner) -> None:
    cli.first_admin("系统管理员")
    cli.add_account("李评查", "li", "评查员")
    r = cli("people", "add", "王某", "--login", "wang", "--role", "评查员", user="li", new_password=PASSWORD)
    assert r.code == 2
    assert cli("people", "list", user="li").code == 2
    assert cli("people", "disable", ADMIN, user="li").code == 2


def test_passwd_own_and_an_administrators_reset(admin: CliRunner) -> None:
    cli = admin
    cli.add_account("李评查", "li", "评查员")
    r = cli("passwd", "--json", user="li", new_password="li-new-password")
    assert r.code == 0, r.err
    assert r.json()["changes"]["action"] == "account.password_change"
    assert cli("cases", user="li").code == 2  # the old password no longer works
    assert cli("cases", user="li", password="li-new-password").code == 0
    reset = cli("passwd", "li", user=ADMIN, new_password="reset-by-admin")
    assert reset.code == 0 and "li" in reset.out
    assert cli("cases", user="li", password="reset-by-admin").code == 0
    assert cli("passwd", ADMIN, user="li", password="reset-by-admin", new_password="hijacked-pass").code == 2
    mismatch_env = cli("passwd", user="li", password="reset-by-admin")  # no new password, no terminal
    assert mismatch_env.code == 1 and "REVIEWAPP_NEW_PASSWORD" in mismatch_env.err
    wb = Workbench.open(cli.db)
    try:
        with wb.db.session() as s:
            stored = s.scalar(select(Account.password_hash).where(Account.login == "li"))
        assert stored is not None and stored.startswith("$argon2") and "reset-by-admin" not in stored
    finally:
        wb.close()


def test_settings_show_and_set(admin: CliRunner) -> None:
    cli = admin
    shown = {s["key"]: s for s in cli("settings", "show", "--json", user=ADMIN).json()}
    assert "××" in shown["notice.issuer_name"]["value"] and shown["notice.issuer_name"]["stored"] is False
    r = cli("settings", "set", "notice.issuer_name", "北京市朝阳区人民检察院", "--json", user=ADMIN)
    assert r.code == 0, r.err
    assert r.json()["value"] == "北京市朝阳区人民检察院"
    assert r.json()["changes"]["action"] == "settings.set"
    assert "notice.issuer_name = 北京市朝阳区人民检察院" in cli("settings", "set", "notice.issuer_name",
                                                                "北京市朝阳区人民检察院", user=ADMIN).out  # fmt: skip
    assert cli("settings", "set", "notice.reply_days", "15", user=ADMIN).code == 0
    shown = {s["key"]: s for s in cli("settings", "show", "--json", user=ADMIN).json()}
    assert shown["notice.reply_days"]["value"] == 15 and shown["notice.issuer_name"]["updated_by"] == ADMIN_NAME
    text = cli("settings", "show", user=ADMIN).out
    assert "notice.reply_days = 15" in text
    bad = cli("settings", "set", "notice.reply_days", "soon", user=ADMIN)
    assert bad.code == 1 and "notice.reply_days" in bad.err
    assert cli("settings", "set", "no.such.key", "1", user=ADMIN).code == 1
    cli.add_account("李评查", "li", "评查员")
    assert cli("settings", "set", "notice.reply_days", "20", user="li").code == 2
