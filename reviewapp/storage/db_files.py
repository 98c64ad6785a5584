"""Looking at a database file before opening it, and the pre-upgrade backup.

Opening a SQLite file through the engine switches it to WAL, which rewrites its header. So the file is first
looked at read-only: anything that is not a database of a known revision is refused with one plain message and
left byte-for-byte as it was (a workbook or text file picked by mistake, an empty file, tables without a
version row or with several, a revision this version does not know, a newer schema).

A backup is written to a temporary name, flushed to disk, verified (it opens, passes integrity_check, holds the
same revision and the same number of rows in every table) and only then renamed to its backup name, so a file
under a backup name is always a complete copy. A backup that cannot be made stops the upgrade.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from reviewapp.errors import KnownError
from reviewapp.i18n import translate

SQLITE_MAGIC = b"SQLite format 3\x00"
BACKUP_MARK = ".backup-"
PARTIAL_MARK = ".partial-backup-"
# A brand-new file is empty for the moment between another process creating it and writing its header.
EMPTY_GRACE_SECONDS = 2.0


class DatabaseError(KnownError):
    """A known database problem, with a message for the user."""


class SchemaTooNewError(DatabaseError):
    pass


class UnknownSchemaError(DatabaseError):
    pass


class BackupFailed(DatabaseError):
    pass


def _not_a_database(path: Path) -> DatabaseError:
    return DatabaseError(
        translate(
            "Database",
            "{db} is not a database of this application (it may be a workbook or another file). It was not changed.",
        ).format(db=path)
    )


def _has_wal_content(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _wait_while_empty(path: Path) -> bool:
    """True once the file (or its write-ahead log) has content; False if it stays empty."""
    deadline = time.monotonic() + EMPTY_GRACE_SECONDS
    while True:
        try:
            if path.stat().st_size > 0 or _has_wal_content(path):
                return True
        except OSError:
            return False
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def is_newer_revision(revision: str, head: str) -> bool:
    """Revisions are numbered ("0005"): only a higher number is from a newer version of the application."""
    return revision.isdigit() and head.isdigit() and int(revision) > int(head)


def refuse_revision(where: object, revision: str | None, known: Iterable[str], head: str) -> None:
    """Raise the plain message for a revision this version cannot work with."""
    if revision is None or revision in set(known):
        return
    if is_newer_revision(revision, head):
        raise SchemaTooNewError(
            translate(
                "Database",
                "The database {db} was written by a newer version of this application (schema {rev}). "
                "Please update the application; the database was not changed.",
            ).format(db=where, rev=revision)
        )
    raise UnknownSchemaError(
        translate(
            "Database",
            "The database {db} has a schema revision this application does not know ({rev}); it was not written "
            "by any version of this application. The database was not changed.",
        ).format(db=where, rev=revision)
    )


def inspect_sqlite_file(path: Path, known: Iterable[str], head: str) -> None:
    """Refuse, without changing a byte, a file that cannot be opened as this application's database.

    A missing file, or a SQLite file without any table, is fine: it becomes a new database."""
    if not path.exists():
        return
    if not path.is_file():
        raise _not_a_database(path)
    if path.stat().st_size == 0 and not _has_wal_content(path) and not _wait_while_empty(path):
        raise DatabaseError(
            translate(
                "Database",
                "{db} is an empty file, not a database. It was not changed; to start a new database choose a name "
                "that does not exist yet.",
            ).format(db=path)
        )
    if path.stat().st_size > 0:
        with path.open("rb") as f:
            if f.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                raise _not_a_database(path)
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return  # cannot even look (e.g. no permission): the ordinary open reports it
    try:
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return
        if "alembic_version" not in tables:
            raise DatabaseError(
                translate(
                    "Database",
                    "{db} holds tables but no schema version, so it is not a database of this application (or it "
                    "was damaged). It was not changed.",
                ).format(db=path)
            )
        rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            return  # another process is writing it: the ordinary open waits for it
        raise _not_a_database(path) from exc
    except sqlite3.DatabaseError as exc:
        raise _not_a_database(path) from exc
    finally:
        con.close()
    if len(rows) != 1:
        raise DatabaseError(
            translate(
                "Database",
                "{db} has {n} schema version entries instead of one, so its state is unclear (it may have been "
                "edited by hand or damaged). It was not changed.",
            ).format(db=path, n=len(rows))
        )
    refuse_revision(path, str(rows[0][0]), known, head)


# --- backups ---------------------------------------------------------------------------------------------


# Ordinary tables only: a virtual table (the search indexes' FTS5 tables) stores its rows in shadow tables, which
# are counted; a contentless FTS5 table refuses to be scanned at all.
COUNTED_TABLES = (
    "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
)


def _row_counts(con: sqlite3.Connection) -> dict[str, int]:
    names = [n for (n,) in con.execute(COUNTED_TABLES)]
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def verify_backup(path: Path, revision: str, counts: dict[str, int]) -> str | None:
    """None when ``path`` is a complete copy; else why not (in English, for the message and the log)."""
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return f"cannot open the copy: {exc}"
    try:
        check = con.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            return f"integrity check: {check[:3]}"
        rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
        if rows != [(revision,)]:
            return f"revision {rows} instead of {revision}"
        copied = _row_counts(con)
        if copied != counts:
            return "row counts differ"
        return None
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        con.close()


def partial_backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}{PARTIAL_MARK}*"))


def backup_sqlite(path: Path, revision: str) -> Path:
    """A verified copy of ``path`` next to it, named ``<name>.backup-<revision>-<time>``.

    Called under the upgrade's write lock, so any partial backup still lying about is from a process that was
    killed while writing one: it is removed first."""
    for stale in partial_backups(path):
        stale.unlink(missing_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    final = path.with_name(f"{path.name}{BACKUP_MARK}{revision}-{stamp}")
    tmp = path.with_name(f"{path.name}{PARTIAL_MARK}{os.getpid()}")
    try:
        src = sqlite3.connect(str(path))
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)  # a consistent snapshot, write-ahead log included
                # A backup is one self-contained file: no write-ahead log beside it.
                dst.execute("PRAGMA journal_mode=DELETE").fetchall()
            finally:
                dst.close()
            counts = _row_counts(src)
        finally:
            src.close()
        _fsync(tmp)
        problem = verify_backup(tmp, revision, counts)
        if problem is not None:
            raise OSError(problem)
        os.replace(tmp, final)
        _fsync(path.parent)
    except (OSError, sqlite3.Error) as exc:
        for leftover in partial_backups(path):
            leftover.unlink(missing_ok=True)
        raise BackupFailed(
            translate(
                "Database",
                "The backup of {db} before the upgrade could not be written ({reason}). The database was not "
                "upgraded and was not changed; free some disk space or check the folder's permissions.",
            ).format(db=path, reason=exc)
        ) from exc
    return final


PG_BACKUP_DONE_ENV = "REVIEWAPP_PG_BACKUP_DONE"


def backup_postgres(url: str, revision: str, folder: Path) -> Path | None:
    """A ``pg_dump`` of the database before its upgrade, verified by ``pg_restore --list``.

    Without pg_dump the upgrade is refused with instructions, unless the administrator states (environment
    variable REVIEWAPP_PG_BACKUP_DONE=1) that they made a backup themselves; then None."""
    from sqlalchemy.engine import make_url

    pg_dump, pg_restore = shutil.which("pg_dump"), shutil.which("pg_restore")
    if pg_dump is None or pg_restore is None:
        if os.environ.get(PG_BACKUP_DONE_ENV) == "1":
            return None
        raise BackupFailed(
            translate(
                "Database",
                "The database must be upgraded, but pg_dump was not found to back it up first, so nothing was "
                "changed. Install the PostgreSQL client tools (pg_dump, pg_restore) on this computer, or back up "
                "the database yourself and start the application once with {env}=1.",
            ).format(env=PG_BACKUP_DONE_ENV)
        )
    parsed = make_url(url)
    # The password travels in the child's environment, never on its command line (visible to every user of
    # the computer) nor in a message.
    libpq = parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = make_url(url).database or "database"
    final = folder / f"{name}{BACKUP_MARK}{revision}-{stamp}.dump"
    tmp = folder / f"{name}{PARTIAL_MARK}{os.getpid()}.dump"
    try:
        dumped = subprocess.run([pg_dump, "--format=custom", f"--file={tmp}", libpq], capture_output=True, env=env)
        if dumped.returncode != 0:
            raise OSError(dumped.stderr.decode(errors="replace").strip()[:300] or f"pg_dump: {dumped.returncode}")
        _fsync(tmp)
        listing = subprocess.run([pg_restore, "--list", str(tmp)], check=True, capture_output=True, text=True)
        if tmp.stat().st_size == 0 or "alembic_version" not in listing.stdout:
            raise OSError("the dump is empty or lacks the schema version")
        os.replace(tmp, final)
        _fsync(folder)
    except (OSError, subprocess.CalledProcessError) as exc:
        tmp.unlink(missing_ok=True)
        reason = str(exc).replace(str(parsed.password), "***") if parsed.password else str(exc)
        raise BackupFailed(
            translate(
                "Database",
                "The backup of {db} before the upgrade could not be written ({reason}). The database was not "
                "upgraded and was not changed; free some disk space or check the folder's permissions.",
            ).format(db=name, reason=reason)
        ) from None
    return final
