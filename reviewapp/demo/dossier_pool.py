"""Writing the demo dossiers in writer processes while the caller goes on (the workbook, the demo accounts).

The PDFs of one case do not depend on any other case's, so when two cores are free two processes write
them side by side, each every other card: real time saved where the GUI's own process would otherwise
write them one by one (the files are the same bytes either way). The caller polls for progress, which the
writers report per case, and for cancel, which ends them at once. A writer that fails sends its exception,
which the caller raises.

The processes come from the same start method as the import's reader (intake/guard.py: a forkserver on
Linux, spawned on Windows), so the reader that follows starts from the already running server.
"""

from __future__ import annotations

import gc
import os
import pickle
import threading
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewapp.domain.case_card import CaseCard

if TYPE_CHECKING:
    from reviewapp.exports.fonts import FontSource

POOL_MIN_CASES = 60  # fewer cases are written in the calling process: a start costs more than it saves
MAX_WRITERS = 2


class WriterFailed(RuntimeError):
    """A writer process ended without finishing or sent an exception that cannot be sent whole."""


def writer_count(cases: int) -> int:
    """Writer processes for ``cases`` cases: two when two cores are free (cores less the one-minute load
    average), else none — the PDFs are then written in this process. One writer beside this process gains
    little, and on a busy machine more processes only queue: at load ~10 on two cores, writing in process was
    measured the faster (the writers also wait for the forkserver to load first). A few cases are always
    written in process: a start costs more than it saves."""
    if cases < POOL_MIN_CASES:
        return 0
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows: one core is left for the rest of the desktop
        load = 1.0
    free = int(usable - load + 0.5)
    return min(MAX_WRITERS, free) if free >= 2 else 0


def _write(conn: Connection, root: str, cards: list[CaseCard]) -> None:
    """A writer process: the font arrives first (the caller resolves it meanwhile), then each case's files
    are written and reported; None at the end."""
    # A forked writer shares the forkserver's loaded modules; the cyclic collector would walk (and so copy)
    # all of them again and again. The writer makes no cycles worth collecting and ends when done.
    gc.freeze()
    gc.disable()
    try:
        from reviewapp.demo.dossiers import write_dossier

        font = conn.recv()
        for card in cards:
            write_dossier(Path(root), card, font)
            conn.send(1)
        conn.send(None)
    except BaseException as exc:  # sent to the caller, which raises it; this process ends either way
        try:
            conn.send(pickle.dumps(exc))
        except Exception:
            conn.send(pickle.dumps(WriterFailed("".join(traceback.format_exception(exc)))))


class DossierWriters:
    """``count`` writer processes for ``cards``, writing under ``root`` with the font ``font()`` returns.

    The processes are started on a thread of this process: the first start of the forkserver waits for it
    to load its modules (seconds on a busy machine), which the caller spends writing the workbook."""

    def __init__(self, root: Path, cards: Sequence[CaseCard], count: int, font: Callable[[], FontSource]) -> None:
        self.procs: list[Any] = []
        self.conns: list[Connection] = []
        self.running: set[Connection] = set()
        self.failure: BaseException | None = None
        self.closing = False
        self.starter = threading.Thread(
            target=self._start, args=(root, cards, count, font), name="demo-dossier-writers", daemon=True
        )
        self.starter.start()

    def _start(self, root: Path, cards: Sequence[CaseCard], count: int, font: Callable[[], FontSource]) -> None:
        from reviewapp.intake.guard import _mp_context  # one start method (and forkserver) for all children

        try:
            context = _mp_context()
            for i in range(count):
                if self.closing:
                    return
                ours, theirs = context.Pipe()
                proc = context.Process(
                    target=_write, args=(theirs, str(root), list(cards[i::count])), name=f"demo-dossiers-{i}"
                )
                proc.daemon = True
                proc.start()
                theirs.close()
                self.procs.append(proc)
                self.conns.append(ours)
                self.running.add(ours)
            source = font()  # resolved while the writers load their modules
            for conn in self.conns:
                conn.send(source)
        except BaseException as exc:  # raised by the caller's next collect()
            self.failure = exc

    @property
    def done(self) -> bool:
        return not self.starter.is_alive() and self.failure is None and not self.running

    def collect(self, timeout: float) -> int:
        """Cases written since the last call (waits up to ``timeout`` s for the first report)."""
        if self.starter.is_alive():
            self.starter.join(timeout)
            return 0
        if self.failure is not None:
            raise self.failure
        written = 0
        for conn in wait(list(self.running), timeout):
            assert isinstance(conn, Connection)
            try:
                while conn.poll():
                    message = conn.recv()
                    if message is None:
                        self.running.discard(conn)
                        break
                    if isinstance(message, bytes):
                        raise pickle.loads(message)
                    written += message
            except EOFError:
                proc = self.procs[self.conns.index(conn)]
                proc.join(1)
                raise WriterFailed(f"demo dossier writer ended with exit code {proc.exitcode}") from None
        return written

    def close(self) -> None:
        """End every writer (at once if still writing) and release the pipes. A start under way is let finish
        first (the forkserver answers once loaded), so no writer outlives this call."""
        self.closing = True
        self.starter.join()
        for proc in self.procs:
            if proc.is_alive():
                proc.terminate()
        for proc in self.procs:
            proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join()
        for conn in self.conns:
            conn.close()
        self.procs, self.conns, self.running = [], [], set()
