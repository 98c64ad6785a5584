"""Read an export in a child process, so a hostile file can never take the application down with it.

The workbook readers are native code (python-calamine is Rust). Mutated files made them abort the whole
process (SIGABRT: a panic inside a panic, or an allocation the size of a forged sheet dimension), which no
``try`` can catch, and one file pushed the import past 1.4 GB. So every export is parsed — read *and*
turned into case cards — in a child process that runs under a memory limit (``RLIMIT_AS`` on POSIX,
a job object on Windows: winjob.py) and a wall-clock limit. A child that dies, runs out of memory or takes
too long becomes one plain :class:`IntakeFileError`; what the reader printed is kept in the log folder.

Why the whole parse and not a guarded pre-read: a pre-read only for files that look suspicious misses the
files that do not look suspicious, and a pre-read of every file still runs the native reader a second time
in this process. Parsing in the child keeps the native code out of this process altogether; the price is
sending the parsed cards back. They come as a stream (:class:`ReadStream`): once the sheets are loaded the
child builds the cards chunk by chunk and sends each as plain tuples (wire.py, marshal), and the importing
process stores one chunk while the child builds the next — so neither process ever holds the whole export
as cards, and the two cores share the work (measured in the README, "Import at scale").

On Linux the child is forked from a forkserver that has the intake modules loaded (a start costs
milliseconds); on Windows it is spawned. ``REVIEWAPP_READER=inprocess`` reads in this process (profiling).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
# What the forkserver loads once: the readers' modules, and the importing process's (services/cases/
# import_apart.py), which forks from the same server.
PRELOAD = ["reviewapp.intake.reader_preload", "reviewapp.services.cases.import_apart"]


def _mp_context() -> Any:
    global _context
    if _context is None:
        if "forkserver" in multiprocessing.get_all_start_methods():
            _context = multiprocessing.get_context("forkserver")
            _context.set_forkserver_preload(PRELOAD)
        else:
            _context = multiprocessing.get_context("spawn")
    return _context


def fork_readers_here() -> None:
    """In a process with no threads that has the reader's modules loaded (the importing process), a reader is
    forked from it directly instead of from a forkserver of its own, which would cost an interpreter's start."""
    global _context
    if "fork" in multiprocessing.get_all_start_methods():
        _context = multiprocessing.get_context("fork")


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


def _child(
    conn: Connection, path: str, cwd: str, env: dict[str, str], language: str, limit: int, log: str, options: Any = None
) -> None:
    """Entry point of the reading process: parse, sending the cards in chunks as they are built, exit."""
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
    except (ImportError, ValueError, OSError):  # Windows: the parent put this process into a limited job
        pass
    from reviewapp.intake import wire
    from reviewapp.intake.parse import stream_export_here

    try:
        parsed = stream_export_here(
            Path(path),
            lambda wires, locations: conn.send_bytes(wire.encode_chunk(wires, locations)),
            ready=lambda digest, coverage: conn.send(("ready", digest, coverage)),
            progress=lambda done, total: conn.send(("progress", done, total)),
            options=options,  # the import profile(s) to apply, as plain data (profiles.ReadOptions)
        )
        conn.send(("tail", parsed, _peak_kb(), time.process_time()))
        conn.close()
        os._exit(0)  # nothing to clean up: the parent is waiting for this exit
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
    cpu_seconds = 0.0  # the child's CPU time (all its threads), for the import benchmark
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


