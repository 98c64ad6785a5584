"""Import a case export in a process of its own, so the application keeps none of the memory the import used.

A large import allocates hundreds of thousands of short-lived objects in the importing process. Freed, they
still cannot all be given back to the system: the compiled statements, type and mapper memos that the import's
first use of a code path creates are long-lived and land among them, and each keeps a memory arena of the
process from being returned (measured: +14 MB held after a 100 000-case import, +21 MB after 500 000, with
every cache the import fills cleared). The GUI therefore runs the whole import — the reading child
(intake/guard.py) included — in a child process that opens the same database as the same user and exits when
done: the application's own memory does not move, and a crash there cannot take the window with it.

The child runs :func:`reviewapp.services.cases.intake.import_cases`, the same service, through the same write
path, permission checks and audit trail; this process hears its progress, its waits for the write lock and its
change record (replayed to the workbench's listeners, so the views refresh as after an import here), and gets
its summary or its error. Cancelling asks the child to stop at its next chunk; its transaction rolls back.

``REVIEWAPP_IMPORT=inprocess`` imports in this process (profiling); an in-memory database cannot be shared with
another process and is always imported here.
"""

from __future__ import annotations

import logging
import os
import pickle
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from reviewapp.domain.roles import Action
from reviewapp.errors import KnownError
from reviewapp.i18n import current_language, set_language
from reviewapp.intake.errors import IntakeCancelled
from reviewapp.services.cases.intake import Cancel, ImportSummary, Progress, import_cases, release_memory
from reviewapp.services.workbench import Workbench

log = logging.getLogger(__name__)

IMPORT_ENV = "REVIEWAPP_IMPORT"
_POLL = 0.05


class ImportStats:
    """What the last import in a child measured (the import benchmark reads it): the child's peak resident
    memory and CPU time, and those of the reading child it started (its guard.ReadStats)."""

    peak_kb = 0
    cpu_seconds = 0.0
    reader_peak_kb = 0
    reader_cpu_seconds = 0.0


class ImportProcessFailed(RuntimeError):
    """The importing process failed in a way this process cannot name (a bug there, or it died): a bug here
    too, logged with what the child reported."""


def import_cases_apart(
    wb: Workbench,
    path: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    profile: Any = None,
) -> ImportSummary:
    """:func:`import_cases` in a child process; same arguments, result and errors."""
    wb.permissions.require_any(wb.user, Action.IMPORT_CASES)  # refused before a process is started
    if os.environ.get(IMPORT_ENV) == "inprocess" or not _shareable(wb):
        return import_cases(wb, path, progress=progress, cancel=cancel, profile=profile)
    from reviewapp.intake import guard

    ctx = guard._mp_context()
    receiver, sender = ctx.Pipe(duplex=False)
    stop = ctx.Event()
    target = (wb.db.url, str(wb.dossiers.root), wb.user, current_language(), os.getcwd(), dict(os.environ))
    proc = ctx.Process(target=_child, args=(sender, stop, target, str(path), profile), name="case-import")
    proc.start()
    sender.close()
    try:
        return _listen(wb, proc, receiver, stop, progress, cancel)
    finally:
        receiver.close()
        release_memory()  # what the messages from the child took here (the change record's ids, the summary)
        if proc.is_alive():  # this process is leaving on an error of its own: the child must not outlive it
            stop.set()
            proc.join(10)
            if proc.is_alive():
                proc.kill()
        proc.join()


def _shareable(wb: Workbench) -> bool:
    return not wb.db.is_sqlite or wb.db.sqlite_path is not None


def _listen(
    wb: Workbench, proc: Any, conn: Connection, stop: Any, progress: Progress | None, cancel: Cancel | None
) -> ImportSummary:
    while True:
        if (cancel is not None and cancel()) or wb.busy_cancel():  # the user cancelled, or gave up waiting
            stop.set()
        try:
            if not conn.poll(_POLL):
                if not proc.is_alive() and not conn.poll(0):
                    raise EOFError
                continue
            kind, payload = conn.recv()
        except (EOFError, OSError):  # the child closed its end without an answer: it died (a crash, killed)
            proc.join()
            raise ImportProcessFailed(
                f"the importing process ended without an answer (exit code {proc.exitcode})"
            ) from None
        if kind == "progress":
            if progress is not None:
                progress(*payload)
        elif kind == "busy":
            wb.report_busy(payload)
        elif kind == "changes":
            wb.changed(payload)  # the views refresh as after an import in this process
        elif kind == "done":
            summary: ImportSummary
            summary, *stats = payload
            ImportStats.peak_kb, ImportStats.cpu_seconds, ImportStats.reader_peak_kb = stats[:3]
            ImportStats.reader_cpu_seconds = stats[3]
            return summary
        elif kind == "cancelled":
            raise IntakeCancelled()
        elif kind == "error":
            raise payload
        else:  # "bug": the child's traceback, for the log
            raise ImportProcessFailed(f"the importing process failed:\n{payload}")


# --- the child ----------------------------------------------------------------------------------------------


def _child(conn: Connection, stop: Any, target: tuple[Any, ...], path: str, profile: Any) -> None:
    """Entry point of the importing process: open the database as the user, import, report, exit."""
    url, dossier_root, user, language, cwd, env = target
    # The forkserver was started with the environment of its time; the import runs in the application's
    # present one (its data, log and cache folders) and from its working folder, as the reader does.
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    try:
        from reviewapp.intake import guard
        from reviewapp.intake.guard import ReadStats, _peak_kb
        from reviewapp.paths import log_dir

        logging.basicConfig(filename=str(log_dir() / "reviewapp.log"), level=logging.INFO)
        guard.fork_readers_here()
        if language != current_language():
            set_language(language)
        from reviewapp.storage.database import open_database
        from reviewapp.storage.dossier_store import DossierStore

        # The application opened (and if need be upgraded) this database already: no migration here.
        wb = Workbench(db=open_database(url, migrate=False), dossiers=DossierStore(Path(dossier_root)), user=user)
        wb.subscribe(lambda record: conn.send(("changes", record)))
        wb.busy_listener = lambda waited: conn.send(("busy", waited))
        wb.busy_cancelled = stop.is_set
        summary = import_cases(
            wb,
            Path(path),
            progress=lambda done, total: conn.send(("progress", (done, total))),
            cancel=stop.is_set,
            profile=profile,
        )
        reader = (ReadStats.peak_kb, ReadStats.cpu_seconds)
        conn.send(("done", (summary, _peak_kb(), time.process_time(), *reader)))
    except IntakeCancelled:
        conn.send(("cancelled", None))
    except BaseException as exc:  # every failure is reported to the parent, never lost
        conn.send(_failure(exc))
    finally:
        conn.close()


def _failure(exc: BaseException) -> tuple[str, Any]:
    """A known error travels as itself (or as its message, if it cannot be rebuilt there); anything else is a
    bug and travels as its traceback."""
    if isinstance(exc, KnownError | OSError):
        try:
            copy = pickle.loads(pickle.dumps(exc))
            if type(copy) is type(exc) and str(copy) == str(exc):
                return "error", exc
        except Exception:  # an error class that does not pickle: its message still goes
            log.debug("error not picklable", exc_info=True)
        return "error", KnownError(str(exc))
    return "bug", "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
