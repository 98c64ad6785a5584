"""The database every test runs against: SQLite files by default, PostgreSQL when REVIEWAPP_TEST_DB names a server.

    REVIEWAPP_TEST_DB=postgresql+psycopg://user:password@127.0.0.1:5432/postgres ./test

Tests never build a database location themselves; they ask here:

    target = database_at(tmp_path, "review.sqlite3")   # SQLite: that file (a Path); PostgreSQL: a new database's URL
    copy = copy_database(target, tmp_path, "copy.sqlite3")   # a file copy / CREATE DATABASE … TEMPLATE

On PostgreSQL each test gets a fresh database cloned from one template migrated once per session
(``CREATE DATABASE … TEMPLATE``, ~50 ms, where a migration takes a second); every database a test made is
dropped when it ends, those made by module- or session-wide fixtures when the session ends. Child processes
get the URL, never a file path. Tests about SQLite itself carry ``@pytest.mark.sqlite_only(reason)`` and are
skipped on PostgreSQL.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

TEST_DB_ENV = "REVIEWAPP_TEST_DB"
SERVER_URL = os.environ.get(TEST_DB_ENV, "").strip()
ON_POSTGRES = SERVER_URL.startswith("postgresql")
BACKEND = "postgresql" if ON_POSTGRES else "sqlite"

Target = str | Path

_counter = itertools.count(1)
_admin: Engine | None = None
_template: str | None = None
# Databases made so far, in order; the per-test fixture drops those made during its test.
created: list[str] = []
# Databases a session-wide cache made (templates copied by many tests): dropped when the session ends.
_session_wide: list[str] = []
# The database each (folder, name) stands for, so opening the "same file" again opens the same database.
_by_place: dict[tuple[str, str], str] = {}


def admin() -> Engine:
    """An AUTOCOMMIT connection to the server's maintenance database (CREATE/DROP DATABASE run outside
    transactions)."""
    global _admin
    if _admin is None:
        _admin = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT", pool_size=1, max_overflow=2)
    return _admin


def url_of(name: str) -> str:
    return make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)


def _new_name() -> str:
    return f"rt_{os.getpid()}_{next(_counter)}"


def _create(name: str, template: str | None = None, *, track: bool = True, session_wide: bool = False) -> None:
    with admin().connect() as conn:
        if template is not None:
            # A template must have no other connection: end the (idle) ones a closed or finished test left.
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"), {"d": template}
            )
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        else:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    if session_wide:
        _session_wide.append(name)
    elif track:
        created.append(name)


def drop(names: list[str]) -> None:
    with admin().connect() as conn:
        for name in names:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _migrated_template() -> str:
    global _template
    if _template is None:
        from reviewapp.storage.database import open_database

        name = f"rt_{os.getpid()}_template"
        with admin().connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        _create(name, track=False)
        open_database(url_of(name)).close()
        _template = name
    return _template


def database_at(
    folder: Path, name: str = "review.sqlite3", *, empty: bool = False, session_wide: bool = False
) -> Target:
    """A database for a test: the SQLite file ``folder/name``; on PostgreSQL a fresh database (migrated,
    unless ``empty``), as a URL. Asking again for the same folder and name gives the same database, as
    opening the same file again would. ``session_wide``: kept until the session ends (a cached template), not
    dropped with the test that happened to make it."""
    if not ON_POSTGRES:
        return folder / name
    place = (str(folder.resolve()), name)
    if place in _by_place and (_by_place[place] in created or _by_place[place] in _session_wide):
        return url_of(_by_place[place])
    db = _new_name()
    _create(db, None if empty else _migrated_template(), session_wide=session_wide)
    _by_place[place] = db
    return url_of(db)


def copy_database(source: Target, folder: Path, name: str = "review.sqlite3") -> Target:
    """A private copy of a database a fixture built: a consistent SQLite copy (the backup API takes the WAL
    along), or ``CREATE DATABASE … TEMPLATE`` on PostgreSQL."""
    if not ON_POSTGRES:
        dst = folder / name
        src_con, dst_con = sqlite3.connect(_file(source)), sqlite3.connect(dst)
        try:
            src_con.backup(dst_con)
        finally:
            src_con.close()
            dst_con.close()
        return dst
    db = _new_name()
    template = make_url(str(source)).database
    assert template is not None
    _create(db, template)
    return url_of(db)


def _file(target: Target) -> str:
    """A SQLite database's file, from its path or its URL."""
    text_ = str(target)
    return str(make_url(text_).database) if "://" in text_ else text_


