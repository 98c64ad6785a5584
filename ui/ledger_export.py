"""Export the review ledger (评查台账) and the problem list (问题清单) to Excel, optionally for a date range.

The range filters on the submission date of the review, inclusive, as ``python main.py ledger --from --to``.
The core's export (reviewapp.services.results.ledger_export) records who exported what in the audit trail and
renames the workbook into place only then, so a cancelled, refused or failed export leaves no file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.errors import KNOWN_ERRORS
from reviewapp.services.results.ledger_export import ExportCancelled, LedgerExport, export_ledger
from reviewapp.services.results.settings import NoticeConfigError
from reviewapp.services.workbench import Workbench
from ui.errors import report_bug
from ui.file_dialogs import remember, suggested_path
from ui.filter_bar import DateBound
from ui.notice_results import open_path
from ui.runner import Job

FOLDER_SETTING = "ledger/last_dir"


class LedgerExportDialog(QDialog):
    exported = Signal(object)  # the written Path

    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.job: Job | None = None
        self.path: Path | None = None
        self.setWindowTitle(self.tr("Export the review ledger"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "The ledger lists every case with a submitted review, with its grade, findings and "
                "notice number, and a problem list ranked by the number of cases. Leave a date "
                "empty (—) for no limit."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.date_from = DateBound(self)
        self.date_to = DateBound(self)
        form = QFormLayout()
        form.addRow(self.tr("Submitted from:"), self.date_from)
        form.addRow(self.tr("Submitted until:"), self.date_to)
        self.status = QLabel(self)
        self.status.setObjectName("ledgerStatus")
        self.status.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setDefault(True)
        self.open_button = QPushButton(self.tr("Open file"), self)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button.setVisible(False)
        self.open_button.setVisible(False)  # after addButton, which shows it
        self.export_button.clicked.connect(lambda: self.export())
        self.open_button.clicked.connect(lambda: self.path is not None and open_path(self.path))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)

    @classmethod
    def start(cls, wb: Workbench, parent: QWidget | None = None) -> LedgerExportDialog:
        dialog = cls(wb, parent)
        dialog.open()
        return dialog

    @staticmethod
    def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, parent.tr("Save the review ledger"), suggested_path(suggested), "Excel (*.xlsx)"
        )
        remember(name)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def suggested_name(self) -> str:
        first, last = self.date_from.value(), self.date_to.value()
        span = "".join(f"-{d:%Y%m%d}" for d in (first, last) if d is not None)
        name = self.tr("review-ledger") + span + ".xlsx"
        folder = QSettings().value(FOLDER_SETTING, "")
        return str(Path(str(folder)) / name) if folder else name

    def export(self) -> Job | None:
        """Ask where to save, then write the workbook on a worker."""
        if self.job is not None:
            return None
        first, last = self.date_from.value(), self.date_to.value()
        if first is not None and last is not None and first > last:
            self.status.setText(self.tr("The first date is after the last date."))
            return None
        path = self.ask_save_path(self, self.suggested_name())
        if path is None:
            return None
        QSettings().setValue(FOLDER_SETTING, str(path.parent))
        wb = self.wb

        def work(progress: Any, cancel: Any) -> LedgerExport:
            return export_ledger(wb, path, first, last, progress=progress, cancel=cancel)

        self.job = Job(work, (ExportCancelled,))
        self.job.signals.progress.connect(self._progress)
        self.job.signals.succeeded.connect(self._written)
        self.job.signals.failed.connect(self._failed)
        self.job.signals.cancelled.connect(self._cancelled)
        self.status.setText(self.tr("Writing {file}…").format(file=path.name))
        self.bar.setRange(0, 0)
        self._busy(True)
        self.job.start()
        return self.job

    def cancel(self) -> None:
        if self.job is not None:
            self.cancel_button.setEnabled(False)
            self.job.cancel()

    def _busy(self, busy: bool) -> None:
        self.bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(True)
        self.export_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        self.date_from.setEnabled(not busy)
        self.date_to.setEnabled(not busy)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))

    def _written(self, result: LedgerExport) -> None:
        self.job = None
        self._busy(False)
        self.path, cases, problems = result.path, result.cases, result.problems
        self.status.setText(
            self.tr("The ledger of {cases} cases and {problems} problems was written to {path}.").format(
                cases=cases, problems=problems, path=self.path
            )
        )
        self.open_button.setVisible(True)
        self.exported.emit(self.path)

    def _cancelled(self) -> None:
        self.job = None
        self._busy(False)
        self.status.setText(self.tr("Cancelled: no file was written."))

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self._busy(False)
        if isinstance(exc, (NoticeConfigError, OSError, *KNOWN_ERRORS)):
            self.status.setText(self.tr("The ledger was not written: {error}").format(error=exc))
        else:
            self.status.setText(self.tr("The ledger was not written because of an unexpected error."))
            report_bug(exc, self)

    def reject(self) -> None:
        if self.job is not None:  # Esc while writing cancels; the dialog stays to say so
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self.job is not None:  # never let a worker signal into a dead dialog
            self.job.cancel()
            self.job.done.wait(60)
        super().closeEvent(event)
