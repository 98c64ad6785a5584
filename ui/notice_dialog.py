"""Issue rectification notices (整改通知书) for the selected cases: grouping, issue date, reply deadline,
a preview of every notice in the batch, then numbering and writing them on a worker with progress and cancel.

The service does the guarantees (review-rules §6): a cancelled batch consumes no number and leaves
no file; cases without a submitted review raise NoticeError, which the preview already shows before issuing.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reviewapp.errors import KNOWN_ERRORS
from reviewapp.services.results.notice_word import docx_beside, notice_docx
from reviewapp.services.results.notices import (
    GROUPINGS,
    GroupBy,
    IssuedNotice,
    NoticeBatchCancelled,
    earliest_issue_date,
    issue_notices,
    plan_notice_numbers,
)
from reviewapp.services.results.settings import (
    NoticeConfig,
    NoticeConfigError,
    load_notice_config,
    reply_deadline,
    require_issuer_set,
)
from reviewapp.services.workbench import Workbench
from ui.errors import report_bug
from ui.file_dialogs import remember, start_folder
from ui.notice_preview import NoticePreviewPane, PreviewNotice, PreviewStale, make_previews
from ui.notice_results import NoticeResults
from ui.runner import Job

FOLDER_SETTING = "notices/out_dir"


def to_date(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class NoticeDialog(QDialog):
    issued = Signal(object)  # list[IssuedNotice], after a batch was committed

    def __init__(self, wb: Workbench, case_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.case_ids = list(dict.fromkeys(case_ids))
        self.config: NoticeConfig | None = None
        self.preview_job: Job | None = None
        self.preview_again = False  # settings changed while a preview was rendering
        self.preview_ok = False
        self.issue_job: Job | None = None
        self.results: list[IssuedNotice] = []
        self.confirm_box: QMessageBox | None = None
        self.closed = False
        self._tmp: Path | None = None  # preview PDFs, made on the first preview and removed on close
        self.setWindowTitle(self.tr("Issue rectification notices"))
        self.resize(1100, 780)
        self.group_combo = QComboBox(self)
        labels = {
            "case": self.tr("One notice per case"),
            "prosecutor": self.tr("One notice per prosecutor"),
            "department": self.tr("One notice per department"),
        }
        for kind in GROUPINGS:
            self.group_combo.addItem(labels[kind], kind)
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.deadline_label = QLabel(self)
        self.deadline_label.setObjectName("replyDeadline")
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("Choose the folder for the PDF files"))
        saved = QSettings().value(FOLDER_SETTING, "")
        self.folder: Path | None = Path(str(saved)) if saved else None
        self.folder_edit.setText(str(self.folder) if self.folder else "")
        self.folder_button = QPushButton(self.tr("Choose…"), self)
        self.folder_button.clicked.connect(self.choose_folder)
        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Cases: {n}").format(n=len(self.case_ids)), self), 0, 0)
        form.addWidget(QLabel(self.tr("Group by:"), self), 0, 1)
        form.addWidget(self.group_combo, 0, 2)
        form.addWidget(QLabel(self.tr("Issue date:"), self), 0, 3)
        form.addWidget(self.date_edit, 0, 4)
        form.addWidget(self.deadline_label, 0, 5)
        form.setColumnStretch(5, 1)
        form.addWidget(QLabel(self.tr("Output folder:"), self), 1, 0)
        form.addWidget(self.folder_edit, 1, 1, 1, 5)
        form.addWidget(self.folder_button, 1, 6)
        # Offices that edit notices in Word or WPS get a .docx beside each issued PDF (the PDF stays the record).
        self.word_check = QCheckBox(self.tr("Also save Word copies (.docx)"), self)
        form.addWidget(self.word_check, 2, 1, 1, 5)
        self.message = QLabel(self)
        self.message.setObjectName("noticeMessage")
        self.message.setWordWrap(True)
        self.preview = NoticePreviewPane(self)
        self.result_view = NoticeResults(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.preview)
        self.stack.addWidget(self.result_view)
        self.bar = QProgressBar(self)
        self.bar.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.issue_button = QPushButton(self.tr("Issue notices"), self)
        self.issue_button.setDefault(True)
        self.buttons.addButton(self.issue_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button.setVisible(False)
        self.issue_button.clicked.connect(self.issue)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.group_combo.currentIndexChanged.connect(lambda *_: self.refresh_preview())
        self._start_after_determination()
        self.date_edit.dateChanged.connect(lambda *_: self.refresh_preview())
        self.finished.connect(lambda *_: self._cleanup())
        app = QCoreApplication.instance()
        if app is not None:  # quitting with the dialog open cancels the batch rather than leave it half done
            app.aboutToQuit.connect(self._cleanup)

    def _start_after_determination(self) -> None:
        # The notice follows the determination it states (review-rules.md §1 steps 10–12): no earlier day.
        try:
            first = earliest_issue_date(self.wb, self.case_ids)
        except KNOWN_ERRORS:  # refused or unreadable: the preview says why
            return
        if first is not None:
            self.date_edit.setMinimumDate(QDate(first.year, first.month, first.day))

    @classmethod
    def start(cls, wb: Workbench, case_ids: list[int], parent: QWidget | None = None) -> NoticeDialog:
        """Open the dialog (window-modal, never a blocking exec) and start rendering the preview."""
        dialog = cls(wb, case_ids, parent)
        dialog.open()
        dialog.refresh_preview()
        return dialog

    @staticmethod
    def ask_folder(parent: QWidget, current: Path | None) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            parent, parent.tr("Folder for the notices"), str(current) if current else str(start_folder())
        )
        remember(name)
        return Path(name) if name else None

    # --- settings -----------------------------------------------------------------------------------
    def group_by(self) -> GroupBy:
        kind: GroupBy = self.group_combo.currentData()
        return kind

    def issued_on(self) -> date:
        return to_date(self.date_edit.date())

    def choose_folder(self) -> Path | None:
        folder = self.ask_folder(self, self.folder)
        if folder is not None:
            self.folder = folder
            self.folder_edit.setText(str(folder))
            QSettings().setValue(FOLDER_SETTING, str(folder))
        return folder

    def _show_deadline(self) -> bool:
        """The reply deadline for the chosen issue date (规则 665: 10 days unless configured)."""
        try:
            if self.config is None:
                self.config = load_notice_config(self.wb)
            deadline = reply_deadline(self.issued_on(), self.config)
        except NoticeConfigError as exc:
            self.deadline_label.setText("")
            self._fail(str(exc))
            return False
        unit = self.tr("working days") if self.config.working_days else self.tr("days")
        self.deadline_label.setText(
            self.tr("Reply deadline: {deadline} ({days} {unit})").format(
                deadline=deadline.isoformat(), days=self.config.deadline_days, unit=unit
            )
        )
        return True

    # --- preview ------------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Render the batch again for the current grouping and date (one render at a time: reportlab and
        PDFium share state between threads, so a change during a render queues one more)."""
        if self.issue_job is not None or self.results:
            return
        if self.preview_job is not None:
            self.preview_again = True
            self.preview_job.cancel()  # stops between notices; the render restarts when it has stopped
            return
        self.preview_ok = False
        self._update_buttons()
        if not self._show_deadline():
            return
        assert self.config is not None
        self.message.setText("")
        self.preview.show_message(self.tr("Rendering the preview…"))
        wb, ids, group, day, config = self.wb, self.case_ids, self.group_by(), self.issued_on(), self.config
        if self._tmp is None:
            self._tmp = Path(tempfile.mkdtemp(prefix="reviewapp-notice-preview-"))
        folder = self._tmp

        def work(progress: Any, cancel: Any) -> list[PreviewNotice]:
            return make_previews(wb, ids, group, day, config, folder, progress, cancel)

        self.preview_job = Job(work, (PreviewStale,))
        self.preview_job.signals.progress.connect(self._progress)
        self.preview_job.signals.succeeded.connect(self._preview_ready)
        self.preview_job.signals.failed.connect(self._preview_failed)
        self.preview_job.signals.cancelled.connect(self._preview_done)
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self.preview_job.start()

    def _preview_done(self) -> bool:
        """Clear the job; True when the result is stale (a new render has started, or the dialog closed)."""
        self.preview_job = None
        self.bar.setVisible(False)
        if self.closed:
            return True
        if self.preview_again:
            self.preview_again = False
            self.refresh_preview()
            return True
        return False

    def _preview_ready(self, notices: list[PreviewNotice]) -> None:
        if self._preview_done():
            return
        self.preview.set_notices(notices)
        self.preview_ok = bool(notices)
        self.message.setText(
            self.tr(
                "{n} notices will be issued. The preview shows （预览） in place of the "
                "number; numbers are given when you issue."
            ).format(n=len(notices))
        )
        self._update_buttons()

    def _preview_failed(self, exc: BaseException) -> None:
        if self._preview_done():
            return
        if isinstance(exc, KNOWN_ERRORS):
            self._fail(str(exc))
        else:
            self._fail(self.tr("The preview could not be made because of an unexpected error."))
            report_bug(exc, self)

    def _fail(self, text: str) -> None:
        self.preview_ok = False
        self.message.setText(text)
        self.preview.show_message(text)
        self._update_buttons()

    # --- issuing ------------------------------------------------------------------------------------
    def issue(self) -> QMessageBox | None:
        """Show the numbers this batch would take and ask once (a non-modal box); issuing starts on OK.
        Refused in plain words while an issuer setting is still a placeholder (××)."""
        if not self.preview_ok or self.issue_job is not None or self.preview_job is not None:
            return None
        if self.folder is None and self.choose_folder() is None:
            return None
        assert self.config is not None
        try:
            require_issuer_set(self.config)
            numbers = plan_notice_numbers(
                self.wb, self.case_ids, self.group_by(), issued_on=self.issued_on(), config=self.config
            )
        except KNOWN_ERRORS as exc:
            self.message.setText(self.tr("No notice was issued: {error}").format(error=exc))
            return None
        shown = "\n".join(numbers[:12]) + ("\n…" if len(numbers) > 12 else "")
        self.confirm_box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Issue notices"),
            self.tr(
                "%n notice(s) will be issued with these numbers:\n{numbers}\n\nIssue them now?", "", len(numbers)
            ).format(numbers=shown),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        self.confirm_box.setObjectName("confirmNumbers")
        self.confirm_box.accepted.connect(self.start_issuing)
        self.confirm_box.open()
        return self.confirm_box

    def start_issuing(self) -> Job | None:
        """Number, record and write the batch on a worker."""
        if self.issue_job is not None or self.folder is None or self.config is None:
            return None
        wb, ids, group, day = self.wb, self.case_ids, self.group_by(), self.issued_on()
        config, folder, word = self.config, self.folder, self.word_check.isChecked()

        def work(progress: Any, cancel: Any) -> list[IssuedNotice]:
            issued = issue_notices(
                wb, ids, group_by=group, out_dir=folder, issued_on=day, progress=progress, cancel=cancel, config=config
            )
            for notice in issued if word else ():
                notice_docx(wb, notice.notice_id, docx_beside(notice.path), config=config)
            return issued

        self.issue_job = Job(work, (NoticeBatchCancelled,))
        self.issue_job.signals.progress.connect(self._progress)
        self.issue_job.signals.succeeded.connect(self._issued)
        self.issue_job.signals.failed.connect(self._issue_failed)
        self.issue_job.signals.cancelled.connect(self._issue_cancelled)
        self.bar.setRange(0, 0)  # busy until the first notice is done
        self.bar.setVisible(True)
        self.message.setText(self.tr("Issuing the notices…"))
        self._update_buttons()
        self.issue_job.start()
        return self.issue_job

    def cancel(self) -> None:
        if self.issue_job is not None:
            self.message.setText(self.tr("Cancelling… no number is used and no file is kept."))
            self.cancel_button.setEnabled(False)
            self.issue_job.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))

    def _issue_finished(self) -> None:
        self.issue_job = None
        self.bar.setVisible(False)
        self.cancel_button.setEnabled(True)

    def _issued(self, issued: list[IssuedNotice]) -> None:
        self._issue_finished()
        assert self.folder is not None
        self.results = list(issued)
        self.result_view.set_issued(self.results, self.folder)
        self.stack.setCurrentWidget(self.result_view)
        self.message.setText(self.tr("The notices were numbered and recorded."))
        self._update_buttons()
        self.issued.emit(self.results)

    def _issue_cancelled(self) -> None:
        self._issue_finished()
        self.message.setText(
            self.tr("Cancelled: no notice was issued, no document number was used and no file was written.")
        )
        self._update_buttons()

    def _issue_failed(self, exc: BaseException) -> None:
        self._issue_finished()
        if isinstance(exc, KNOWN_ERRORS):
            self.message.setText(self.tr("No notice was issued: {error}").format(error=exc))
        else:
            self.message.setText(self.tr("No notice was issued because of an unexpected error."))
            report_bug(exc, self)
        self._update_buttons()

    def _update_buttons(self) -> None:
        issuing = self.issue_job is not None
        done = bool(self.results)
        self.issue_button.setVisible(not done)
        self.issue_button.setEnabled(self.preview_ok and not issuing and self.preview_job is None)
        self.cancel_button.setVisible(issuing)
        self.close_button.setEnabled(not issuing)
        for w in (self.group_combo, self.date_edit, self.folder_button):
            w.setEnabled(not issuing and not done)

    # --- closing ------------------------------------------------------------------------------------
    def reject(self) -> None:
        if self.issue_job is not None:  # Esc while issuing cancels the batch; the dialog stays to say so
            self.cancel()
            return
        super().reject()

    def _cleanup(self) -> None:
        """Wait for workers (none may signal into a dead dialog), then drop the preview files."""
        self.closed = True
        for job in (self.issue_job, self.preview_job):
            if job is not None:
                job.cancel()
                job.done.wait(60)
        self.preview.show_message("")
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def closeEvent(self, event: Any) -> None:
        if self.issue_job is not None:  # closing while issuing cancels the batch, never half of it
            self.issue_job.cancel()
            self.issue_job.done.wait(60)
        super().closeEvent(event)
