"""One-click analysis outputs: the periodic report (PDF / Word), the appraisal sheet (Excel) and the 案卡
data-quality bulletin (PDF / Excel), each for a period picked in a small dialog.

The dialog only asks; the core writes (services/analysis: periodic.py, appraisal.py, bulletin.py), through
ui/ops.py on a worker, as the commands ``report periodic``, ``appraisal`` and ``bulletin`` do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.roles import Action, grants_action
from reviewapp.errors import KNOWN_ERRORS
from reviewapp.services.analysis.periods import Period, PeriodKind, current_period, last_complete_period
from reviewapp.services.workbench import Workbench
from ui.errors import report_bug
from ui.file_dialogs import remember, suggested_path
from ui.ops import ops_for

REPORT, APPRAISAL, BULLETIN = "report", "appraisal", "bulletin"
FORMATS = {REPORT: ("pdf", "docx"), APPRAISAL: ("xlsx",), BULLETIN: ("pdf", "xlsx")}
FILTERS = {"pdf": "PDF (*.pdf)", "docx": "Word (*.docx)", "xlsx": "Excel (*.xlsx)"}


def recent_periods(output: str, today: date | None = None) -> list[Period]:
    """The periods offered, the last complete quarter (or month for the bulletin) first."""
    day = today or date.today()
    kinds = (
        (PeriodKind.MONTH, PeriodKind.QUARTER)
        if output == BULLETIN
        else (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR, PeriodKind.MONTH)
    )
    out: list[Period] = []
    for kind in kinds:
        last = last_complete_period(kind, day)
        out += [last.shifted(-k) for k in range(4)]
        if kind is not PeriodKind.YEAR:
            out.append(current_period(kind, day))
    return out


class ReportsDialog(QDialog):
    """Pick the output, the period (and a plan for a special review report) and the file type; Write."""

    def __init__(self, wb: Workbench, output: str = REPORT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.path: Path | None = None
        self.running = False
        self.setWindowTitle(self.tr("Analysis outputs"))
        self.setMinimumWidth(480)
        self.output = QComboBox(self)
        self.output.addItem(self.tr("Periodic review report (定期评查报告)"), REPORT)
        self.output.addItem(self.tr("Appraisal score sheet (结果运用)"), APPRAISAL)
        self.output.addItem(self.tr("Case-card data-quality bulletin (数据质量通报)"), BULLETIN)
        self.period = QComboBox(self)
        self.period.setEditable(True)  # any period may be typed: 2026, 2026H1, 2026Q3, 2026-11
        self.plan = QComboBox(self)
        self.file_type = QComboBox(self)
        self.status = QLabel(self)
        self.status.setObjectName("reportsStatus")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Output:"), self.output)
        form.addRow(self.tr("Period:"), self.period)
        form.addRow(self.tr("Special review of plan:"), self.plan)
        form.addRow(self.tr("File type:"), self.file_type)
        self.write_button = QPushButton(self.tr("Write…"), self)
        self.write_button.setDefault(True)
        self.open_button = QPushButton(self.tr("Open file"), self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.write_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.setVisible(False)
        self.write_button.clicked.connect(lambda: self.write())
        self.open_button.clicked.connect(self._open_written)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._load_plans()
        self.output.currentIndexChanged.connect(self._output_changed)
        self.output.setCurrentIndex(max(self.output.findData(output), 0))
        self._output_changed()

    def _load_plans(self) -> None:
        from reviewapp.services.plans.commands import list_plans

        self.plan.addItem(self.tr("(none: the period's report)"), None)
        for p in list_plans(self.wb):
            self.plan.addItem(p.name, p.id)

    def current_output(self) -> str:
        return str(self.output.currentData())

    def _output_changed(self, *_: Any) -> None:
        output = self.current_output()
        self.period.clear()
        for p in recent_periods(output):
            self.period.addItem(p.code(), p.code())
        self.file_type.clear()
        for kind in FORMATS[output]:
            self.file_type.addItem(FILTERS[kind], kind)
        self.plan.setEnabled(output == REPORT)
        self.status.clear()
        self.open_button.setVisible(False)

    def ask_save_path(self, suggested: str, kind: str) -> Path | None:
        """The file to write (a save dialog; tests replace this method)."""
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), suggested_path(suggested), FILTERS[kind])
        remember(name)
        return Path(name) if name else None

    def write(self) -> bool:
        """Ask where, then write on a worker; False when nothing was started."""
        from reviewapp.services.analysis.periods import parse_period

        if self.running:
            return False
        try:
            period = parse_period(self.period.currentText())
        except KNOWN_ERRORS as exc:
            self.status.setText(str(exc))
            return False
        output, kind = self.current_output(), str(self.file_type.currentData())
        path = self.ask_save_path(f"{output}-{period.code()}.{kind}", kind)
        if path is None:
            return False
        if path.suffix.lower() != "." + kind:
            path = path.with_name(path.name + "." + kind)
        work = self._work(output, period, path, self.plan.currentData() if output == REPORT else None)
        self.running = True
        self.write_button.setEnabled(False)
        self.status.setText(self.tr("Writing {file}…").format(file=path.name))
        ops_for(self.wb).run(work, lambda _r: self._written(path), self._failed, owner=self)
        return True

    def _work(self, output: str, period: Period, path: Path, plan: int | None) -> Callable[[], Any]:
        wb = self.wb
        if output == REPORT:
            from reviewapp.services.analysis.periodic import export_periodic_report

            return lambda: export_periodic_report(wb, period, path, plan=plan)
        if output == APPRAISAL:
            from reviewapp.services.analysis.appraisal import export_appraisal

            return lambda: export_appraisal(wb, period, path)
        from reviewapp.services.analysis.bulletin import export_bulletin

        return lambda: export_bulletin(wb, period, path)

    def _open_written(self) -> None:
        # Imported when used: ui.notice_results brings the notice writer (reportlab), which the main window,
        # building this menu at start, should not load.
        from ui.notice_results import open_path

        if self.path is not None:
            open_path(self.path)

    def _written(self, path: Path) -> None:
        self.running = False
        self.write_button.setEnabled(True)
        self.path = path
        self.status.setText(self.tr("Written to {path}.").format(path=path))
        self.open_button.setVisible(True)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.write_button.setEnabled(True)
        if isinstance(exc, (OSError, *KNOWN_ERRORS)):
            self.status.setText(self.tr("Nothing was written: {error}").format(error=exc))
        else:
            self.status.setText(self.tr("Nothing was written because of an unexpected error."))
            report_bug(exc, self)


class ReportActions(QObject):
    """The three one-click entries, added to a menu of the main window."""

    def __init__(self, window: Any, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ReportsDialog | None = None
        self.actions: dict[str, QAction] = {}
        menu.addSeparator()
        for output, text in (
            (REPORT, self.tr("Periodic review re&port (PDF / Word)…")),
            (APPRAISAL, self.tr("&Appraisal score sheet (Excel)…")),
            (BULLETIN, self.tr("Data-quality &bulletin (PDF / Excel)…")),
        ):
            action = QAction(text, window)
            action.triggered.connect(lambda _=False, o=output: self.open(o))
            menu.addAction(action)
            self.actions[output] = action
        allowed = grants_action(window.wb.user.grants, Action.EXPORT_RESULTS)
        for action in self.actions.values():
            action.setEnabled(allowed)

    def open(self, output: str) -> ReportsDialog:
        self.dialog = ReportsDialog(self.window.wb, output, self.window)
        self.dialog.open()
        return self.dialog
