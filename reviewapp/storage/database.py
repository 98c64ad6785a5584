"""Engine and session setup, schema migrations, and the newer-version guard.

SQLite runs in WAL mode with foreign keys on; a URL (e.g. PostgreSQL) works unchanged. Two kinds of session:

- ``session()`` for reads: short, plain data out. A statement that changes data or schema through it is a bug
  and raises (WriteOutsidePath), so no mutation can go around the write path (services/write_path.py).
  Readers never wait for a writer in WAL mode; where SQLite makes them wait at all they wait READ_BUSY_MS.
- ``write()`` for the write path only: takes the write lock first (SQLite ``BEGIN IMMEDIATE``; PostgreSQL a
  transaction-scoped advisory lock, so one writer at a time on both and every read-then-write in a mutation —
  the audit chain's head, serials, find-or-create, replacing results — means the same on both), retrying while
  another connection holds it and reporting the wait, then a plain DatabaseBusy after ``lock_wait`` seconds —
  never the bug apology. ``write(shared=True)`` is for edits confined to one review or one case (write_path's
  ``one_review``, ``one_case``): on PostgreSQL they hold the lock in shared mode — beside each other, never
  beside another writer — and serialise on the review's (case's) row and the audit chain's head instead; on
  SQLite nothing changes.
  On PostgreSQL ``lock_timeout`` and ``statement_timeout`` bound every wait inside the transaction too (a row
  another program locked: storage/pg.py ``lock_rows``).

Migrations run under the same lock (two processes opening an empty database at once: one migrates, the other
waits and finds it done) in one transaction with SQLite's transactional DDL: an upgrade that fails or is
killed half-way leaves the file as it was (drills/upgrade_drill.py kills upgrades at random moments).

Before the engine touches a SQLite file it is looked at read-only (storage/db_files.py): a file that is not a
database of a known revision is refused with a plain message and left byte-for-byte as it was. An older file
is backed up — copied, flushed, verified, then renamed — before it is upgraded; PostgreSQL with pg_dump.
"""

from __future__ import annotations

import os
import random
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from reviewapp.i18n import translate
from reviewapp.storage import pg
from reviewapp.storage.db_files import (
    BackupFailed,
    DatabaseError,
    SchemaTooNewError,
    UnknownSchemaError,
    backup_postgres,
    backup_sqlite,
    inspect_sqlite_file,
    refuse_revision,
)

__all__ = ["BackupFailed", "DatabaseError", "SchemaTooNewError", "UnknownSchemaError"]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

if TYPE_CHECKING:  # Alembic (a large import) loads only when the schema is not current, or when asked
    from alembic.config import Config
    from alembic.script import ScriptDirectory


DatabaseBusy = pg.DatabaseBusy
DatabaseUnreachable = pg.DatabaseUnreachable


class WriteOutsidePath(RuntimeError):
    """A bug: a statement that changes data ran outside the write path."""


# How long a write waits for another connection's lock before it gives up with DatabaseBusy.
DEFAULT_LOCK_WAIT = 15.0
# SQLite's own wait inside one attempt of the write path: short, so the retry loop can report the wait and
# honour cancel between attempts.
WRITE_POLL_MS = 200
# Reads in WAL mode practically never wait; when they do (WAL recovery, or a file that could not switch to
# WAL, where a reader meets a committing writer) they wait this long rather than fail.
READ_BUSY_MS = 5000
# A second process opening a database that is being upgraded waits this long for the upgrade to finish.
MIGRATION_WAIT_MS = 120_000
# Statement heads that change data or schema: refused outside the write path. A CTE ("WITH …") is checked
# for a data-changing statement inside.
_WRITE_WORDS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")
_CTE_WRITE = re.compile(r"\b(INSERT\s+(OR\s+\w+\s+)?INTO|REPLACE\s+INTO|DELETE\s+FROM|UPDATE\s+\S+\s+SET)\b", re.I)


def lock_wait_seconds() -> float:
    try:
        return float(os.environ.get("REVIEWAPP_LOCK_WAIT", DEFAULT_LOCK_WAIT))
    except ValueError:
        return DEFAULT_LOCK_WAIT


def is_lock_error(exc: BaseException) -> bool:
    """SQLite "database is locked"/"busy"; PostgreSQL lock_not_available (55P03, lock_timeout),
    deadlock_detected (40P01) or query_canceled (57014, statement_timeout) — psycopg 3 names the code
    ``sqlstate``, psycopg2 ``pgcode``."""
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, sqlite3.OperationalError):
        text_ = str(orig).lower()
        return "locked" in text_ or "busy" in text_
    return pg.is_pg_lock_error(orig)


busy_message = pg.busy_message


