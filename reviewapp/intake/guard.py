"""Read an export in a child process, so a hostile file can never take the application down with it.

The workbook readers are native code (python-calamine is Rust). Mutated files made them abort the whole
process (SIGABRT: a panic inside a panic, or an allocation the size of a forged sheet dimension), which no
``try`` can catch, and one file pushed the import past 1.4 GB. So every export is parsed — read *and*
turned into case cards — in a child process that runs under an address-space limit
(``RLIMIT_AS``, POSIX) and a wall-clock limit. A child that dies, runs out of memory or takes too long
becomes one plain :class:`IntakeFileError`; what the reader printed is kept in the log folder.

Why the whole parse and not a guarded pre-read: a pre-read only for files that look suspicious misses the
files that do not look suspicious, and a pre-read of every file still runs the native reader a second time
in this process. Parsing in the child keeps the native code out of this process altogether; the price is
sending the parsed cards back, in chunks, so the child pickles one chunk while this process loads the last
(measured in the README, "Crash safety").

On Linux the child is forked from a forkserver that has the intake modules loaded (a start costs
milliseconds); on Windows it is spawned. ``REVIEWAPP_READER=inprocess`` reads in this process (profiling).
"""

from __future__ import annotations

import gc
import io
import logging
import multiprocessing
import os
import pickle
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from reviewapp.i18n import current_language, set_language
from reviewapp.intake.errors import FileProblem, IntakeCancelled, IntakeFileError

log = logging.getLogger(__name__)

READER_ENV = "REVIEWAPP_READER"
MEMORY_ENV = "REVIEWAPP_READ_MEMORY_MB"
TIMEOUT_ENV = "REVIEWAPP_READ_TIMEOUT"
CHUNK_CASES = 2000
# The address space a read may use: a base for the interpreter, the reader and its threads, plus room
# for the file's content (a 100 000-case export of 32 MB peaks near 1.6 GB resident), capped.
MEMORY_BASE = 1024 << 20
MEMORY_PER_BYTE = 80
MEMORY_CAP = 6144 << 20
# Wall-clock limit: generous for an old PC (a 32 MB export parses in ~5 s here), never unlimited.
TIMEOUT_BASE = 60.0
TIMEOUT_PER_MB = 6.0
_POLL = 0.05

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


def memory_limit(size: int) -> int:
    """Bytes of address space the child may use for a file of ``size`` bytes (env override in MB)."""
    override = os.environ.get(MEMORY_ENV)
    if override:
        return int(override) << 20
    return min(MEMORY_CAP, MEMORY_BASE + MEMORY_PER_BYTE * size)


def time_limit(size: int) -> float:
    override = os.environ.get(TIMEOUT_ENV)
    if override:
        return float(override)
    return TIMEOUT_BASE + TIMEOUT_PER_MB * size / 1e6


_context: Any = None


def _mp_context() -> Any:
    global _context
    if _context is None:
        if "forkserver" in multiprocessing.get_all_start_methods():
            _context = multiprocessing.get_context("forkserver")
            _context.set_forkserver_preload(["reviewapp.intake.reader_preload"])
        else:
            _context = multiprocessing.get_context("spawn")
    return _context


# --- the child ----------------------------------------------------------------------------------------


def _peak_kb() -> int:
    """Peak resident memory of this process in KiB (0 where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _child(conn: Connection, path: str, cwd: str, env: dict[str, str], language: str, limit: int, log: str) -> None:
    """Entry point of the reading process: parse, send the result back in chunks, exit."""
    log_fd = os.open(log, os.O_WRONLY | os.O_APPEND)
    os.dup2(log_fd, 2)  # what the native reader prints on its way down goes to the kept log
    os.close(log_fd)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    if language != current_language():
        set_language(language)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # Windows has no RLIMIT_AS; the time limit still holds
        pass
    from reviewapp.intake.parse import read_export_here

    try:
        parsed = read_export_here(Path(path), progress=lambda done, total: conn.send(("progress", done, total)))
        cases, parsed.cases = parsed.cases, []
        gc.disable()  # pickling allocates nothing worth collecting, and this process ends after sending
        conn.send(("head", parsed, len(cases), _peak_kb()))
        for start in range(0, len(cases), CHUNK_CASES):
            buffer = io.BytesIO()
            pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
            # No memo: the cards hold no shared or cyclic objects, and the memo doubles the pickling time.
            pickler.fast = True
            pickler.dump(cases[start : start + CHUNK_CASES])
            conn.send_bytes(buffer.getbuffer())
        conn.send(("done",))
        conn.close()
        # Skip freeing a million objects one by one on the way out: the parent is waiting for this exit.
        os._exit(0)
    except IntakeFileError as exc:
        conn.send(("file_error", exc.problem.value, exc.detail, _peak_kb()))
    except MemoryError:
        conn.send(("memory", _peak_kb()))
    except BaseException:  # a reader bug (e.g. a Rust panic surfacing as PanicException): report, not crash
        conn.send(("bug", traceback.format_exc(), _peak_kb()))
    finally:
        conn.close()


# --- this process ---------------------------------------------------------------------------------------


class ReadStats:
    """What the last guarded read measured (the fuzz harness reads it): the child's peak and its exit."""

    peak_kb = 0
    exitcode: int | None = None
    limit = 0
    failure = ""  # "", "died" (native crash or killed), "bug" (an exception the reader did not expect),
    # "memory", "timeout"


