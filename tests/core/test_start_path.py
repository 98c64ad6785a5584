"""What the start relies on to be quick: the schema revision checked without Alembic, and a password verdict
reached before the database layer was loaded, which the log-in trusts only for the hash it was reached on."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import select

from reviewapp.services.accounts import login as login_module
from reviewapp.services.accounts.errors import LoginFailed
from reviewapp.services.accounts.users import log_in
from reviewapp.storage import database
from reviewapp.storage.models import Account
from tests.accounts_fixtures import PASSWORD, login_for, sign_in
from tests.core.services_fixtures import open_workbench


def test_the_light_revision_check_reads_the_chain_as_alembic_does() -> None:
    chain = database.light_chain()
    assert chain is not None
    known, head = chain
    script = ScriptDirectory.from_config(database._alembic_config())
    assert sorted(rev.revision for rev in script.walk_revisions()) == known
    assert head == database.head_revision()


def test_a_chain_that_does_not_read_straight_is_left_to_alembic(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "0001_a.py").write_text('revision = "0001"\ndown_revision = None\n', encoding="utf-8")
    (versions / "0002_b.py").write_text('revision = "0002"\ndown_revision = "0001"\n', encoding="utf-8")
    monkeypatch.setattr(database, "MIGRATIONS_DIR", tmp_path)
    assert database.light_chain() == (["0001", "0002"], "0002")
    (versions / "0003_c.py").write_text('revision = "0003"\ndown_revision = "0001"\n', encoding="utf-8")
    assert database.light_chain() is None  # two heads
    (versions / "0003_c.py").write_text("revision = compute()\n", encoding="utf-8")
    assert database.light_chain() is None


def _hash(wb: object, login: str) -> str:
    with wb.db.session() as s:  # type: ignore[attr-defined]
        return str(s.scalar(select(Account.password_hash).where(Account.login == login)))


def test_a_verdict_for_the_stored_hash_is_used_and_a_stale_one_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = open_workbench(tmp_path)
    try:
        sign_in(wb, "早登录")
        login = login_for("早登录")
        stored = _hash(wb, login)

        def no_second_check(*_args: object) -> bool:
            raise AssertionError("verified again")

        with monkeypatch.context() as m:
            m.setattr(login_module, "verify_password", no_second_check)
            assert log_in(wb, login, PASSWORD, verified=(stored, True)).login == login
        # A verdict reached on another hash (the password was reset meanwhile) is checked again: refused.
        with pytest.raises(LoginFailed):
            log_in(wb, login, "not-the-password", verified=("$argon2id$v=19$other", True))
        with pytest.raises(LoginFailed):
            log_in(wb, login, PASSWORD, verified=(stored, False))  # the early check said no
    finally:
        wb.close()
