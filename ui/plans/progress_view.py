"""Progress per plan: assigned / in review / submitted / overdue, in total, per reviewer and per unit. It
refreshes whenever a record touches reviews, assignments or plans."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.plans.commands import list_plans
from reviewapp.services.plans.queue import Counts, Progress, plan_progress
from reviewapp.services.workbench import Workbench
from ui.hub import hub_for
from ui.plans.editor import _table
from ui.rows_model import RowsModel

PROGRESS_KINDS = frozenset({Kind.PLAN, Kind.PLAN_CASE, Kind.ASSIGNMENT, Kind.REVIEW})


class ProgressView(QWidget):
    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Plan progress"))
        self.resize(760, 480)
        self.wb = wb
        self.progress: Progress | None = None
        self.plans = QComboBox(self)
        self.summary = QLabel(self)
        self.model = RowsModel(
            [
                self.tr("Reviewer / unit"),
                self.tr("Assigned"),
                self.tr("In review"),
                self.tr("Submitted"),
                self.tr("Overdue"),
            ],
            parent=self,
        )
        self.view = _table(self.model, self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Plan"), self))
        top.addWidget(self.plans, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self.plans.currentIndexChanged.connect(lambda *_: self.show_progress())
        hub_for(wb).subscribe(PROGRESS_KINDS, self.refresh, self)
        self.refresh()

    def refresh(self, _record: ChangeRecord | None = None) -> None:
        keep = self.plans.currentData()
        self.plans.blockSignals(True)
        self.plans.clear()
        for row in list_plans(self.wb):
            self.plans.addItem(row.name, row.id)
        index = self.plans.findData(keep)
        self.plans.setCurrentIndex(index if index >= 0 else self.plans.count() - 1)
        self.plans.blockSignals(False)
        self.show_progress()

    def show_progress(self) -> None:
        plan_id = self.plans.currentData()
        if plan_id is None:
            self.progress = None
            self.model.set_rows([])
            self.summary.setText(self.tr("No plans yet."))
            return
        p = self.progress = plan_progress(self.wb, int(plan_id))

        def line(label: str, c: Counts) -> tuple[str, int, int, int, int]:
            return (label, c.assigned, c.in_review, c.submitted, c.overdue)

        rows = [line(self.tr("Total"), p.total)]
        rows += [line(self.tr("Reviewer: {name}").format(name=k), v) for k, v in sorted(p.by_reviewer.items())]
        rows += [line(self.tr("Unit: {name}").format(name=k), v) for k, v in sorted(p.by_unit.items())]
        self.model.set_rows(rows)
        self.summary.setText(
            self.tr("{cases} cases in the plan, {n} without a reviewer; due {due}.").format(
                cases=p.cases, n=p.unassigned, due=p.due_on.isoformat() if p.due_on else "—"
            )
        )
