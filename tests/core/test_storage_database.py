"""Database setup: pragmas, migrations, refusing newer schemas, backups before upgrades."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from reviewapp.storage.database import (
    READ_BUSY_MS,
    SchemaTooNewError,
    current_revision,
    head_revision,
    open_database,
    to_url,
)
from reviewapp.storage.models import Case

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "db"


def test_new_database_is_at_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    try:
        assert current_revision(db) == head_revision()
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == READ_BUSY_MS  # reads wait; writes poll
    finally:
        db.close()


def test_url_and_path_are_both_accepted(tmp_path: Path) -> None:
    assert to_url("postgresql+psycopg://u@host/db") == "postgresql+psycopg://u@host/db"
    assert to_url(tmp_path / "a.sqlite3") == f"sqlite:///{(tmp_path / 'a.sqlite3').resolve()}"


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'f00d_from_the_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError) as err:
        open_database(path)
    assert "newer version" in str(err.value) or "更新" in str(err.value)
    assert str(path) in str(err.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.sqlite3")), ids=lambda p: p.stem)
def test_every_earlier_schema_upgrades_with_backup_and_keeps_data(tmp_path: Path, fixture: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(fixture, path)
    db = open_database(path)
    try:
        assert current_revision(db) == head_revision()
        assert db.backup_path is not None and db.backup_path.exists()
        # The backup is the old schema, untouched.
        con = sqlite3.connect(db.backup_path)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] != head_revision()
        con.close()
        with db.session() as s:
            assert s.scalars(select(Case.dept_case_no)).all() == ["朝检刑诉受[2025]1号"]
    finally:
        db.close()
