"""The write path meeting another connection's lock: it waits visibly, can be cancelled, lands when the lock
goes, and otherwise gives the plain busy message — never the bug apology. Reads never wait for a writer, and
no statement that changes data runs outside the write path."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text, update

from reviewapp.errors import KnownError
from reviewapp.storage.database import (
    READ_BUSY_MS,
    WRITE_POLL_MS,
    Database,
    DatabaseBusy,
    WriteOutsidePath,
    busy_message,
    is_lock_error,
    open_database,
)
from reviewapp.storage.models import Setting
from tests.db_target import Target, copy_database, database_at


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Target:
    target = database_at(tmp_path_factory.mktemp("template"), "locks.sqlite3")
    open_database(target).close()  # migrated once; closing checkpoints the WAL into the file
    return target


@pytest.fixture
def db(tmp_path: Path, template: Target) -> Iterator[Database]:
    database = open_database(copy_database(template, tmp_path, "locks.sqlite3"))
    database.lock_wait = 0.8
    yield database
    database.close()


class LockHolder:
    """Another connection (as another process would) holding the write lock until released."""

    def __init__(self, db: Database) -> None:
        self.conn = db.engine.connect().execution_options(write_path=True)
        self.tx = self.conn.begin()  # BEGIN IMMEDIATE

    def release(self) -> None:
        self.tx.rollback()
        self.conn.close()


def _settings(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Setting)) or 0)


def _add_setting(s: object, key: str) -> None:
    s.execute(insert(Setting).values(key=key, value="v"))  # type: ignore[attr-defined]


def test_a_write_meeting_a_held_lock_reports_its_wait_then_fails_with_the_plain_busy_message(db: Database) -> None:
    holder = LockHolder(db)
    waits: list[float] = []
    started = time.monotonic()
    try:
        with pytest.raises(DatabaseBusy) as err, db.write(on_wait=waits.append) as s:
            _add_setting(s, "never")
    finally:
        holder.release()
    assert 0.8 <= time.monotonic() - started < 2.0
    assert isinstance(err.value, KnownError)
    assert str(err.value) == busy_message()
    assert waits and waits == sorted(waits) and waits[-1] < 0.8
    assert _settings(db) == 0


def test_a_write_lands_when_the_other_connection_lets_go_within_the_wait(db: Database) -> None:
    db.lock_wait = 10
    holder = LockHolder(db)
    threading.Timer(0.5, holder.release).start()
    waits: list[float] = []
    with db.write(on_wait=waits.append) as s:
        _add_setting(s, "after")
    assert waits and 0.2 <= waits[-1] < 1.5
    assert _settings(db) == 1


def test_cancelling_the_wait_gives_up_at_once_with_nothing_saved(db: Database) -> None:
    db.lock_wait = 30
    holder = LockHolder(db)
    waits: list[float] = []
    started = time.monotonic()
    try:
        with pytest.raises(DatabaseBusy), db.write(on_wait=waits.append, cancel=lambda: bool(waits)) as s:
            _add_setting(s, "cancelled")
    finally:
        holder.release()
    assert time.monotonic() - started < 2.0
    assert len(waits) == 1
    assert _settings(db) == 0


def test_reads_do_not_wait_for_a_writer(db: Database) -> None:
    holder = LockHolder(db)
    try:
        started = time.monotonic()
        assert _settings(db) == 0
        assert time.monotonic() - started < 0.1
    finally:
        holder.release()


@pytest.mark.sqlite_only("SQLite's per-connection busy_timeout")
def test_each_transaction_sets_its_own_busy_timeout(db: Database) -> None:
    with db.write() as s:
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == WRITE_POLL_MS
    with db.session() as s:  # the same pooled connection, now patient again
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == READ_BUSY_MS


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO settings (key, value) VALUES ('k', 'v')",
        "  update settings SET value = 'x'",
        "DELETE FROM settings",
        "REPLACE INTO settings (key, value) VALUES ('k', 'v')",
        "CREATE TABLE stray (x)",
        "DROP TABLE settings",
        "WITH v AS (SELECT 'k' AS key) INSERT INTO settings (key, value) SELECT key, 'v' FROM v",
        "WITH v AS (SELECT 1) UPDATE settings SET value = 'y'",
    ],
)
def test_a_statement_that_changes_data_outside_the_write_path_is_refused(db: Database, statement: str) -> None:
    with pytest.raises(WriteOutsidePath), db.session() as s:
        s.execute(text(statement))


def test_orm_writes_through_a_read_session_are_refused_and_reads_pass(db: Database) -> None:
    with pytest.raises(WriteOutsidePath), db.session() as s:
        s.add(Setting(key="orm", value="v"))
        s.flush()
    with pytest.raises(WriteOutsidePath), db.session() as s:
        s.execute(update(Setting).values(value="x"))
    with db.session() as s:  # reads, including a CTE and a column named like a keyword, pass
        assert s.execute(text("WITH v AS (SELECT 1 AS updated) SELECT updated FROM v")).scalar() == 1
    with db.write() as s:
        _add_setting(s, "through the path")
    assert _settings(db) == 1


class _PgError(Exception):
    def __init__(self, attr: str, code: str) -> None:
        super().__init__("canceling statement due to lock timeout")
        setattr(self, attr, code)


def test_lock_errors_are_recognised_on_both_databases() -> None:
    import sqlite3

    assert is_lock_error(sqlite3.OperationalError("database is locked"))
    assert is_lock_error(sqlite3.OperationalError("database table is locked"))
    assert not is_lock_error(sqlite3.OperationalError("no such table: x"))
    assert is_lock_error(_PgError("sqlstate", "55P03"))  # psycopg 3, lock_timeout
    assert is_lock_error(_PgError("pgcode", "40P01"))  # psycopg2, deadlock
    assert not is_lock_error(_PgError("sqlstate", "23505"))
