"""Write the case review report (个案评查报告, review-rules §6) of one case: ask where, write on a worker, open it.

One report takes well under a second, so there is no progress dialog; the owner window shows the outcome
(``written``/``failed`` carry a message) and the PDF opens in the system viewer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from reviewapp.errors import KNOWN_ERRORS
from reviewapp.exports import FontNotFoundError
from reviewapp.services.results.notices import NoticeError
from reviewapp.services.results.reports import case_report
from reviewapp.services.results.settings import NoticeConfigError
from reviewapp.services.workbench import Workbench
from ui.errors import report_bug, show_error
from ui.file_dialogs import suggested_path
from ui.notice_results import open_path
from ui.runner import Job

FOLDER_SETTING = "reports/last_dir"


class CaseReportExport(QObject):
    written = Signal(object)  # the Path of the report
    failed = Signal(str)  # a message for the user

    def __init__(self, wb: Workbench, case_id: int, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.case_id = case_id
        self.path = path
        self.parent_widget = parent
        self.job: Job | None = None

    @classmethod
    def start(
        cls, wb: Workbench, case_id: int, suggested: str, parent: QWidget | None = None
    ) -> CaseReportExport | None:
        """Ask for the file (None when the user declines), then write the report on the thread pool."""
        folder = QSettings().value(FOLDER_SETTING, "")
        path = cls.ask_save_path(parent, str(Path(str(folder)) / suggested) if folder else suggested_path(suggested))
        if path is None:
            return None
        QSettings().setValue(FOLDER_SETTING, str(path.parent))
        export = cls(wb, case_id, path, parent)
        export.run()
        return export

    @staticmethod
    def ask_save_path(parent: QWidget | None, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("CaseReportExport", "Save the case review report"),
            suggested,
            # Word for offices that edit the report before printing (the same content, GB/T 9704 page).
            "PDF (*.pdf);;Word (*.docx)",
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() in (".pdf", ".docx") else path.with_name(path.name + ".pdf")

    def run(self) -> Job:
        wb, case_id, path = self.wb, self.case_id, self.path

        def work(progress: Any, cancel: Any) -> Path:
            del progress, cancel  # one short report: nothing to cancel
            return case_report(wb, case_id, path)

        self.job = Job(work)
        self.job.signals.succeeded.connect(self._written)
        self.job.signals.failed.connect(self._failed)
        self.job.start()
        return self.job

    def _written(self, path: Path) -> None:
        self.job = None
        self.written.emit(path)
        open_path(path)

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        if isinstance(exc, (NoticeError, NoticeConfigError, FontNotFoundError, OSError, *KNOWN_ERRORS)):
            message = self.tr("The case review report was not written: {error}").format(error=exc)
            show_error(self.parent_widget, message)
        else:
            message = self.tr("The case review report was not written because of an unexpected error.")
            report_bug(exc, self.parent_widget)
        self.failed.emit(message)
