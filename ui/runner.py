"""Run a long core job on the thread pool and turn its progress into signals.

Core jobs are plain callables taking ``progress(done, total)`` and ``cancel() -> bool``. Cancel only sets a
flag: the job checks it and raises, and its own transaction rolls back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class JobSignals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()


class Job(QRunnable):
    def __init__(
        self,
        work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
        cancelled_types: tuple[type[BaseException], ...] = (),
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps the job until its signal arrives
        self.signals = JobSignals()
        self._work = work
        self._cancel = threading.Event()
        self._cancelled_types = cancelled_types
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit, self._cancel.is_set)
        except self._cancelled_types:
            self.signals.cancelled.emit()
        except Exception as exc:  # delivered to the GUI thread, which splits known errors from bugs
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.done.set()

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(self)
