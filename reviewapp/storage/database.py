"""Engine and session setup, schema migrations, and the newer-version guard.

SQLite runs in WAL mode with foreign keys on and a busy timeout; a URL (e.g. PostgreSQL) works unchanged.
Every upgrade of an existing SQLite file is preceded by a backup copy next to it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from reviewapp.i18n import translate

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseError(Exception):
    """A known database problem, with a message for the user."""


class SchemaTooNewError(DatabaseError):
    pass


def to_url(target: str | Path) -> str:
    """Accept a file path or a SQLAlchemy URL (so a shared PostgreSQL server needs no code change)."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no committed transaction
    cur.close()


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None

    @property
    def sqlite_path(self) -> Path | None:
        url = make_url(self.url)
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            return Path(url.database)
        return None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error. Never share across threads."""
        with self.sessions() as s, s.begin():
            yield s

    def close(self) -> None:
        self.engine.dispose()


def _backup_sqlite(path: Path, revision: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{revision or 'none'}-{stamp}")
    # The sqlite backup API copies a consistent snapshot, WAL included.
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def open_database(target: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and bring the schema to the current version.

    Refuses a database written by a newer version of the app, and backs up an older SQLite file before upgrading.
    """
    url = to_url(target)
    parsed = make_url(url)
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if is_sqlite and parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
    db = Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
    try:
        if migrate:
            _migrate(db)
    except Exception:
        engine.dispose()
        raise
    return db


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _migrate(db: Database) -> None:
    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    current = current_revision(db)
    if current == head:
        return
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise SchemaTooNewError(
            translate(
                "Database",
                "The database {db} was written by a newer version of this application (schema {rev}). "
                "Please update the application; the database was not changed.",
            ).format(db=db.sqlite_path or db.url, rev=current)
        )
    path = db.sqlite_path
    if current is not None and path is not None and path.exists():
        db.backup_path = _backup_sqlite(path, current)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
