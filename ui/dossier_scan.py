"""Reading dossier text in the background: after every dossier import (or on request) the pages without text
are read (text layer, else offline OCR) and the comparison rules run, on the thread pool — never on the GUI
thread — with progress and cancel in the status bar. A cancelled or interrupted run resumes next time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from reviewapp.services.changes import ChangeRecord, Kind
from ui.hub import hub_for
from ui.runner import Job

if TYPE_CHECKING:  # the readers (pdfium, OCR with numpy) load on the worker when a read starts, not at start-up
    from reviewapp.services.dossier.scan import ScanSummary
    from reviewapp.services.workbench import Workbench

# The scan's own writes touch Kind.DOSSIER too; they must not start another scan.
_OWN_ACTIONS = frozenset({"dossier.text", "dossier.compare"})


class DossierScanner(QObject):
    progress = Signal(int, int)
    finished = Signal(str)  # a one-line summary for the status bar
    runningChanged = Signal(bool)

    def __init__(self, wb: Workbench, parent: QObject | None = None, *, automatic: bool = True) -> None:
        super().__init__(parent)
        self.wb = wb
        self.job: Job | None = None
        self.again = False
        if automatic:
            # A dossier import, or a case import that brought dossier files with it.
            hub_for(wb).subscribe({Kind.DOSSIER, Kind.IMPORT}, self._heard, self)

    def _heard(self, record: ChangeRecord) -> None:
        if record.action not in _OWN_ACTIONS:
            self.start()

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, case_ids: list[int] | None = None) -> bool:
        """Read what is unread (the cases' or every case's); a request while running queues one more run."""
        if self.job is not None:
            self.again = True
            return False
        wb = self.wb

        def work(progress: Any, cancel: Any) -> tuple[ScanSummary, str]:
            from reviewapp.services.dossier.compare import compare_cases
            from reviewapp.services.dossier.scan import scan_dossiers

            summary = scan_dossiers(wb, case_ids, progress=progress, cancel=cancel)
            if summary.case_ids and not summary.cancelled:
                # Only the cases whose pages were read now: the others' results still stand.
                compare = compare_cases(wb, sorted(summary.case_ids), cancel=cancel)
                return summary, summary.message() + " " + compare.message()
            return summary, summary.message()

        self.job = Job(work)
        self.job.signals.progress.connect(self.progress)
        self.job.signals.succeeded.connect(self._done)
        self.job.signals.failed.connect(self._failed)
        self.runningChanged.emit(True)
        self.job.start()
        return True

    def cancel(self) -> None:
        if self.job is not None:
            self.again = False
            self.job.cancel()

    def wait(self, ms: int = 600_000) -> bool:
        """For tests and closing: wait for the running job's thread to end."""
        return self.job is None or self.job.done.wait(ms / 1000)

    def _end(self) -> None:
        self.job = None
        self.runningChanged.emit(False)
        if self.again:
            self.again = False
            self.start()

    def _done(self, result: tuple[ScanSummary, str]) -> None:
        self._end()
        self.finished.emit(result[1])

    def _failed(self, exc: BaseException) -> None:
        self._end()
        self.finished.emit(str(exc))


class ScanIndicator(QWidget):
    """Status-bar widget: "Reading dossier text 12 / 300" with a bar and a cancel button, hidden when idle."""

    def __init__(self, scanner: DossierScanner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scanner = scanner
        self.label = QLabel(self.tr("Reading dossier text"), self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(140)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText(self.tr("Stop"))
        self.cancel_button.setToolTip(self.tr("Stop reading; the pages read so far are kept"))
        self.cancel_button.clicked.connect(scanner.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.label, self.bar, self.cancel_button):
            layout.addWidget(w)
        scanner.progress.connect(self._progress)
        scanner.runningChanged.connect(self.setVisible)
        self.setVisible(scanner.running)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.label.setText(self.tr("Reading dossier text {done} / {total}").format(done=done, total=total))
