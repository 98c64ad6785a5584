"""Writing the demo export (with dossier PDFs) on the thread pool, behind a progress dialog with Cancel.

Given a workbench, the loader also adds the demo accounts (one per role, one documented password) and imports
the cases in the same job (reviewapp.demo.accounts.load_demo): the first-run path to a working session."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from reviewapp.demo import GenerationCancelled
from reviewapp.intake.errors import IntakeCancelled
from reviewapp.paths import data_dir
from reviewapp.services.workbench import Workbench
from ui.errors import report_bug, show_error
from ui.ops import is_known
from ui.runner import Job


class DemoLoader(QObject):
    written = Signal(object)  # the workbook Path, ready to import like any export
    loaded = Signal(object)  # DemoLoad: accounts added and cases imported (with a workbench only)

    def __init__(self, parent: QWidget, wb: Workbench | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        # Replaced on every run; the import copies what it needs into the dossier store.
        self.out = data_dir() / "demo"
        self.dialog = QProgressDialog(self.tr("Writing demo data…"), self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Demo data"))
        self.dialog.setMinimumDuration(500)  # only if it lasts: no flash for quick work
        self.job = Job(self._work, (GenerationCancelled, IntakeCancelled))
        self.job.signals.progress.connect(self._progress)
        self.job.signals.succeeded.connect(self._finished)
        self.job.signals.succeeded.connect(self._done)
        self.job.signals.failed.connect(self._finished)
        self.job.signals.failed.connect(
            lambda exc: show_error(parent, str(exc)) if is_known(exc) else report_bug(exc, parent)
        )
        self.job.signals.cancelled.connect(self._finished)
        self.dialog.canceled.connect(self.job.cancel)

    def start(self) -> QProgressDialog:
        self.job.start()
        return self.dialog

    def _done(self, result: Any) -> None:
        (self.written if self.wb is None else self.loaded).emit(result)

    def _work(self, progress: Any, cancel: Any) -> Any:
        from reviewapp.demo import generate_demo
        from reviewapp.demo.accounts import load_demo
        from reviewapp.demo.full_set import plan_demo

        if self.wb is not None:
            return load_demo(self.wb, self.out, progress=progress, cancel=cancel)

        plan = plan_demo(300)  # 300 cases in all, the built-in scenario cases included
        out = generate_demo(
            self.out, cases=plan.random_cases, extra_cards=plan.extra_cards, progress=progress, cancel=cancel
        )
        return out.workbook

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))

    def _finished(self, *_: object) -> None:
        self.dialog.reset()
        self.dialog.close()
