"""Running headless commands in tests the way a shell would: environment variables for the user and the
passwords, captured output, the exit code.

    cli = CliRunner(database_at(tmp_path, "db.sqlite3"), monkeypatch, capsys)
    cli.first_admin()                                  # people add … --role 系统管理员 (no --user)
    r = cli("people", "list", "--json", user="admin")  # → Result(code, out, err); r.json() parses out
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from reviewapp.cli.main import main
from reviewapp.services.accounts import passwords
from tests import db_target
from tests.db_target import Target

PASSWORD = "cli-secret-pass-1"
ADMIN = "admin"
ADMIN_NAME = "张管理"
UNIT = "北京市人民检察院"  # the reviewers' unit: not the cases' unit (北京市朝阳区人民检察院), no recusal
DEPARTMENT = "案件管理部"
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class CliRunner:
    def __init__(
        self, db: Target, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str] | None = None
    ) -> None:
        self.db = str(db)
        self.monkeypatch = monkeypatch
        self.capsys = capsys
        # Argon2id with the smallest cost: every command logs in, and the default cost takes ~0.4 s a time.
        monkeypatch.setattr(passwords, "_hasher", FAST_HASHER)
        monkeypatch.delenv("REVIEWAPP_USER", raising=False)
        monkeypatch.delenv("REVIEWAPP_PASSWORD", raising=False)
        monkeypatch.delenv("REVIEWAPP_NEW_PASSWORD", raising=False)

    def __call__(
        self,
        *argv: str,
        user: str | None = None,
        password: str | None = PASSWORD,
        new_password: str | None = None,
        db_first: bool = False,
        db: str | None = None,
    ) -> Result:
        """Run ``main.py argv`` with ``--db`` (after the words unless ``db_first``; ``db`` replaces the
        runner's database) and, given a user, ``--user``; the passwords travel in REVIEWAPP_PASSWORD and
        REVIEWAPP_NEW_PASSWORD."""
        for name, value in (("REVIEWAPP_PASSWORD", password), ("REVIEWAPP_NEW_PASSWORD", new_password)):
            if value is None:
                self.monkeypatch.delenv(name, raising=False)
            else:
                self.monkeypatch.setenv(name, value)
        extra = ["--db", db or self.db] + (["--user", user] if user else [])
        args: Sequence[str] = [*extra, *argv] if db_first else [*argv, *extra]
        if self.capsys is None:  # e.g. a module-scoped fixture, which has no capsys
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(list(args))
            return Result(code, out.getvalue(), err.getvalue())
        self.capsys.readouterr()
        code = main(list(args))
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def first_admin(self, *roles: str) -> Result:
        wanted = roles or ("系统管理员", "评查管理员", "案管负责人")
        role_args = [a for r in wanted for a in ("--role", r)]
        r = self(
            "people",
            "add",
            ADMIN_NAME,
            "--login",
            ADMIN,
            *role_args,
            "--scope",
            "province",
            "--unit",
            UNIT,
            "--department",
            DEPARTMENT,
            new_password=PASSWORD,
        )
        assert r.code == 0, r.err
        return r

    def add_account(self, name: str, login: str, *roles: str, unit: str = UNIT) -> Result:
        role_args = [a for r in roles for a in ("--role", r)]
        r = self(
            "people",
            "add",
            name,
            "--login",
            login,
            *role_args,
            "--scope",
            "province",
            "--unit",
            unit,
            "--department",
            DEPARTMENT,
            user=ADMIN,
            new_password=PASSWORD,
        )
        assert r.code == 0, r.err
        return r


_TEMPLATES: dict[tuple[str, ...], Target] = {}


def copy_database(src: Target, dst: Path) -> Target:
    """A consistent copy of a database (SQLite: the backup API takes the WAL along; PostgreSQL: a template)."""
    return db_target.copy_database(src, dst.parent, dst.name)


def with_admin(
    factory: pytest.TempPathFactory,
    db: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str] | None = None,
    roles: tuple[str, ...] = (),
) -> CliRunner:
    """A runner on a database that has the first administrator already (copied from one made per session:
    creating a database and its first account each time is most of a short test's time)."""
    key = roles or ("系统管理员", "评查管理员", "案管负责人")
    if key not in _TEMPLATES:
        template = db_target.database_at(factory.mktemp("cli-template"), "template.sqlite3", session_wide=True)
        mp = pytest.MonkeyPatch()
        try:
            CliRunner(template, mp).first_admin(*key)
        finally:
            mp.undo()
        _TEMPLATES[key] = template
    return CliRunner(copy_database(_TEMPLATES[key], db), monkeypatch, capsys)
