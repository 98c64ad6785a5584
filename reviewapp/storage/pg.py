"""PostgreSQL as a shared server: the write lock, bounded waits, and connection failures as plain messages.

One writer at a time, as on SQLite: every write-path transaction first takes one transaction-scoped advisory
lock (``pg_advisory_xact_lock``), polling with a short ``lock_timeout`` so Database.write can report the wait
and honour cancel between attempts. The exceptions are an edit of a single review and the opening of a review
(write_path's ``one_review`` and ``one_case`` mutations): those take the lock in shared mode, so they run beside
each other but never beside any other writer, lock their review's (case's) row first, and serialise on the
audit chain's head row at the end.
Reads take no lock and never wait for writers (MVCC). Inside the write transaction ``lock_timeout`` bounds any
wait for a row another program locked, and ``statement_timeout`` any statement, so nothing waits forever; both
end in DatabaseBusy.

A connection that fails — wrong password, missing database, nothing listening — raises DatabaseUnreachable
with a plain message naming the server without its password; no message or log line carries a password.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from reviewapp.i18n import translate
from reviewapp.storage.db_files import DatabaseError

# The write lock's key: any constant shared by every client of one database (advisory locks are per database).
WRITE_LOCK_KEY = 7262026
# One attempt's wait for the write lock or a locked row: short, so the caller can report and honour cancel.
POLL_MS = 200
# The longest one statement of a write may run before it is stopped (a 100 000-case import takes ~10 s).
DEFAULT_STATEMENT_TIMEOUT = 600.0
# How long a new connection may take before the server counts as unreachable.
CONNECT_TIMEOUT_S = 10
# lock_not_available (lock_timeout), deadlock_detected, query_canceled (statement_timeout).
LOCK_CODES = ("55P03", "40P01", "57014")
# Connection-time failures: invalid_password, invalid_authorization_specification, invalid_catalog_name,
# too_many_connections, cannot_connect_now.
AUTH_CODES = ("28P01", "28000")
MISSING_DB_CODES = ("3D000",)


class DatabaseBusy(DatabaseError):
    """Another workstation or program held the write lock longer than the configured wait."""


class DatabaseUnreachable(DatabaseError):
    """The database server refused the connection or could not be reached."""


def busy_message() -> str:
    return translate(
        "Database",
        "The database is busy: another user or program is saving a large change. Nothing was saved; "
        "please try again in a moment.",
    )


def statement_timeout_seconds() -> float:
    try:
        return float(os.environ.get("REVIEWAPP_STATEMENT_TIMEOUT", DEFAULT_STATEMENT_TIMEOUT))
    except ValueError:
        return DEFAULT_STATEMENT_TIMEOUT


def engine_options(url: str) -> dict[str, Any]:
    if make_url(url).get_backend_name() != "postgresql":
        return {}
    # pre_ping: a connection the server dropped (restart, idle timeout) is replaced instead of failing a read.
    return {"pool_pre_ping": True, "connect_args": {"connect_timeout": CONNECT_TIMEOUT_S}}


def _sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return str(code) if code else None


def is_pg_lock_error(exc: BaseException) -> bool:
    return _sqlstate(exc) in LOCK_CODES


def begin(conn: Any) -> None:
    """The engine's "begin" hook: a write-path transaction takes the write lock before anything else (waiting
    at most ``busy_ms``; the migration passes a long wait, the write path a short poll). ``lock_mode`` "shared"
    takes it in shared mode. With ``hold_ms`` (the write path's wait bound, see bound_waits) the timeouts that
    apply once the lock is held are set in the same round trip: one message of plain statements, run in order,
    so the lock is taken under the short poll and a failure stops the rest."""
    options = conn.get_execution_options()
    if not options.get("write_path"):
        return
    take = "pg_advisory_xact_lock_shared" if options.get("lock_mode") == "shared" else "pg_advisory_xact_lock"
    statements = [
        f"SET LOCAL lock_timeout = '{int(options.get('busy_ms', POLL_MS))}ms'",
        f"SELECT {take}({WRITE_LOCK_KEY})",
    ]
    hold_ms = options.get("hold_ms")
    if hold_ms is not None:
        statements += [
            f"SET LOCAL lock_timeout = '{max(1, int(hold_ms))}ms'",
            f"SET LOCAL statement_timeout = '{max(1, int(statement_timeout_seconds() * 1000))}ms'",
        ]
    conn.exec_driver_sql("; ".join(statements))  # no parameters: the simple protocol, several statements


def bound_waits(
    session: Session,
    lock_wait: float,
    on_wait: Callable[[float], None] | None,
    cancel: Callable[[], bool] | None,
) -> None:
    """Once the write lock is held: no wait inside the transaction longer than ``lock_wait`` for a lock, nor a
    statement longer than the statement timeout (set by begin when the connection carried ``hold_ms``, else
    here). lock_rows reads the hooks to report and cancel its waits."""
    if session.connection().get_execution_options().get("hold_ms") is None:
        session.execute(text(f"SET LOCAL lock_timeout = '{max(1, int(lock_wait * 1000))}ms'"))
        session.execute(text(f"SET LOCAL statement_timeout = '{max(1, int(statement_timeout_seconds() * 1000))}ms'"))
    session.info["lock_wait"] = lock_wait
    session.info["on_wait"] = on_wait
    session.info["cancel"] = cancel


def lock_rows(session: Session, statement: Select[Any]) -> list[Any]:
    """``SELECT … FOR UPDATE`` inside the write path that waits for a row another program holds the way the
    write lock is waited for: reporting the wait, honouring cancel, DatabaseBusy after ``lock_wait``. On
    SQLite the write transaction already excludes every other writer: a plain SELECT."""
    if session.get_bind().dialect.name != "postgresql":
        return list(session.scalars(statement))
    lock_wait = float(session.info.get("lock_wait", 15.0))
    on_wait = session.info.get("on_wait")
    cancel = session.info.get("cancel")
    started = time.monotonic()
    while True:
        savepoint = session.begin_nested()
        try:
            session.execute(text(f"SET LOCAL lock_timeout = '{POLL_MS}ms'"))
            rows = list(session.scalars(statement.with_for_update()))
            savepoint.commit()
        except DBAPIError as exc:
            savepoint.rollback()
            if not is_pg_lock_error(exc):
                raise
            waited = time.monotonic() - started
            if waited >= lock_wait or (cancel is not None and cancel()):
                raise DatabaseBusy(busy_message()) from exc
            if on_wait is not None:
                on_wait(waited)
            continue
        session.execute(text(f"SET LOCAL lock_timeout = '{max(1, int(lock_wait * 1000))}ms'"))
        return rows


# --- connection failures ----------------------------------------------------------------------------------


def where(url: str) -> str:
    """The server and database as shown in messages: the URL with its password masked."""
    return make_url(url).render_as_string(hide_password=True)


def mask(message: str, url: str) -> str:
    """``message`` without the URL's password, however the driver quoted it."""
    password = make_url(url).password
    if password:
        message = message.replace(str(password), "***")
    return message


def raise_if_unreachable(exc: BaseException, url: str) -> None:
    """Raise DatabaseUnreachable when ``exc`` is a failed or lost connection to a PostgreSQL server."""
    if make_url(url).get_backend_name() != "postgresql" or not isinstance(exc, DBAPIError):
        return
    code = _sqlstate(exc)
    raw = str(getattr(exc, "orig", exc)).lower()
    server = where(url)
    user = make_url(url).username or ""
    if code in AUTH_CODES or "password authentication failed" in raw or "no password supplied" in raw:
        message = translate(
            "Database",
            "The database server {server} did not accept the user name {user} or its password. Check the "
            "connection address (REVIEWAPP_DB) with the server's administrator.",
        ).format(server=server, user=user)
    elif code in MISSING_DB_CODES or ("database" in raw and "does not exist" in raw):
        message = translate(
            "Database",
            "The database server has no database {name} ({server}). Ask its administrator to create it, or "
            "check the name in the connection address (REVIEWAPP_DB).",
        ).format(name=make_url(url).database or "", server=server)
    elif (
        exc.connection_invalidated
        or (code is None and isinstance(exc, OperationalError | InterfaceError))
        or (code is not None and (code.startswith("08") or code in ("53300", "57P03")))
    ):
        message = translate(
            "Database",
            "The database server {server} cannot be reached ({reason}). Check that it is running and that this "
            "computer may connect to it, then try again; nothing was saved.",
        ).format(server=server, reason=_reason(raw, url))
    else:
        return
    raise DatabaseUnreachable(message) from None


def _reason(raw: str, url: str) -> str:
    if "refused" in raw:
        return translate("Database", "connection refused: no server listens there")
    if "timeout" in raw or "timed out" in raw:
        return translate("Database", "no answer in time")
    if "could not translate host name" in raw or "name or service not known" in raw:
        return translate("Database", "unknown host name")
    if "too many" in raw:
        return translate("Database", "the server has too many connections")
    first = raw.strip().splitlines()[0] if raw.strip() else ""
    return mask(first, url)[:200]