def to_url(target: str | Path) -> str:
    """Accept a file path or a SQLAlchemy URL (so a shared PostgreSQL server needs no code change)."""
    text = str(target)
    if "://" in text:
        return text.replace("postgresql://", "postgresql+psycopg://", 1) if text.startswith("postgresql://") else text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is off: SQLAlchemy's "begin" event emits BEGIN itself, so the
    # write path can ask for BEGIN IMMEDIATE and DDL is transactional (SQLAlchemy's documented pysqlite recipe).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout={READ_BUSY_MS}")
        _enter_wal(cur)
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no committed transaction
    finally:
        cur.close()


def _enter_wal(cur: sqlite3.Cursor) -> None:
    """Switch to WAL, retrying: the switch needs the file to itself, and when several processes open a new
    file at once SQLite answers "database is locked" at once instead of waiting (waiting could deadlock two
    readers that both want to upgrade), whatever the busy timeout (measured: 1 in 5 two-process starts)."""
    deadline = time.monotonic() + READ_BUSY_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL").fetchall()
            return
        except sqlite3.OperationalError as exc:
            if not is_lock_error(exc) or time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.005, 0.03))


def _sqlite_begin(conn: Any) -> None:
    # busy_timeout is per connection and the pool hands one connection to reads and writes alike, so each
    # transaction sets its own: short polls for the write path's retry loop, a patient wait for reads.
    options = conn.get_execution_options()
    if options.get("write_path"):
        conn.exec_driver_sql(f"PRAGMA busy_timeout={int(options.get('busy_ms', WRITE_POLL_MS))}")
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql(f"PRAGMA busy_timeout={READ_BUSY_MS}")
        conn.exec_driver_sql("BEGIN")


def _refuse_stray_writes(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    if conn.get_execution_options().get("write_path"):
        return
    head = statement.lstrip()[:8].upper()
    if head.startswith(_WRITE_WORDS) or (head.startswith("WITH") and _CTE_WRITE.search(statement)):
        raise WriteOutsidePath(f"a write outside the write path: {statement[:80]}")


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    chain = light_chain()  # the version files' own lines; Alembic only when they do not read as one chain
    if chain is not None:
        return chain[1]
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


_REVISION_LINE = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:"([^"]*)"|'([^']*)'|None)""", re.M)