def _keep_log(path: Path, log_file: Path, why: str) -> Path:
    """Move the child's output into the log folder beside a line saying which file and why."""
    from reviewapp.paths import log_dir

    kept = log_dir() / f"reader-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"
    output = log_file.read_text(encoding="utf-8", errors="replace") if log_file.exists() else ""
    kept.write_text(f"file: {path}\n{why}\n\n{output}", encoding="utf-8")
    log.error("reading %s failed (%s); reader output kept in %s", path, why, kept)
    return kept


def read_in_child(path: Path, progress: ProgressFn | None, cancel: CancelFn | None) -> Any:
    """Parse ``path`` in a child process; returns its ParsedExport (see parse.read_export)."""
    if os.environ.get(READER_ENV) == "inprocess":
        from reviewapp.intake.parse import read_export_here

        return read_export_here(path, progress=progress, cancel=cancel)
    if cancel is not None and cancel():
        raise IntakeCancelled()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IntakeFileError(path, FileProblem.UNREADABLE, exc.strerror or str(exc)) from exc
    limit, deadline = memory_limit(size), time.monotonic() + time_limit(size)
    ReadStats.peak_kb, ReadStats.exitcode, ReadStats.limit, ReadStats.failure = 0, None, limit, ""
    ctx = _mp_context()
    fd, log_name = tempfile.mkstemp(prefix="reviewapp-reader-", suffix=".log")
    log_file = Path(log_name)
    receiver, sender = ctx.Pipe(duplex=False)
    os.close(fd)
    args = (sender, str(path), os.getcwd(), dict(os.environ), current_language(), limit, log_name)
    proc = ctx.Process(target=_child, args=args, daemon=True, name="export-reader")
    try:
        proc.start()
        sender.close()
        return _receive(path, proc, receiver, progress, cancel, deadline, log_file)
    finally:
        receiver.close()
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        ReadStats.exitcode = proc.exitcode
        log_file.unlink(missing_ok=True)


def _receive(
    path: Path,
    proc: Any,
    conn: Connection,
    progress: ProgressFn | None,
    cancel: CancelFn | None,
    deadline: float,
    log_file: Path,
) -> Any:
    while True:
        if cancel is not None and cancel():
            raise IntakeCancelled()
        if time.monotonic() > deadline:
            ReadStats.failure = "timeout"
            _keep_log(path, log_file, "timed out")
            raise IntakeFileError(path, FileProblem.TIMED_OUT)
        try:
            ready = conn.poll(_POLL)
            message = conn.recv() if ready else None
        except (EOFError, OSError):
            message, ready = None, False
        if message is None:
            if not ready and proc.is_alive():
                continue
            proc.join(1)
            ReadStats.failure = "died"
            why = f"reader process ended with exit code {proc.exitcode}"
            kept = _keep_log(path, log_file, why)
            output = kept.read_text(encoding="utf-8", errors="replace")
            if "memory allocation of" in output:  # Rust's allocation-failure message before it aborts
                raise IntakeFileError(path, FileProblem.TOO_LARGE, why)
            raise IntakeFileError(path, FileProblem.READER_FAILED, str(kept))
        kind = message[0]
        if kind == "progress":
            if progress is not None:
                progress(message[1], message[2])
        elif kind == "head":
            ReadStats.peak_kb = message[3]
            return _collect(path, conn, message[1], message[2], cancel, deadline, log_file)
        elif kind == "file_error":
            ReadStats.peak_kb = message[3]
            raise IntakeFileError(path, FileProblem(message[1]), message[2])
        elif kind == "memory":
            ReadStats.peak_kb, ReadStats.failure = message[1], "memory"
            _keep_log(path, log_file, "out of memory")
            raise IntakeFileError(path, FileProblem.TOO_LARGE)
        else:  # "bug"
            ReadStats.peak_kb, ReadStats.failure = message[2], "bug"
            kept = _keep_log(path, log_file, message[1])
            raise IntakeFileError(path, FileProblem.READER_FAILED, str(kept))


def _collect(
    path: Path, conn: Connection, parsed: Any, count: int, cancel: CancelFn | None, deadline: float, log_file: Path
) -> Any:
    cases: list[Any] = []
    try:
        while len(cases) < count:
            while not conn.poll(_POLL):
                if cancel is not None and cancel():
                    raise IntakeCancelled()
                if time.monotonic() > deadline:
                    _keep_log(path, log_file, "timed out while sending")
                    raise IntakeFileError(path, FileProblem.TIMED_OUT)
            cases.extend(pickle.loads(conn.recv_bytes()))
        conn.recv()  # ("done",)
    except (EOFError, OSError, pickle.UnpicklingError) as exc:
        ReadStats.failure = "died"
        kept = _keep_log(path, log_file, f"reader process stopped while sending: {exc!r}")
        raise IntakeFileError(path, FileProblem.READER_FAILED, str(kept)) from exc
    parsed.cases = cases
    return parsed
