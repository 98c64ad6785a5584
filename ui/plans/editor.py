"""The plan editor (评查方案): define a plan, preview its case selection (each case with its reason), commit
it, open the plan and assign reviewers. Writes go through the write runner; the views refresh from the hub."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from reviewapp.domain.plans import PlanMode, PlanState, PlanType, method_label, state_label
from reviewapp.i18n import term
from reviewapp.services.cases.index import CaseFilter
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.plans import assignment, commands, selection
from reviewapp.services.reviews.standards_store import list_standard_versions
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import jsonable
from reviewapp.storage.models import Unit
from ui.filter_bar import DateBound
from ui.hub import hub_for
from ui.ops import ops_for
from ui.rows_model import RowsModel

PLAN_KINDS = frozenset({Kind.PLAN, Kind.PLAN_CASE, Kind.ASSIGNMENT, Kind.STANDARD})


def _table(model: RowsModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view


class PlanEditor(QWidget):
    def __init__(self, wb: Workbench, parent: QWidget | None = None, case_filter: CaseFilter | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review plans"))
        self.resize(1100, 720)
        self.wb = wb
        self.ops = ops_for(wb)
        self.case_filter = case_filter or CaseFilter()
        self.plans = QComboBox(self)
        self.plans.setObjectName("planChooser")
        self.state_label = QLabel(self)
        # --- a new plan
        self.name = QLineEdit(self)
        self.plan_type = QComboBox(self)
        for t in PlanType:
            self.plan_type.addItem(term(t.value), t)
        self.mode = QComboBox(self)
        for m in PlanMode:
            self.mode.addItem(term(m.value), m)
        self.standard = QComboBox(self)
        self.units = QListWidget(self)
        self.units.setMaximumHeight(90)
        self.closed_from, self.closed_to, self.due = DateBound(self), DateBound(self), DateBound(self)
        self.reviewers = QSpinBox(self)
        self.reviewers.setRange(1, 9)
        self.blind = QCheckBox(self.tr("Blind (reviewers do not see who handled the case)"), self)
        self.percent = QLineEdit("5", self)
        self.every_case = QCheckBox(self.tr("Every closed case in scope (每案必检)"), self)
        self.use_filter = QCheckBox(self.tr("Thematic: the case list's current filter"), self)
        self.create_button = QPushButton(self.tr("Create plan"), self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Type"), self.plan_type)
        form.addRow(self.tr("Mode"), self.mode)
        form.addRow(self.tr("Standard version"), self.standard)
        form.addRow(self.tr("Units (none: all)"), self.units)
        dates = QHBoxLayout()
        for w in (self.closed_from, QLabel(self.tr("to"), self), self.closed_to):
            dates.addWidget(w)
        form.addRow(self.tr("Closed from"), dates)
        form.addRow(self.tr("Due"), self.due)
        form.addRow(self.tr("Reviewers per case"), self.reviewers)
        form.addRow(self.tr("Sampling quota (%)"), self.percent)
        form.addRow("", self.blind)
        form.addRow("", self.every_case)
        form.addRow("", self.use_filter)
        form.addRow("", self.create_button)
        # --- the chosen plan
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setSpecialValueText(self.tr("random"))
        self.preview_button = QPushButton(self.tr("Preview selection"), self)
        self.commit_button = QPushButton(self.tr("Commit selection"), self)
        self.open_button = QPushButton(self.tr("Open plan"), self)
        self.assign_button = QPushButton(self.tr("Assign reviewers"), self)
        self.close_button = QPushButton(self.tr("Close plan"), self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Plan"), self))
        bar.addWidget(self.plans, 1)
        bar.addWidget(self.state_label)
        bar.addWidget(QLabel(self.tr("Seed"), self))
        bar.addWidget(self.seed)
        for b in (self.preview_button, self.commit_button, self.open_button, self.assign_button, self.close_button):
            bar.addWidget(b)
        self.preview_model = RowsModel(
            [self.tr("Case number"), self.tr("Prosecutor"), self.tr("How"), self.tr("Reason")], parent=self
        )
        self.preview_view = _table(self.preview_model, self)
        self.preview_view.setObjectName("selectionPreview")
        self.assign_model = RowsModel([self.tr("Case number"), self.tr("Reviewers / why not")], parent=self)
        self.assign_view = _table(self.assign_model, self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.addLayout(bar)
        rv.addWidget(self.summary)
        rv.addWidget(self.preview_view, 3)
        rv.addWidget(self.assign_view, 2)
        left = QWidget(self)
        left.setLayout(form)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([380, 720])
        QVBoxLayout(self).addWidget(split)
        self.create_button.clicked.connect(self.create_plan)
        self.preview_button.clicked.connect(self.preview)
        self.commit_button.clicked.connect(self.commit)
        self.open_button.clicked.connect(lambda: self._run(commands.open_plan))
        self.close_button.clicked.connect(lambda: self._run(commands.close_plan))
        self.assign_button.clicked.connect(self.assign)
        self.plans.currentIndexChanged.connect(self._plan_changed)
        hub_for(wb).subscribe(PLAN_KINDS, self.refresh, self)
        self.reload_choices()
        self.refresh()

    # --- reading ------------------------------------------------------------------------------------
    def reload_choices(self) -> None:
        self.standard.clear()
        self.standard.addItem(self.tr("— choose a standard version —"), None)
        for v in list_standard_versions(self.wb):
            self.standard.addItem(f"{v.code} v{v.version} {v.name}", v.id)
        self.units.clear()
        with self.wb.db.session() as s:
            names = list(s.scalars(select(Unit.name).order_by(Unit.name)))
        for name in names:
            item = QListWidgetItem(name, self.units)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def refresh(self, _record: ChangeRecord | None = None) -> None:
        keep = self.plan_id()
        self.plans.blockSignals(True)
        self.plans.clear()
        for row in commands.list_plans(self.wb):
            self.plans.addItem(f"{row.name}（{row.plan_type}·{row.mode}）", row.id)
        if keep is not None and self.plans.findData(keep) >= 0:
            self.plans.setCurrentIndex(self.plans.findData(keep))
        else:
            self.plans.setCurrentIndex(self.plans.count() - 1)
        self.plans.blockSignals(False)
        self._plan_changed()

    def plan_id(self) -> int | None:
        data = self.plans.currentData()
        return int(data) if data is not None else None

    def _plan_changed(self, *_: object) -> None:
        plan_id = self.plan_id()
        has = plan_id is not None
        for b in (self.preview_button, self.commit_button, self.open_button, self.assign_button, self.close_button):
            b.setEnabled(has)
        if plan_id is None:
            self.state_label.setText("")
            return
        row = commands.get_plan(self.wb, plan_id)
        self.state_label.setText(
            self.tr("{state} · {standard} · {cases} cases, {assigned} assigned").format(
                state=state_label(PlanState(row.state)), standard=row.standard, cases=row.cases, assigned=row.assigned
            )
        )
        if row.seed is not None:
            self.seed.setValue(row.seed)

    # --- writing --------------------------------------------------------------------------------------
    def spec(self) -> commands.PlanSpec:
        units = tuple(
            self.units.item(i).text()
            for i in range(self.units.count())
            if self.units.item(i).checkState() == Qt.CheckState.Checked
        )
        rule: dict[str, Any] = {"percent": self.percent.text().strip() or "5"}
        if self.every_case.isChecked():
            rule["method"] = "all"
        if self.use_filter.isChecked():
            rule["filter"] = {k: jsonable(v) for k, v in self.case_filter.__dict__.items()}
            rule["filter_name"] = self.case_filter.text or self.tr("case list filter")
            rule["method"] = "thematic"
        standard = self.standard.currentData()
        if standard is None:
            raise commands.PlanError(self.tr("Choose the standard version the plan's reviews use."))
        return commands.PlanSpec(
            name=self.name.text(),
            plan_type=self.plan_type.currentData(),
            mode=self.mode.currentData(),
            standard_id=int(standard),
            units=units,
            closed_from=self.closed_from.value(),
            closed_to=self.closed_to.value(),
            due_on=self.due.value(),
            reviewers_per_case=self.reviewers.value(),
            blind=self.blind.isChecked(),
            rule=rule,
        )

    def create_plan(self) -> None:
        wb = self.wb
        try:
            spec = self.spec()
        except commands.PlanError as exc:
            self.summary.setText(str(exc))
            return
        self.ops.run(lambda: commands.create_plan(wb, spec), self._created, owner=self)

    def _created(self, row: commands.PlanRow) -> None:
        self.refresh()
        self.plans.setCurrentIndex(self.plans.findData(row.id))

    def _seed(self) -> int | None:
        return self.seed.value() or None

    def preview(self) -> selection.Selection | None:
        """A read: shown at once, nothing stored."""
        plan_id = self.plan_id()
        if plan_id is None:
            return None
        result = selection.preview_selection(self.wb, plan_id, self._seed())
        self._show_selection(result, preview=True)
        if result.seed is not None:
            self.seed.setValue(result.seed)
        return result

    def commit(self) -> None:
        plan_id, wb, seed = self.plan_id(), self.wb, self._seed()
        if plan_id is None:
            return
        self.ops.run(lambda: selection.commit_selection(wb, plan_id, seed), self._committed, owner=self)

    def _committed(self, result: selection.Selection) -> None:
        self._show_selection(result, preview=False)

    def _show_selection(self, result: selection.Selection, *, preview: bool) -> None:
        rows = [(p.dept_case_no, p.prosecutor, method_label(p.method), p.reason) for p in result.picks]
        rows += [(u.dept_case_no, "", self.tr("not checkable"), f"{u.trigger}：{u.why}") for u in result.not_checkable]
        self.preview_model.set_rows(rows)
        text = self.tr("{n} of {scope} closed cases in scope; {already} already in the plan; seed {seed}.").format(
            n=len(result.picks),
            scope=result.in_scope,
            already=result.already,
            seed=result.seed if result.seed is not None else "—",
        )
        self.summary.setText((self.tr("Preview (nothing stored yet): ") if preview else self.tr("Stored: ")) + text)

    def assign(self) -> None:
        plan_id, wb, seed = self.plan_id(), self.wb, self._seed()
        if plan_id is None:
            return
        self.ops.run(lambda: assignment.assign_plan(wb, plan_id, seed), self._assigned, owner=self)

    def _assigned(self, result: assignment.AssignmentPlan) -> None:
        rows = [(result.numbers[pc], "、".join(result.names[r] for r in rs)) for pc, rs in result.assigned.items()]
        rows += [(no, self.tr("not assigned: {why}").format(why=why)) for no, why in result.unassignable]
        self.assign_model.set_rows(rows)
        self.summary.setText(
            self.tr("{n} cases assigned, {m} without an eligible reviewer.").format(
                n=len(result.assigned), m=len(result.unassignable)
            )
        )

    def _run(self, fn: Any) -> None:
        plan_id, wb = self.plan_id(), self.wb
        if plan_id is not None:
            self.ops.run(lambda: fn(wb, plan_id), lambda _row: self.refresh(), owner=self)
