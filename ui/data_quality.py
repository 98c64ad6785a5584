"""The data-quality view (数据校验): pre-screening results across all cases.

Counts per rule, or per unit / department / prosecutor (switchable); a filter bar; the result list (lazy
rows over result ids); double-click or Enter on a result asks the main window to show the case
(``caseRequested``); export to Excel and "run checks" run on the thread pool with progress and cancel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.errors import KNOWN_ERRORS
from reviewapp.services.cases.query import filter_choices
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.checks.results import (
    DataQualitySummary,
    ResultFilter,
    data_quality_summary,
    export_data_quality,
    result_ids,
)
from reviewapp.services.checks.run import CheckRunSummary, run_checks
from reviewapp.services.workbench import Workbench
from ui.data_quality_filter import DataQualityFilterBar
from ui.data_quality_models import CountsModel, ResultsModel
from ui.errors import report_bug, show_error
from ui.file_dialogs import remember, suggested_path
from ui.hub import hub_for
from ui.runner import Job

# What the view shows: check results, over the cases (and their filter choices).
DATA_QUALITY_KINDS = frozenset({Kind.CHECK_RESULT, Kind.CASE, Kind.IMPORT})
_FILTER_COMBO = {"rule": "rule", "unit": "unit", "department": "department", "prosecutor": "prosecutor"}


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(24)
    view.setWordWrap(False)
    return view


class DataQualityView(QWidget):
    caseRequested = Signal(int)  # a case id: the main window selects it in its list
    checksFinished = Signal(object)  # CheckRunSummary
    exported = Signal(object)  # Path

    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.job: Job | None = None
        self.summary = DataQualitySummary()
        self.setWindowTitle(self.tr("Data quality (数据校验)"))
        self.resize(1280, 760)
        self.filters = DataQualityFilterBar(self)
        self.group_by = QComboBox(self)
        for label, kind in (
            (self.tr("per rule"), "rule"),
            (self.tr("per unit"), "unit"),
            (self.tr("per department"), "department"),
            (self.tr("per prosecutor"), "prosecutor"),
        ):
            self.group_by.addItem(label, kind)
        self.counts = CountsModel(self)
        self.counts_view = _table(self, "dataQualityCounts")
        self.counts_view.setModel(self.counts)
        self.results = ResultsModel(wb, self)
        self.results_view = _table(self, "dataQualityResults")
        self.results_view.setModel(self.results)
        for column, width in enumerate((150, 185, 52, 100, 60, 640, 120, 80)):
            self.results_view.setColumnWidth(column, width)
        self.totals = QLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        self.bar = QProgressBar(self)
        self.bar.setVisible(False)
        self.run_button = QPushButton(self.tr("Run checks on all cases"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self._layout()
        self.filters.filterChanged.connect(lambda _f: self.refresh())
        self.group_by.currentIndexChanged.connect(lambda _i: self._show_counts())
        self.results_view.activated.connect(self._open_result)
        self.counts_view.activated.connect(self._filter_by_count)
        self.run_button.clicked.connect(lambda: self.start_checks())
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button.clicked.connect(lambda: self.export())
        hub_for(wb).subscribe(DATA_QUALITY_KINDS, self._heard, self)
        self.reload()

    def _heard(self, record: ChangeRecord) -> None:
        """New check results (from any window or process of this workbench), or new cases."""
        if self.job is not None:  # a run of this view refreshes once when it finishes
            return
        if record.touches(Kind.CASE, Kind.IMPORT):
            self.reload()
        else:
            self.refresh()

    def _layout(self) -> None:
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Counts"), left))
        row.addWidget(self.group_by, 1)
        lv.addLayout(row)
        lv.addWidget(self.counts_view)
        self.counts.modelReset.connect(self._fit_counts)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.results_view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([560, 840])
        buttons = QHBoxLayout()
        buttons.addWidget(self.totals, 1)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    # --- reading --------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the filter choices and the results (after an import or a check run)."""
        self.filters.set_choices(filter_choices(self.wb))
        self.refresh()

    def current_filter(self) -> ResultFilter:
        return self.filters.current()

    def refresh(self) -> None:
        f = self.current_filter()
        self.summary = data_quality_summary(self.wb, f)
        self._show_counts()
        self.results.set_ids(result_ids(self.wb, f))
        self.totals.setText(
            self.tr("{results} results in {cases} cases; {checked} cases checked.")
            .replace("{results}", str(self.summary.results))
            .replace("{cases}", str(self.summary.cases_with_results))
            .replace("{checked}", str(self.summary.cases_checked))
        )

    def _show_counts(self) -> None:
        kind = self.group_by.currentData()
        if kind == "rule":
            self.counts.set_rules(self.summary.by_rule)
        else:
            self.counts.set_groups(kind, self.summary.groups(kind))

    def _fit_counts(self) -> None:
        """Numbers always fully visible; the rule title (or group name) takes the rest and elides."""
        header = self.counts_view.horizontalHeader()
        stretch = 0
        for column in range(self.counts.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)

    def _open_result(self, index: QModelIndex) -> None:
        case_id = self.results.case_id(index.row())
        if case_id is not None:
            self.caseRequested.emit(case_id)

    def _filter_by_count(self, index: QModelIndex) -> None:
        key = self.counts.key(index.row())
        if key is not None:
            self.filters.select(_FILTER_COMBO[self.counts.kind], key)

    # --- long jobs ------------------------------------------------------------------------------------
    def _busy(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(True)
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.run_button.setEnabled(False)
        self.export_button.setEnabled(False)

    def _idle(self, text: str) -> None:
        self.job = None
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self.run_button.setEnabled(True)
        self.export_button.setEnabled(True)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))

    def _failed(self, exc: BaseException) -> None:
        self._idle(self.tr("The job stopped with an error."))
        if isinstance(exc, KNOWN_ERRORS):
            show_error(self, str(exc))
        else:
            report_bug(exc, self)

    def start_checks(self, case_ids: list[int] | None = None) -> Job:
        """Check the given cases (None = all) on the thread pool; the view refreshes when done."""
        wb = self.wb

        def work(progress: Any, cancel: Any) -> CheckRunSummary:
            return run_checks(wb, case_ids, progress=progress, cancel=cancel)

        self._busy(self.tr("Checking cases…"))
        job = self.job = Job(work)
        job.signals.progress.connect(self._progress)
        job.signals.succeeded.connect(self._checked)
        job.signals.failed.connect(self._failed)
        job.start()
        return job

    def _checked(self, summary: CheckRunSummary) -> None:
        self._idle(summary.message())
        self.refresh()
        self.checksFinished.emit(summary)

    def cancel(self) -> None:
        if self.job is not None:
            self.status.setText(self.tr("Cancelling… cases already checked keep their results."))
            self.cancel_button.setEnabled(False)
            self.job.cancel()

    @staticmethod
    def ask_export_path(parent: QWidget) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            parent.tr("Export data quality"),
            suggested_path(QCoreApplication.translate("DataQualityView", "data-quality.xlsx")),
            "Excel (*.xlsx)",
        )
        remember(name)
        return Path(name) if name else None

    def export(self, path: Path | None = None) -> Job | None:
        """Write the filtered results and counts to an Excel workbook (asks where when ``path`` is None)."""
        target = path or self.ask_export_path(self)
        if target is None:
            return None
        wb, f = self.wb, self.current_filter()

        def work(_progress: Any, _cancel: Any) -> Path:
            export_data_quality(wb, target, f)
            return target

        self._busy(self.tr("Writing {path}…").replace("{path}", str(target)))
        self.cancel_button.setVisible(False)
        job = self.job = Job(work)
        job.signals.succeeded.connect(self._exported)
        job.signals.failed.connect(self._failed)
        job.start()
        return job

    def _exported(self, path: Path) -> None:
        self._idle(self.tr("Exported to {path}.").replace("{path}", str(path)))
        self.exported.emit(path)

    def closeEvent(self, event: Any) -> None:
        if self.job is not None:  # never let a worker signal into a dead widget
            self.job.cancel()
            self.job.done.wait(60)
        super().closeEvent(event)