def raw_sql(target: Target, statement: str, *params: object) -> list[dict[str, object]]:
    """Run one statement beneath the application, as anyone with access to the database could (``?``
    placeholders on both databases), committed; the rows as dicts."""
    if not ON_POSTGRES:
        con = sqlite3.connect(_file(target))
        con.row_factory = sqlite3.Row
        try:
            with con:
                return [dict(r) for r in con.execute(statement, params).fetchall()]
        finally:
            con.close()
    import psycopg
    from psycopg.rows import dict_row

    libpq = make_url(str(target)).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(libpq, row_factory=dict_row) as con:
        cur = con.execute(statement.replace("?", "%s").encode(), params)  # type: ignore[arg-type]
        return list(cur.fetchall()) if cur.description else []


class WriteLockHolder:
    """Another program's connection that takes the application's write lock when told (SQLite ``BEGIN
    IMMEDIATE``; PostgreSQL the write path's advisory lock) and holds it until released."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self._sqlite: sqlite3.Connection | None = None
        self._pg: Any = None

    def acquire(self) -> WriteLockHolder:
        if not ON_POSTGRES:
            self._sqlite = sqlite3.connect(_file(self.target), isolation_level=None)
            self._sqlite.execute("BEGIN IMMEDIATE")
        else:
            import psycopg

            from reviewapp.storage.pg import WRITE_LOCK_KEY

            libpq = make_url(str(self.target)).set(drivername="postgresql").render_as_string(hide_password=False)
            self._pg = psycopg.connect(libpq)
            self._pg.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})".encode())
        return self

    def release(self) -> None:
        for con in (self._sqlite, self._pg):
            if con is not None:
                con.rollback()
                con.close()
        self._sqlite = self._pg = None

    def __enter__(self) -> WriteLockHolder:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


def write_lock_held(target: Target) -> bool:
    """Whether some connection holds the application's write lock on ``target`` right now."""
    if not ON_POSTGRES:
        con = sqlite3.connect(_file(target), timeout=0, isolation_level=None)
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError as exc:
            assert "locked" in str(exc)
            return True
        finally:
            con.close()
    from reviewapp.storage.pg import WRITE_LOCK_KEY

    rows = raw_sql(target, f"SELECT pg_try_advisory_xact_lock({WRITE_LOCK_KEY}) AS got")
    return not rows[0]["got"]


def raw_sqlite(target: Target) -> sqlite3.Connection:
    """The database file itself, for SQLite-only tests that look beneath the application."""
    assert not ON_POSTGRES, "a SQLite-only helper ran on PostgreSQL"
    return sqlite3.connect(str(target))


def finish_session() -> None:
    global _admin, _template
    if not ON_POSTGRES or _admin is None:
        return
    drop([*created, *_session_wide, *([_template] if _template else [])])
    created.clear()
    _session_wide.clear()
    _by_place.clear()
    _template = None
    _admin.dispose()
    _admin = None


def sqlite_dump(path: Path) -> list[str]:
    """Schema and every row of a SQLite file, to compare two files exactly. Like ``iterdump`` but without
    scanning virtual tables (a contentless FTS5 search index refuses that): their rows live in their shadow
    tables, which are dumped like any table."""
    from reviewapp.storage.db_files import COUNTED_TABLES

    con = sqlite3.connect(path)
    try:
        out = [f"{t} {n} {sql}" for t, n, sql in con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY 1, 2")]
        for (table,) in con.execute(COUNTED_TABLES).fetchall():
            out += [f"{table}: {row!r}" for row in con.execute(f'SELECT * FROM "{table}" ORDER BY 1')]
        return out
    finally:
        con.close()
