"""The import dialog: progress and cancel while a file imports, then a summary with the rejected rows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.errors import KNOWN_ERRORS
from reviewapp.exports.reject_report import skipped_notes, write_reject_report
from reviewapp.intake.errors import FileProblem, IntakeCancelled, IntakeFileError
from reviewapp.services.cases.dossiers import DossierImportSummary, import_dossier_folder
from reviewapp.services.cases.import_apart import import_cases_apart
from reviewapp.services.cases.intake import ImportSummary
from reviewapp.services.cases.profiles import MappingNeed, mapping_needed
from reviewapp.services.workbench import Workbench
from ui.errors import report_bug
from ui.file_dialogs import remember, suggested_path
from ui.mapping_dialog import MappingDialog
from ui.rows_model import RowsModel
from ui.runner import Job


@dataclass(frozen=True)
class Unmapped:
    """A file read without a mapping that gave nothing: its layout for the mapping dialog, and the outcome
    (the error or the summary) to report if the user declines to map it."""

    need: MappingNeed
    outcome: Any


class ImportDialog(QDialog):
    imported = Signal(object)  # list of summaries, after every file ran

    def __init__(self, wb: Workbench, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.paths = list(paths)
        self.results: list[ImportSummary | DossierImportSummary] = []
        self.messages: list[str] = []
        self.check_messages: list[str] = []  # pre-screening run after each case import
        self.job: Job | None = None
        self.profiles: dict[Path, Any] = {}  # file → the import profile made for it in the mapping dialog
        self.mapping: MappingDialog | None = None
        self.setWindowTitle(self.tr("Import cases"))
        self.resize(820, 520)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.rejects = RowsModel(
            [self.tr("File"), self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Reason")]
        )
        self.table = QTableView(self)
        self.table.setModel(self.rejects)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = QPushButton(self.tr("Export rejected rows…"), self)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.setVisible(False)
        self.close_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        self.export_button.clicked.connect(self._export_rejects)
        layout = QVBoxLayout(self)
        for w in (self.status, self.bar, self.summary, self.table):
            layout.addWidget(w)
        layout.addWidget(self.buttons)

    @classmethod
    def start(cls, wb: Workbench, paths: list[Path], parent: QWidget | None = None) -> ImportDialog:
        """Open the dialog (not modal-blocking) and start importing the first file."""
        dialog = cls(wb, paths, parent)
        dialog.open()
        dialog._next()
        return dialog

    @staticmethod
    def ask_export_path(parent: QWidget, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, parent.tr("Export rejected rows"), suggested_path(suggested), "Excel (*.xlsx)"
        )
        remember(name)
        return Path(name) if name else None

    def cancel(self) -> None:
        if self.job is not None:
            self.status.setText(self.tr("Cancelling… the database is left as it was before this file."))
            self.cancel_button.setEnabled(False)
            self.job.cancel()
        else:
            self.reject()

    def _next(self) -> None:
        if not self.paths:
            self._finished()
            return
        path = self.paths.pop(0)
        self.status.setText(self.tr("Importing {file}…").replace("{file}", path.name))
        self.bar.setRange(0, 0)
        profile = self.profiles.get(path)

        def work(progress: Any, cancel: Any) -> Any:
            if path.is_dir():
                return import_dossier_folder(self.wb, path, progress=progress, cancel=cancel)
            mapped = {"profile": profile} if profile is not None else {}
            try:
                summary = import_cases_apart(self.wb, path, progress=progress, cancel=cancel, **mapped)
            except IntakeFileError as exc:
                unknown = exc.problem is FileProblem.NO_KEY_COLUMN and path not in self.profiles
                need = mapping_needed(self.wb, path) if unknown else None
                if need is None:
                    raise
                return Unmapped(need, exc)
            if path not in self.profiles and summary.rows_read and not (summary.imported or summary.updated):
                # Nothing came in (e.g. a required column under another name): map the columns and read again.
                need = None if summary.unchanged else mapping_needed(self.wb, path)
                if need is not None:
                    return Unmapped(need, summary)
            # Pre-screen the new and changed cases in the same background job (progress restarts).
            from reviewapp.services.checks.run import run_checks, stale_case_ids

            stale = stale_case_ids(self.wb)
            if stale:
                self.check_messages.append(run_checks(self.wb, stale, progress=progress, cancel=cancel).message())
            return summary

        self.job = Job(work, (IntakeCancelled,))
        self.job.signals.progress.connect(self._progress)
        self.job.signals.succeeded.connect(lambda result, p=path: self._succeeded(result, p))
        self.job.signals.failed.connect(lambda exc, p=path: self._failed(p, exc))
        self.job.signals.cancelled.connect(lambda p=path: self._cancelled(p))
        self.job.start()

    def _map(self, path: Path, unmapped: Unmapped) -> None:
        """The file's columns are not known: the mapping dialog (opened, not exec'd) decides how to read it."""
        self.status.setText(self.tr("Map the columns of {file} to continue.").replace("{file}", path.name))
        self.mapping = MappingDialog(self.wb, unmapped.need, self)
        self.mapping.chosen.connect(lambda profile, p=path, u=unmapped: self._mapped(p, u, profile))
        self.mapping.open()

    def _mapped(self, path: Path, unmapped: Unmapped, profile: Any) -> None:
        self.mapping = None
        if profile is not None:  # read the file again with the mapping
            self.profiles[path] = profile
            self.paths.insert(0, path)
        elif isinstance(unmapped.outcome, ImportSummary):  # declined: what the read without a mapping gave
            self.results.append(unmapped.outcome)
        else:
            self.messages.append(str(unmapped.outcome))
        self._next()

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))

    def _succeeded(self, result: Any, path: Path) -> None:
        self.job = None
        if isinstance(result, Unmapped):
            self._map(path, result)
            return
        self.results.append(result)
        self._next()

    def _failed(self, path: Path, exc: BaseException) -> None:
        self.job = None
        if isinstance(exc, KNOWN_ERRORS):
            self.messages.append(str(exc))
        else:
            report_bug(exc, self)
            self.messages.append(
                self.tr("{file}: not imported because of an unexpected error.").replace("{file}", path.name)
            )
        self._next()

    def _cancelled(self, path: Path) -> None:
        self.job = None
        self.paths.clear()
        self.messages.append(
            self.tr("{file}: import cancelled; nothing from this file was stored.").replace("{file}", path.name)
        )
        self._finished()

    def _finished(self) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.status.setText(self.tr("Import finished."))
        lines = list(self.messages)
        rejects: list[list[Any]] = []
        for r in self.results:
            if isinstance(r, DossierImportSummary):
                lines.append(
                    self.tr("{folder}: {docs} documents attached to {cases} cases.")
                    .replace("{folder}", r.folder)
                    .replace("{docs}", str(r.documents_added))
                    .replace("{cases}", str(r.cases_matched))
                )
                lines.extend(
                    self.tr("Folder {folder} was taken as case {number}: the numbers differ only in their brackets.")
                    .replace("{folder}", folder)
                    .replace("{number}", number)
                    for folder, number in r.bracket_matches
                )
                continue
            lines.append(
                self.tr(
                    "{file}: {imported} imported, {updated} updated, {unchanged} unchanged, {rejected} rejected, "
                    "{docs} documents attached."
                )
                .replace("{file}", r.file)
                .replace("{imported}", str(r.imported))
                .replace("{updated}", str(r.updated))
                .replace("{unchanged}", str(r.unchanged))
                .replace("{rejected}", str(r.rows_rejected))
                .replace("{docs}", str(r.documents_added))
            )
            if r.differences:
                lines.append(
                    self.tr("{n} changes to cases under review were not applied (listed in the export).").replace(
                        "{n}", str(len(r.differences))
                    )
                )
            lines += self._skipped_lines(r)
            rejects += [[x.file, x.sheet, x.row, x.column, x.value, x.reason] for x in r.rejects]
        lines += self.check_messages
        self.summary.setText("\n".join(lines))
        self.rejects.set_rows(rejects)
        self.table.setVisible(bool(rejects))
        self.export_button.setVisible(
            bool(rejects)
            or any(isinstance(r, ImportSummary) and (r.differences or skipped_notes(r)) for r in self.results)
        )
        self.cancel_button.setVisible(False)
        self.close_button.setVisible(True)
        self.close_button.setFocus()
        self.imported.emit(self.results)

    def _skipped_lines(self, r: ImportSummary) -> list[str]:
        """Nothing is dropped without a word: the profile used, sheets not read, extra columns, duplicates."""
        lines: list[str] = []
        if r.profile:
            lines.append(self.tr("Read with the import profile {name}.").replace("{name}", r.profile))
        for sheet, reason in r.skipped_sheets:
            lines.append(
                self.tr("Sheet {sheet} not read: {reason}").replace("{sheet}", sheet).replace("{reason}", reason)
            )
        for sheet, names in r.extra_columns.items():
            lines.append(
                self.tr("Sheet {sheet}: columns kept as unmapped extras: {columns}")
                .replace("{sheet}", sheet)
                .replace("{columns}", "、".join(names))
            )
        if r.duplicates:
            rows = "、".join(f"{sheet} {row}" for sheet, row in r.duplicates[:20])
            more = "…" if len(r.duplicates) > 20 else ""
            lines.append(
                self.tr("{n} exact duplicate rows skipped (sheet and row: {rows})")
                .replace("{n}", str(len(r.duplicates)))
                .replace("{rows}", rows + more)
            )
        return lines

    def _export_rejects(self) -> None:
        target = self.ask_export_path(self, self.tr("rejected-rows.xlsx"))
        if target is None:
            return
        summaries = [r for r in self.results if isinstance(r, ImportSummary)]
        write_reject_report(
            target,
            [x for s in summaries for x in s.rejects],
            [d for s in summaries for d in s.differences],
            [n for s in summaries for n in skipped_notes(s)],
        )
        self.status.setText(self.tr("Rejected rows written to {path}.").replace("{path}", str(target)))

    def closeEvent(self, event: Any) -> None:
        if self.job is not None:  # never let a worker signal into a dead dialog
            self.job.cancel()
            self.job.done.wait(30)
        super().closeEvent(event)
