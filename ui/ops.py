"""Run writes off the GUI thread, one after another, and show waiting for the database as a busy state.

Every write of the GUI that a user starts with a key or a click (a finding, undo, log-in, settings …) goes
through ``ops_for(wb).run(work, done, failed)``: ``work()`` runs on the runner's own single thread, so edits
land in the order they were made, and ``done(result)`` / ``failed(error)`` run on the GUI thread when it lands.
The event loop never waits for the write lock (another process may hold it for seconds during a big import).

While a write waits for another connection's lock the write path calls ``wb.busy_listener``; the runner turns
that into ``busyChanged(True)`` — windows show "数据库忙，正在等待…" with a cancel button — and
``wb.busy_cancelled`` tells the waiting write that the user gave up (it then fails with DatabaseBusy).
Known errors (KnownError: DatabaseBusy, NotPermitted, refused edits) reach ``failed`` as plain messages;
anything else is a bug and gets the apology with a crash report.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget
from shiboken6 import isValid

from reviewapp.errors import KNOWN_ERRORS
from reviewapp.services.workbench import Workbench
from ui.errors import report_bug, show_error

BUSY_QUIET_MS = 400  # no wait reported for this long: the other writer let go


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Op(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its signal arrived
        self.signals = _Signals()
        self.work = work

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # delivered to the GUI thread, which splits known errors from bugs
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


def is_known(exc: BaseException) -> bool:
    return isinstance(exc, KNOWN_ERRORS)


class OpRunner(QObject):
    busyChanged = Signal(bool)  # waiting for another connection's write lock
    idle = Signal()  # nothing queued or running any more
    _waited = Signal(float)  # from the writing thread

    def __init__(self, wb: Workbench, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one writer: edits land in the order they were made
        self.pending: list[_Op] = []
        self.busy = False
        self._cancel = threading.Event()
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(BUSY_QUIET_MS)
        self._quiet.timeout.connect(lambda: self._set_busy(False))
        self._waited.connect(self._on_waited)
        self._listener: Callable[[float], None] = self._waited.emit  # writing thread → queued to us
        wb.busy_listener = self._listener
        wb.busy_cancelled = self._cancel.is_set

    # --- running --------------------------------------------------------------------------------
    def run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Queue ``work()``; ``done(result)`` or ``failed(error)`` runs on the GUI thread afterwards (not at
        all when ``owner`` was deleted meanwhile). Without ``failed`` a known error is shown in a message box."""
        op = _Op(work)
        self.pending.append(op)

        def alive() -> bool:
            return owner is None or isValid(owner)

        def succeeded(result: Any) -> None:
            self._finished(op)
            if done is not None and alive():
                done(result)

        def went_wrong(exc: BaseException) -> None:
            self._finished(op)
            if not alive():
                return
            if not is_known(exc):
                report_bug(exc, owner if isinstance(owner, QWidget) else None)
                if failed is not None:
                    failed(exc)
            elif failed is not None:
                failed(exc)
            else:
                show_error(owner if isinstance(owner, QWidget) else None, str(exc))

        op.signals.succeeded.connect(succeeded)
        op.signals.failed.connect(went_wrong)
        self.pool.start(op)

    def _finished(self, op: _Op) -> None:
        if op in self.pending:
            self.pending.remove(op)
        self._set_busy(False)
        self._cancel.clear()
        if not self.pending:
            self.idle.emit()

    @property
    def running(self) -> bool:
        return bool(self.pending)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every queued write ran (tests and shutdown; results still arrive as events)."""
        return self.pool.waitForDone(msecs)

    # --- busy -----------------------------------------------------------------------------------
    def _on_waited(self, _seconds: float) -> None:
        self._set_busy(True)
        self._quiet.start()

    def _set_busy(self, busy: bool) -> None:
        if busy == self.busy:
            return
        self.busy = busy
        if not busy:
            self._quiet.stop()
            self._cancel.clear()  # a "stop waiting" answers that wait only, also one of a job off the runner
        self.busyChanged.emit(busy)

    def cancel_wait(self) -> None:
        """The user gave up waiting: the waiting write fails with DatabaseBusy, nothing is saved."""
        self._cancel.set()

    def close(self) -> None:
        self.wait()
        if self.wb.busy_listener is self._listener:
            self.wb.busy_listener = None
            self.wb.busy_cancelled = None


class BusyIndicator(QWidget):
    """For a status bar: "数据库忙，正在等待…" and a cancel button while a write waits for the lock."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busyIndicator")
        self.runner = runner
        self.label = QLabel(self.tr("The database is busy, waiting…"), self)
        self.label.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.cancel_button = QPushButton(self.tr("Stop waiting"), self)
        self.cancel_button.setObjectName("busyCancel")
        self.cancel_button.clicked.connect(runner.cancel_wait)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel_button)
        runner.busyChanged.connect(self.setVisible)
        self.setVisible(runner.busy)


_runners: dict[int, OpRunner] = {}


def ops_for(wb: Workbench) -> OpRunner:
    """The one write runner of ``wb`` (made on first use, on the GUI thread)."""
    runner = _runners.get(id(wb))
    if runner is None or runner.wb is not wb:
        runner = OpRunner(wb)
        _runners[id(wb)] = runner
    return runner


def release_ops(wb: Workbench) -> None:
    """Wait for the queued writes of a workbench that is being closed, then forget its runner."""
    runner = _runners.pop(id(wb), None)
    if runner is not None:
        runner.close()
        runner.deleteLater()
