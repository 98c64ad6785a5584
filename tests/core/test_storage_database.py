"""Database setup: pragmas, migrations, refusing newer schemas, backups before upgrades."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, text

from reviewapp.storage import db_files
from reviewapp.storage.database import (
    READ_BUSY_MS,
    DatabaseError,
    SchemaTooNewError,
    UnknownSchemaError,
    current_revision,
    head_revision,
    open_database,
    to_url,
)
from reviewapp.storage.db_files import BackupFailed, partial_backups, verify_backup
from reviewapp.storage.models import Case
from tests.db_target import sqlite_dump

pytestmark = pytest.mark.sqlite_only("SQLite files: WAL, odd files, file backups; PostgreSQL: test_pg_migrations.py")

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


def _old_file(tmp_path: Path, revision: str | None = None) -> Path:
    """A rollback-journal (not WAL) file of an earlier schema, optionally with another version row."""
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema_0003.sqlite3", path)
    if revision is not None:
        con = sqlite3.connect(path)
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        con.commit()
        con.close()
    return path


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = _old_file(tmp_path, "0099")
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError) as err:
        open_database(path)
    assert "newer version" in str(err.value) or "更新" in str(err.value)
    assert str(path) in str(err.value)
    # Not even switched to WAL: the header says rollback journal still, and no log appeared beside it.
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()


def test_an_unknown_revision_says_so_not_newer(tmp_path: Path) -> None:
    path = _old_file(tmp_path, "f00d_unknown")
    before = path.read_bytes()
    with pytest.raises(UnknownSchemaError) as err:
        open_database(path)
    assert "f00d_unknown" in str(err.value) and "newer" not in str(err.value)
    assert path.read_bytes() == before


def _workbook(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["部门受案号", "案件名称"])
    book.save(path)


def _no_version_row(path: Path) -> None:
    shutil.copy(FIXTURES / "schema_0003.sqlite3", path)
    con = sqlite3.connect(path)
    con.execute("DELETE FROM alembic_version")
    con.commit()
    con.close()


def _two_version_rows(path: Path) -> None:
    shutil.copy(FIXTURES / "schema_0003.sqlite3", path)
    con = sqlite3.connect(path)
    con.execute("INSERT INTO alembic_version VALUES ('0004')")
    con.commit()
    con.close()


def _tables_without_version(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE cases (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO cases (name) VALUES ('x')")
    con.commit()
    con.close()


ODD_FILES = {
    "workbook": _workbook,
    "text": lambda p: p.write_text("部门受案号,案件名称\n朝检刑诉受[2025]1号,张三\n", encoding="utf-8"),
    "empty": lambda p: p.write_bytes(b""),
    "short_garbage": lambda p: p.write_bytes(b"\x00\x01 not sqlite"),
    "damaged_header": lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096),
    "no_version_row": _no_version_row,
    "two_version_rows": _two_version_rows,
    "tables_without_version": _tables_without_version,
}


@pytest.mark.parametrize("make", ODD_FILES.values(), ids=ODD_FILES.keys())
def test_odd_files_get_one_plain_message_and_stay_as_they_were(tmp_path: Path, make: Callable[[Path], None]) -> None:
    path = tmp_path / "picked.sqlite3"
    make(path)
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as err:
        open_database(path)
    assert str(path) in str(err.value) or path.name in str(err.value)
    assert "Traceback" not in str(err.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no -wal, -shm or backup beside it


def test_a_file_with_no_tables_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "blank.sqlite3"
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 0")
    con.close()
    db = open_database(path)
    try:
        assert current_revision(db) == head_revision()
    finally:
        db.close()


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


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


def _dump(path: Path) -> list[str]:
    return sqlite_dump(path)


def test_the_backup_is_a_verified_single_file_copy(tmp_path: Path) -> None:
    path = _old_file(tmp_path)
    (tmp_path / "old.sqlite3.partial-backup-1").write_bytes(b"")  # left by a process killed while copying
    db = open_database(path)
    try:
        backup = db.backup_path
        assert backup is not None and backup.name.startswith("old.sqlite3.backup-0003-")
        assert verify_backup(backup, "0003", _counts(FIXTURES / "schema_0003.sqlite3")) is None
        con = sqlite3.connect(backup)
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        con.close()
        assert not partial_backups(path)
    finally:
        db.close()


def _counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def test_a_backup_that_fails_verification_stops_the_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _old_file(tmp_path)
    before = _dump(path)
    monkeypatch.setattr(db_files, "verify_backup", lambda *_a: "row counts differ")
    with pytest.raises(BackupFailed) as err:
        open_database(path)
    assert "row counts differ" in str(err.value)
    assert _dump(path) == before  # every row and the schema as they were (the file may now be in WAL mode)
    assert _names(tmp_path) == ["old.sqlite3"]  # no backup under a backup name, no partial copy
    monkeypatch.undo()
    open_database(path).close()  # and the untouched file still upgrades


def test_a_backup_that_cannot_be_written_stops_the_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _old_file(tmp_path)
    before = _dump(path)

    def disk_full(_path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(db_files, "_fsync", disk_full)
    with pytest.raises(BackupFailed, match="No space left"):
        open_database(path)
    assert _dump(path) == before  # every row and the schema as they were (the file may now be in WAL mode)
    assert _names(tmp_path) == ["old.sqlite3"]


def test_postgres_without_pg_dump_is_refused_with_instructions(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(db_files.shutil, "which", lambda _name: None)
    monkeypatch.delenv(db_files.PG_BACKUP_DONE_ENV, raising=False)
    with pytest.raises(BackupFailed, match="pg_dump"):
        db_files.backup_postgres("postgresql+psycopg://u@host/cases", "0004", tmp_path)
    monkeypatch.setenv(db_files.PG_BACKUP_DONE_ENV, "1")
    assert db_files.backup_postgres("postgresql+psycopg://u@host/cases", "0004", tmp_path) is None