class ReadStream:
    """The cards of one export as the reader hands them out: :meth:`chunks`, then :attr:`tail`.

    Opened by :func:`open_stream` once every sheet is loaded; the importing process stores each chunk
    before it takes the next, so it never holds more than one chunk of cards (the child waits on the pipe
    meanwhile). Any failure of the reader on the way is raised from :meth:`chunks` as IntakeFileError.
    """

    def __init__(self, path: Path, progress: ProgressFn | None, cancel: CancelFn | None, deadline: float) -> None:
        self.path, self.progress, self.cancel, self.deadline = path, progress, cancel, deadline
        self.tail: Any = None  # the ParsedExport without its cases, after the last chunk
        self.sha256 = ""  # of the file, known when the stream opens
        self.coverage: Any = None  # what the export leaves as stored (intake/coverage.py), known then too
        self.conn: Connection | None = None
        self.proc: Any = None
        self.log_file: Path | None = None
        self.job: Any = None  # Windows: the job object limiting the child's memory (winjob.MemoryJob)
        self.limit = 0
        self._early: list[bytes] = []  # in-process reading: every chunk, made before the stream opens
        self._ready_at = time.monotonic()

    def _next(self) -> Any:
        """The next message: a chunk (bytes starting with wire.MARK) or a decoded tuple."""
        from reviewapp.intake.wire import MARK

        assert self.conn is not None and self.log_file is not None
        conn, path, log_file = self.conn, self.path, self.log_file
        while True:
            if self.cancel is not None and self.cancel():
                raise IntakeCancelled()
            if time.monotonic() > self.deadline:
                ReadStats.failure = "timeout"
                _keep_log(path, log_file, "timed out")
                raise IntakeFileError(path, FileProblem.TIMED_OUT)
            try:
                data = conn.recv_bytes() if conn.poll(_POLL) else None
            except (EOFError, OSError):
                data = b""
            if data is None and self.proc.is_alive():
                continue
            if not data:
                self.proc.join(1)
                ReadStats.failure = "died"
                why = f"reader process ended with exit code {self.proc.exitcode}"
                kept = _keep_log(path, log_file, why)
                output = kept.read_text(encoding="utf-8", errors="replace")
                from reviewapp.intake.winjob import died_of_memory

                peak = self.job.peak() if self.job is not None else None
                if died_of_memory(self.proc.exitcode, output, peak, self.limit):  # e.g. Rust's allocation abort
                    raise IntakeFileError(path, FileProblem.TOO_LARGE, why)
                raise IntakeFileError(path, FileProblem.READER_FAILED, str(kept))
            if data[:1] == MARK:
                return data
            message = pickle.loads(data)
            kind = message[0]
            if kind == "progress":
                if self.progress is not None:
                    self.progress(message[1], message[2])
                continue
            if kind in ("ready", "tail"):
                return message
            self._fail(message)

    def _fail(self, message: Any) -> None:
        assert self.log_file is not None
        path, kind = self.path, message[0]
        if kind == "file_error":
            ReadStats.peak_kb = message[3]
            raise IntakeFileError(path, FileProblem(message[1]), message[2])
        if kind == "memory":
            ReadStats.peak_kb, ReadStats.failure = message[1], "memory"
            _keep_log(path, self.log_file, "out of memory")
            raise IntakeFileError(path, FileProblem.TOO_LARGE)
        ReadStats.peak_kb, ReadStats.failure = message[2], "bug"  # "bug"
        kept = _keep_log(path, self.log_file, message[1])
        raise IntakeFileError(path, FileProblem.READER_FAILED, str(kept))

    def chunks(self) -> Iterator[tuple[list[Any], dict[Any, Any]]]:
        """Each chunk of cards as (wire tuples, locations of their dossier paths); sets :attr:`tail` at the end."""
        from reviewapp.intake.wire import decode_chunk

        if self.conn is None:  # read in this process
            while self._early:
                yield decode_chunk(self._early.pop(0))
            return
        # The time limit counts the reader's own time: what the caller spent waiting for the write lock and
        # storing each chunk (the reader waits on the pipe meanwhile) is added back.
        self.deadline += time.monotonic() - self._ready_at
        while True:
            message = self._next()
            if isinstance(message, bytes):
                handed = time.monotonic()
                yield decode_chunk(message)
                self.deadline += time.monotonic() - handed
                continue
            if message[0] == "tail":
                self.tail, ReadStats.peak_kb, ReadStats.cpu_seconds = message[1], message[2], message[3]
                return
            raise IntakeFileError(self.path, FileProblem.READER_FAILED, "unexpected message")

    def wait_ready(self) -> None:
        while True:
            message = self._next()
            if not isinstance(message, bytes) and message[0] == "ready":
                self._ready_at, self.sha256, self.coverage = time.monotonic(), message[1], message[2]
                return
            raise IntakeFileError(self.path, FileProblem.READER_FAILED, "unexpected message")