def light_chain() -> tuple[list[str], str] | None:
    """The known revisions and the head, read from the version files' ``revision`` / ``down_revision`` lines
    without Alembic, whose import and script loading were a large part of every start. None when the files
    do not read as one straight chain: then Alembic decides (a test keeps both views equal)."""
    parents: dict[str, str | None] = {}
    for path in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py"):
        found = {m[1]: m[2] or m[3] or None for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8"))}
        if not found.get("revision") or "down_revision" not in found:
            return None
        parents[str(found["revision"])] = found["down_revision"]
    heads = set(parents) - set(parents.values())
    if len(heads) != 1 or list(parents.values()).count(None) != 1:
        return None
    return sorted(parents), heads.pop()


def _stored_revision(db: Database) -> str | None:
    """The schema revision stored in the database, read with plain SQL (None: none, or not readable)."""
    try:
        with db.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except DBAPIError:
        return None


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    write_sessions: sessionmaker[Session]
    backup_path: Path | None = None
    lock_wait: float = DEFAULT_LOCK_WAIT
    # The revision this process upgraded from ("" for an empty database); None when it ran no migration
    # (schema already current, or another process upgraded it while this one waited).
    migrated_from: str | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        url = make_url(self.url)
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            return Path(url.database)
        return None

    def shed_caches(self) -> None:
        """Close the idle pooled connections of a SQLite file: each keeps a page cache (SQLite's default, up to
        2 MB) that a large import or read filled, and the next use opens a fresh connection in about a
        millisecond. Connections in use stay open. A server keeps its caches on the server: nothing to do."""
        if self.sqlite_path is not None:
            self.engine.dispose(close=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short read: plain data out. Writes through it raise WriteOutsidePath. Never share across threads."""
        with self.sessions() as s, s.begin():
            yield s

    @contextmanager
    def write(
        self,
        on_wait: Callable[[float], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        *,
        shared: bool = False,
    ) -> Iterator[Session]:
        """The write path's transaction: the write lock is taken before anything is read, so the work inside
        sees a stable database. While another connection holds the lock this retries, calling ``on_wait``
        with the seconds waited so far; after ``lock_wait`` seconds (or when ``cancel()``) it raises
        DatabaseBusy. Commits on success, rolls back on any error. ``shared``: PostgreSQL takes the lock in
        shared mode (the caller serialises on the rows it edits; module docstring)."""
        started = time.monotonic()
        options = {"lock_mode": "shared" if shared else "exclusive", "hold_ms": self.lock_wait * 1000}
        while True:
            session = self.write_sessions()
            try:
                session.begin()
                session.connection(execution_options=options)  # BEGIN IMMEDIATE / the advisory lock happens here
                if not self.is_sqlite:
                    pg.bound_waits(session, self.lock_wait, on_wait, cancel)
                break
            except (OperationalError, DBAPIError) as exc:
                session.close()
                waited = time.monotonic() - started
                if not is_lock_error(exc):
                    pg.raise_if_unreachable(exc, self.url)
                    raise
                if waited >= self.lock_wait or (cancel is not None and cancel()):
                    raise DatabaseBusy(busy_message()) from exc
                if on_wait is not None:
                    on_wait(waited)
                time.sleep(0.05)
        try:
            yield session
            session.commit()
        except (OperationalError, DBAPIError) as exc:
            session.rollback()
            if is_lock_error(exc):
                raise DatabaseBusy(busy_message()) from exc
            pg.raise_if_unreachable(exc, self.url)
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def unchecked_session(self) -> Iterator[Session]:
        """Writes outside the write path: only for test fixtures that build odd stored states by hand."""
        with self.write() as s:
            yield s

    def close(self) -> None:
        self.engine.dispose()


def open_database(target: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and bring the schema to the current version.

    Refuses a database written by a newer version of the app, and backs up an older SQLite file before upgrading.
    """
    url = to_url(target)
    parsed = make_url(url)
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if is_sqlite and parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        if migrate:
            # Before the engine's first connection switches the file to WAL (rewriting its header).
            chain = light_chain()
            if chain is None:
                from alembic.script import ScriptDirectory

                script = ScriptDirectory.from_config(_alembic_config())
                chain = [rev.revision for rev in script.walk_revisions()], head_revision()
            inspect_sqlite_file(Path(parsed.database), *chain)
    engine = create_engine(url, future=True, **pg.engine_options(url))
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "begin", pg.begin)
    event.listen(engine, "before_cursor_execute", _refuse_stray_writes)
    writer = engine.execution_options(write_path=True)
    db = Database(
        url=url,
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        write_sessions=sessionmaker(writer, expire_on_commit=False),
        lock_wait=lock_wait_seconds(),
    )
    try:
        if migrate:
            _migrate(db)
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        if is_lock_error(exc):
            raise DatabaseBusy(busy_message()) from exc
        pg.raise_if_unreachable(exc, url)
        if isinstance(getattr(exc, "orig", None), sqlite3.DatabaseError):
            # e.g. a file damaged after it was looked at: a plain message, not the bug apology
            raise DatabaseError(
                translate("Database", "The database {db} cannot be opened: {reason}").format(
                    db=parsed.database, reason=exc.orig
                )
            ) from exc
        raise
    except BaseException:
        engine.dispose()
        raise
    return db


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _migrate(db: Database) -> None:
    chain = light_chain()
    if chain is not None and _stored_revision(db) == chain[1]:
        return  # current: the usual start, without loading Alembic
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    if current_revision(db) == head:
        return
    if db.is_sqlite:
        _migrate_sqlite(db, cfg, script, head)
        return
    # PostgreSQL: under the write lock (storage/pg.py begin), so one migrator at a time across every client;
    # the others wait, then find it done. PostgreSQL's DDL is transactional: a failed upgrade changes nothing.
    with db.engine.connect().execution_options(write_path=True, busy_ms=MIGRATION_WAIT_MS) as conn, conn.begin():
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        _refuse_unknown(db, script, current)
        if current is not None:
            db.backup_path = backup_postgres(db.url, current, _backup_folder())
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        db.migrated_from = current or ""


def _refuse_unknown(db: Database, script: ScriptDirectory, current: str | None) -> None:
    where = db.sqlite_path or make_url(db.url).render_as_string(hide_password=True)
    head = script.get_current_head()
    assert head is not None
    refuse_revision(where, current, (rev.revision for rev in script.walk_revisions()), head)


def _backup_folder() -> Path:
    return Path(os.environ.get("REVIEWAPP_BACKUP_DIR") or Path.home() / "reviewapp-backups")


def _migrate_sqlite(db: Database, cfg: Config, script: ScriptDirectory, head: str | None) -> None:
    """One transaction under the write lock: a second process waits here, then finds the schema current.
    Foreign keys are off during the upgrade (SQLite's procedure for table rebuilds) and checked before commit.
    With the driver's transaction handling off, the DDL is part of that transaction: an upgrade that fails
    leaves the file as it was."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect().execution_options(write_path=True, busy_ms=MIGRATION_WAIT_MS) as conn:
        raw = conn.connection.driver_connection  # outside any transaction: foreign_keys is a no-op inside one
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():  # BEGIN IMMEDIATE, waiting up to MIGRATION_WAIT_MS for another migrator
                current = MigrationContext.configure(conn).get_current_revision()
                if current == head:
                    return
                _refuse_unknown(db, script, current)
                path = db.sqlite_path
                if current is not None and path is not None and path.exists():
                    db.backup_path = backup_sqlite(path, current)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError(
                        translate("Database", "The upgrade left {n} broken references; nothing was changed.").format(
                            n=len(broken)
                        )
                    )
                db.migrated_from = current or ""
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
