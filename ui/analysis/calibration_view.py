"""Reviewer calibration (评查员校准) as a widget for the statistics window: agreement per checklist item, per
pair of reviewers and each reviewer's leniency against the panel opinion, for a plan and/or a period; and the
gold cases with the comparison of training attempts (gold_view.py).

    make_calibration_view(wb, parent) -> QWidget

Figures: services/analysis/calibration.py. A reader without READ_REVIEWS / EXPORT_RESULTS sees the refusal in
place of the figures (the gold-case tab still works for reviewers).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from reviewapp.errors import KNOWN_ERRORS
from reviewapp.services.analysis.calibration import CalibrationReport, calibration
from reviewapp.services.analysis.periods import parse_period
from reviewapp.services.changes import Kind
from reviewapp.services.workbench import Workbench
from ui.analysis.calibration_model import Column, RecordsModel, shown, table_for
from ui.analysis.gold_view import GoldCasesView
from ui.errors import report_bug
from ui.hub import hub_for
from ui.runner import Job


class CalibrationView(QWidget):
    """The figures are counted off the GUI thread (ui/runner.Job); a later request drops an earlier one's
    result. A change elsewhere refreshes the view when it is shown, coalesced (a whole year of panels takes
    seconds to count — README, calibration benchmark)."""

    loaded = Signal()  # the figures of the latest request are shown (or its refusal)

    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.report: CalibrationReport | None = None
        self.jobs: list[Job] = []
        self.generation = 0
        self.stale = False
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(400)
        self._later.timeout.connect(self.refresh)
        self.plan = QComboBox(self)
        self.plan.setObjectName("calibrationPlan")
        self.period = QLineEdit(self)
        self.period.setObjectName("calibrationPeriod")
        self.period.setPlaceholderText(self.tr("all periods (or 2026Q3, 2026-11, 2026)"))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.summary = QLabel(self)
        self.summary.setObjectName("calibrationSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.items_model = RecordsModel(self._item_columns(), self)
        self.pairs_model = RecordsModel(self._pair_columns(), self)
        self.reviewers_model = RecordsModel(self._reviewer_columns(), self)
        self.tabs = QTabWidget(self)
        self.items_view = table_for(self.items_model, self)
        self.pairs_view = table_for(self.pairs_model, self)
        self.reviewers_view = table_for(self.reviewers_model, self)
        self.gold = GoldCasesView(wb, self)
        self.tabs.addTab(self.items_view, self.tr("By checklist item"))
        self.tabs.addTab(self.pairs_view, self.tr("Pairs of reviewers"))
        self.tabs.addTab(self.reviewers_view, self.tr("Leniency by reviewer"))
        self.tabs.addTab(self.gold, self.tr("Gold cases"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Plan:"), self))
        bar.addWidget(self.plan, 1)
        bar.addWidget(QLabel(self.tr("Period:"), self))
        bar.addWidget(self.period, 1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self._fill_plans()
        self.refresh_button.clicked.connect(self.refresh)
        self.period.returnPressed.connect(self.refresh)
        self.plan.currentIndexChanged.connect(lambda _i: self.refresh())
        hub_for(wb).subscribe({Kind.REVIEW, Kind.FINDING, Kind.CASE}, lambda _r: self._changed(), owner=self)
        self.refresh()

    def _changed(self) -> None:
        if self.isVisible():
            self._later.start()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.stale = False
            self._later.start()

    def busy(self) -> bool:
        return bool(self.jobs)

    # --- columns -----------------------------------------------------------------------------------
    def _item_columns(self) -> list[Column]:
        return [
            Column(self.tr("Item"), lambda r: r.item_code, tooltip=lambda r: f"{r.item_code} {r.item_text}"),
            Column(self.tr("Text"), lambda r: r.item_text),
            Column(self.tr("Dimension"), lambda r: r.dimension),
            Column(self.tr("Review files"), lambda r: r.files, "int"),
            Column(self.tr("Found by anyone"), lambda r: r.flagged, "int"),
            Column(self.tr("Agreement"), lambda r: r.agreement, "pct"),
            Column(self.tr("α ordinal"), lambda r: r.alpha_ordinal, "ratio"),
            Column(self.tr("α nominal"), lambda r: r.alpha_nominal, "ratio"),
            Column(self.tr("Fleiss' κ"), lambda r: r.fleiss_kappa, "ratio"),
        ]

    def _pair_columns(self) -> list[Column]:
        return [
            Column(self.tr("Reviewer"), lambda r: r.reviewer_a),
            Column(self.tr("Reviewer"), lambda r: r.reviewer_b),
            Column(self.tr("Review files"), lambda r: r.files, "int"),
            Column(self.tr("Items compared"), lambda r: r.units, "int"),
            Column(self.tr("Agreement"), lambda r: r.agreement, "pct"),
            Column(self.tr("Cohen's κ"), lambda r: r.kappa, "ratio"),
            Column(self.tr("Weighted κ (linear)"), lambda r: r.kappa_linear, "ratio"),
        ]

    def _reviewer_columns(self) -> list[Column]:
        return [
            Column(self.tr("Reviewer"), lambda r: r.reviewer),
            Column(self.tr("Review files"), lambda r: r.files, "int"),
            Column(self.tr("Items compared"), lambda r: r.compared, "int"),
            Column(self.tr("Stricter"), lambda r: r.stricter, "int"),
            Column(self.tr("Same"), lambda r: r.same, "int"),
            Column(self.tr("More lenient"), lambda r: r.lenient, "int"),
            Column(self.tr("Share stricter"), lambda r: r.share_stricter, "pct"),
            Column(self.tr("Share more lenient"), lambda r: r.share_lenient, "pct"),
            Column(
                self.tr("Mean difference"),
                lambda r: r.mean_difference,
                "signed",
                tooltip=lambda r: self.tr(
                    "Reviewer's level minus the panel's, on 0 none – 3 serious; above 0 is stricter"
                ),
            ),
        ]

    # --- loading -------------------------------------------------------------------------------------
    def _fill_plans(self) -> None:
        from reviewapp.services.plans.commands import list_plans

        self.plan.blockSignals(True)
        self.plan.clear()
        self.plan.addItem(self.tr("All plans"), None)
        try:
            plans = list_plans(self.wb)
        except KNOWN_ERRORS:
            plans = []
        for p in plans:
            self.plan.addItem(p.name, p.id)
        self.plan.blockSignals(False)

    def refresh(self) -> None:
        self.gold.refresh()
        self.generation += 1
        generation = self.generation
        try:
            text = self.period.text().strip()
            period = parse_period(text) if text else None
        except KNOWN_ERRORS as exc:
            self._show_refusal(str(exc))
            self.loaded.emit()
            return
        wb, plan_id = self.wb, self.plan.currentData()
        self.summary.setText(self.tr("Counting…"))
        job = Job(lambda _progress, _cancel: calibration(wb, plan_id=plan_id, period=period))
        self.jobs.append(job)
        job.signals.succeeded.connect(lambda report, job=job: self._loaded(job, generation, report))
        job.signals.failed.connect(lambda exc, job=job: self._failed(job, generation, exc))
        job.start()

    def _done(self, job: Job, generation: int) -> bool:
        """Forget the job; True when its result is still wanted (the latest request, the view alive)."""
        if not isValid(self):
            return False
        if job in self.jobs:
            self.jobs.remove(job)
        return generation == self.generation

    def _loaded(self, job: Job, generation: int, report: CalibrationReport) -> None:
        if not self._done(job, generation):
            return
        self.report = report
        self.items_model.set_records(report.items)
        self.pairs_model.set_records(report.pairs)
        self.reviewers_model.set_records(report.reviewers)
        self.summary.setText(self._summary(report))
        self.loaded.emit()

    def _failed(self, job: Job, generation: int, exc: BaseException) -> None:
        if not self._done(job, generation):
            return
        if isinstance(exc, KNOWN_ERRORS):
            self._show_refusal(str(exc))  # e.g. no permission to read results: said in place, not a dialog
        else:
            self._show_refusal("")
            report_bug(exc, self)
        self.loaded.emit()

    def _show_refusal(self, message: str) -> None:
        self.report = None
        for model in (self.items_model, self.pairs_model, self.reviewers_model):
            model.set_records([])
        self.summary.setText(message)

    def _summary(self, r: CalibrationReport) -> str:
        o, f = r.overall, r.overall_flagged
        if not o.files:
            return self.tr("No formed review file of a panel of two or more in this selection.")
        return self.tr(
            "{files} review files of panels, {units} rated items ({flagged} with a finding). Overall: "
            "Krippendorff's α (ordinal) {ao}, α (nominal) {an}, Fleiss' κ {fk}, agreement {pa}. "
            "Items with a finding only: α (ordinal) {fo}, agreement {fa}. Scale: no problem < judicial flaw < "
            "ordinary judicial error < serious judicial error."
        ).format(
            files=o.files,
            units=o.units,
            flagged=o.flagged,
            ao=shown(o.alpha_ordinal, "ratio"),
            an=shown(o.alpha_nominal, "ratio"),
            fk=shown(o.fleiss_kappa, "ratio"),
            pa=shown(o.agreement, "pct"),
            fo=shown(f.alpha_ordinal, "ratio"),
            fa=shown(f.agreement, "pct"),
        )


def make_calibration_view(wb: Workbench, parent: Any = None) -> QWidget:
    """The calibration widget, for a tab of the statistics window."""
    return CalibrationView(wb, parent)