def _limit_child(proc: Any, limit: int) -> Any:
    """Windows has no RLIMIT_AS: the started child gets the same limit through a job object
    (winjob.MemoryJob). Imported here, not at the top: the child imports this module before its limit is set,
    and loading ctypes there would hand it memory to spend under the limit."""
    if sys.platform != "win32":
        return None
    from reviewapp.intake.winjob import MemoryJob

    return MemoryJob.attach(proc.sentinel, limit)


@contextmanager
def open_stream(
    path: Path, progress: ProgressFn | None, cancel: CancelFn | None, options: Any = None
) -> Iterator[ReadStream]:
    """Start reading ``path`` in a child process; the stream opens once its sheets are loaded."""
    path = Path(path)
    if os.environ.get(READER_ENV) == "inprocess":
        yield _read_here(path, progress, cancel, options)
        return
    if cancel is not None and cancel():
        raise IntakeCancelled()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IntakeFileError(path, FileProblem.UNREADABLE, exc.strerror or str(exc)) from exc
    limit = memory_limit(size)
    stream = ReadStream(path, progress, cancel, time.monotonic() + time_limit(size))
    stream.limit = limit
    ReadStats.peak_kb, ReadStats.exitcode, ReadStats.limit, ReadStats.failure = 0, None, limit, ""
    ctx = _mp_context()
    fd, log_name = tempfile.mkstemp(prefix="reviewapp-reader-", suffix=".log")
    stream.log_file = Path(log_name)
    receiver, sender = ctx.Pipe(duplex=False)
    os.close(fd)
    args = (sender, str(path), os.getcwd(), dict(os.environ), current_language(), limit, log_name, options)
    stream.proc = proc = ctx.Process(target=_child, args=args, daemon=True, name="export-reader")
    stream.conn = receiver
    try:
        proc.start()
        stream.job = _limit_child(proc, limit)
        sender.close()
        stream.wait_ready()
        yield stream
    finally:
        receiver.close()
        if proc.is_alive():
            proc.kill()
        if proc.pid is not None:
            proc.join(5)
        ReadStats.exitcode = proc.exitcode
        if stream.job is not None:
            stream.job.close()
        stream.log_file.unlink(missing_ok=True)


def _read_here(path: Path, progress: ProgressFn | None, cancel: CancelFn | None, options: Any = None) -> ReadStream:
    """The whole read in this process (profiling), chunks kept in their wire form."""
    from reviewapp.intake import wire
    from reviewapp.intake.parse import stream_export_here

    stream = ReadStream(path, progress, cancel, float("inf"))
    sink = lambda wires, locations: stream._early.append(wire.encode_chunk(wires, locations))  # noqa: E731
    stream.tail = stream_export_here(path, sink, progress=progress, cancel=cancel, options=options)
    stream.sha256, stream.coverage = stream.tail.sha256, stream.tail.coverage
    return stream


def read_in_child(path: Path, progress: ProgressFn | None, cancel: CancelFn | None, options: Any = None) -> Any:
    """Parse ``path`` in a child process; returns its ParsedExport with every card (see parse.read_export)."""
    from reviewapp.intake.wire import decode

    cases: list[Any] = []
    with open_stream(path, progress, cancel, options) as stream:
        for wires, _ in stream.chunks():
            cases.extend(decode(w) for w in wires)
        parsed = stream.tail
    parsed.cases = cases
    return parsed
