"""Finishing an interrupted pre-screening when the workbench starts.

An import whose pre-screening was killed (power cut, task manager) leaves cases never checked; the next start
checks them in the background, with its progress in the main window's status bar, and stops when the
application quits (the checks already stored stay).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from reviewapp.services.checks.run import finish_prescreening, pending_prescreening
from reviewapp.services.workbench import Workbench
from ui.runner import Job


def resume_prescreening(window: QMainWindow, wb: Workbench, pending: int | None = None) -> Job | None:
    """Start checking the cases an earlier pre-screening left unchecked; None when there are none. ``pending``
    is their number when the caller already counted them on a worker (at a million cases the count is a pass
    over every case, seconds the window must not freeze for)."""
    if pending is None:
        pending = len(pending_prescreening(wb))
    if not pending:
        return None
    bar = window.statusBar()

    def work(progress: Any, cancel: Any) -> Any:
        return finish_prescreening(wb, progress=progress, cancel=cancel)

    job = Job(work)

    def progressed(done: int, total: int) -> None:
        text = QCoreApplication.translate(
            "Prescreening", "Finishing the pre-screening an earlier import did not complete: {done} of {total} cases"
        )
        bar.showMessage(text.replace("{done}", str(done)).replace("{total}", str(total)))

    def succeeded(summary: Any) -> None:
        if summary is not None:
            bar.showMessage(summary.message(), 15000)

    def failed(exc: BaseException) -> None:
        bar.showMessage(
            QCoreApplication.translate(
                "Prescreening", "The unfinished pre-screening could not be completed: {reason}"
            ).replace("{reason}", str(exc))
        )

    job.signals.progress.connect(progressed)
    job.signals.succeeded.connect(succeeded)
    job.signals.failed.connect(failed)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(job.cancel)  # the checks stored so far stay; the rest wait for the next start
    bar.showMessage(
        QCoreApplication.translate("Prescreening", "%n case(s) not pre-screened; checking them now", "", pending)
    )
    job.start()
    return job
