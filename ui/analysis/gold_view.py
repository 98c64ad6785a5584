"""The gold-case tab of the calibration view: the gold cases, the training attempts on the chosen one, the
signed-in reviewer's own attempt to score (item, severity, reason; submit), and a submitted attempt compared
with the reference item by item (services/analysis/training.py, training_compare.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.roles import Action
from reviewapp.errors import KNOWN_ERRORS
from reviewapp.legal.local_time import local_datetime
from reviewapp.services.analysis import training
from reviewapp.services.analysis.training_compare import (
    AttemptState,
    ItemComparison,
    TrainingComparison,
    Verdict,
    attempt_state,
    compare_training,
    gold_cases,
    training_reviews,
)
from reviewapp.services.workbench import Workbench
from ui.analysis.calibration_model import PAYLOAD_ROLE, Column, RecordsModel, shown, table_for
from ui.ops import ops_for

_TINTS = {
    Verdict.SAME: QColor(220, 240, 220),
    Verdict.MISSED: QColor(250, 222, 210),
    Verdict.EXTRA: QColor(255, 240, 200),
    Verdict.STRICTER: QColor(255, 240, 200),
    Verdict.LENIENT: QColor(250, 222, 210),
}


def _selected(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows() if view.selectionModel() is not None else []
    return rows[0].data(PAYLOAD_ROLE) if rows else None


class GoldCasesView(QWidget):
    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.attempt: AttemptState | None = None
        self.comparison: TrainingComparison | None = None
        self.gold_model = RecordsModel(
            [
                Column(self.tr("Case"), lambda r: r.case_no),
                Column(self.tr("Case name"), lambda r: r.case_name),
                Column(self.tr("Reference grade"), lambda r: r.reference_grade),
                Column(self.tr("Note"), lambda r: r.note),
                Column(self.tr("Marked by"), lambda r: r.marked_by),
                Column(self.tr("My attempts"), lambda r: r.my_attempts, "int"),
            ],
            self,
        )
        self.attempts_model = RecordsModel(
            [
                Column(self.tr("Reviewer"), lambda r: r.reviewer),
                Column(self.tr("Attempt"), lambda r: r.attempt, "int"),
                Column(self.tr("Status"), lambda r: self._status(r.status)),
                Column(
                    self.tr("Submitted"),
                    lambda r: local_datetime(r.submitted_at).strftime("%Y-%m-%d %H:%M") if r.submitted_at else None,
                ),
            ],
            self,
        )
        self.comparison_model = RecordsModel(
            [
                Column(self.tr("Item"), lambda r: r.item_code, tooltip=lambda r: f"{r.item_code} {r.item_text}"),
                Column(self.tr("Text"), lambda r: r.item_text),
                Column(self.tr("Attempt"), lambda r: r.trainee_severity or self.tr("no problem")),
                Column(self.tr("Reference"), lambda r: r.reference_severity or self.tr("no problem")),
                Column(self.tr("Result"), lambda r: self._verdict(r.verdict)),
                Column(self.tr("Reference reason"), lambda r: r.reference_reason),
                Column(self.tr("Attempt reason"), lambda r: r.trainee_reason),
            ],
            self,
        )
        self.comparison_model.tint = lambda r: _TINTS.get(r.verdict) if isinstance(r, ItemComparison) else None
        self.gold_view = table_for(self.gold_model, self)
        self.attempts_view = table_for(self.attempts_model, self)
        self.comparison_view = table_for(self.comparison_model, self)
        self.start_button = QPushButton(self.tr("Start or continue my attempt"), self)
        # Marking a reviewed case as a gold case (评查管理员: ASSIGN_REVIEWS).
        self.mark_case = QLineEdit(self)
        self.mark_case.setPlaceholderText(self.tr("Department case number of a reviewed case"))
        self.mark_note = QLineEdit(self)
        self.mark_note.setPlaceholderText(self.tr("what the case trains"))
        self.mark_button = QPushButton(self.tr("Mark as gold case"), self)
        may_mark = wb.permissions.allows(wb.user, Action.ASSIGN_REVIEWS)
        for marker in (self.mark_case, self.mark_note, self.mark_button):
            marker.setVisible(may_mark)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.comparison_summary = QLabel(self)
        self.comparison_summary.setWordWrap(True)
        # The trainee's own attempt.
        self.editor = QGroupBox(self.tr("My attempt"), self)
        self.item = QComboBox(self.editor)
        self.severity = QComboBox(self.editor)
        self.reason = QLineEdit(self.editor)
        self.reason.setPlaceholderText(self.tr("reason"))
        self.record_button = QPushButton(self.tr("Record"), self.editor)
        self.remove_button = QPushButton(self.tr("Remove"), self.editor)
        self.submit_button = QPushButton(self.tr("Submit and compare"), self.editor)
        self.found = QLabel(self.editor)
        self.found.setWordWrap(True)
        row = QHBoxLayout()
        editors: tuple[QWidget, ...] = (self.item, self.severity, self.reason)
        for widget in (*editors, self.record_button, self.remove_button, self.submit_button):
            row.addWidget(widget, 2 if widget is self.reason else 0)
        box = QVBoxLayout(self.editor)
        box.addLayout(row)
        box.addWidget(self.found)
        self.editor.setVisible(False)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.gold_view, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        buttons.addWidget(self.mark_case, 1)
        buttons.addWidget(self.mark_note, 1)
        buttons.addWidget(self.mark_button)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.attempts_view, 1)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.editor)
        bottom_layout.addWidget(self.comparison_summary)
        bottom_layout.addWidget(self.comparison_view, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self.gold_view.selectionModel().selectionChanged.connect(self._gold_chosen)
        self.attempts_view.selectionModel().selectionChanged.connect(self._attempt_chosen)
        self.item.currentIndexChanged.connect(self._fill_severities)
        self.start_button.clicked.connect(self.start)
        self.mark_button.clicked.connect(self.mark)
        self.record_button.clicked.connect(self.record)
        self.remove_button.clicked.connect(self.remove)
        self.submit_button.clicked.connect(self.submit)

    def _status(self, status: str) -> str:
        return self.tr("submitted") if status == "submitted" else self.tr("in progress")

    def _verdict(self, verdict: Verdict) -> str:
        return {
            Verdict.SAME: self.tr("same"),
            Verdict.MISSED: self.tr("missed"),
            Verdict.EXTRA: self.tr("not in the reference"),
            Verdict.STRICTER: self.tr("stricter"),
            Verdict.LENIENT: self.tr("more lenient"),
        }[verdict]

    # --- reading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        chosen = _selected(self.gold_view)
        try:
            rows = gold_cases(self.wb)
            self.message.setText("" if rows else self.tr("No gold cases yet."))
        except KNOWN_ERRORS as exc:
            rows = []
            self.message.setText(str(exc))
        self.gold_model.set_records(rows)
        self._reselect(self.gold_view, lambda r: chosen is not None and r.gold_id == chosen.gold_id)
        self._gold_chosen()

    def _reselect(self, view: QTableView, match: Any) -> None:
        proxy = view.model()
        for row in range(proxy.rowCount()):
            if match(proxy.index(row, 0).data(PAYLOAD_ROLE)):
                view.selectRow(row)
                return
        if proxy.rowCount():
            view.selectRow(0)

    def _gold_chosen(self, *_: QItemSelection) -> None:
        gold = _selected(self.gold_view)
        chosen = _selected(self.attempts_view)
        self.start_button.setEnabled(gold is not None)
        attempts = training_reviews(self.wb, gold.case_id) if gold is not None else []
        self.attempts_model.set_records(attempts)
        mine = [a for a in attempts if a.reviewer_id == self.wb.user.person_id]
        prefer = chosen.review_id if chosen is not None else (mine[-1].review_id if mine else None)
        self._reselect(self.attempts_view, lambda r: r.review_id == prefer)
        self._attempt_chosen()

    def _attempt_chosen(self, *_: QItemSelection) -> None:
        attempt = _selected(self.attempts_view)
        self.attempt, self.comparison = None, None
        self.comparison_model.set_records([])
        self.comparison_summary.setText("")
        self.editor.setVisible(False)
        if attempt is None:
            return
        try:
            if attempt.status == "submitted":
                self.comparison = compare_training(self.wb, attempt.review_id)
            elif attempt.reviewer_id == self.wb.user.person_id:
                self.attempt = attempt_state(self.wb, attempt.review_id)
        except KNOWN_ERRORS as exc:
            self.comparison_summary.setText(str(exc))
            return
        if self.comparison is not None:
            c = self.comparison
            self.comparison_model.set_records(c.rows)
            self.comparison_summary.setText(
                self.tr(
                    "Grade {mine} (reference {ref}); {same} of {rows} items as the reference; weighted κ {k}."
                ).format(
                    mine=c.trainee_grade or "—", ref=c.reference_grade or "—", same=c.same, rows=len(c.rows),
                    k=shown(c.kappa_linear, "ratio"),
                )
            )  # fmt: skip
        elif self.attempt is not None:
            self._show_attempt(self.attempt)
        else:
            self.comparison_summary.setText(self.tr("This attempt is not submitted yet."))

    def _show_attempt(self, a: AttemptState) -> None:
        self.editor.setVisible(True)
        current = self.item.currentData()
        self.item.blockSignals(True)
        self.item.clear()
        for code, text, severities in a.items:
            self.item.addItem(f"{code} {text[:30]}", (code, severities))
        index = next((i for i in range(self.item.count()) if self.item.itemData(i)[0] == (current or ("",))[0]), 0)
        self.item.setCurrentIndex(index)
        self.item.blockSignals(False)
        self._fill_severities()
        found = "；".join(f"{code} {sev}" for code, (sev, _) in sorted(a.findings.items()))
        self.found.setText(self.tr("Found so far: {found}").format(found=found or self.tr("nothing")))

    def _fill_severities(self, *_: Any) -> None:
        data = self.item.currentData()
        self.severity.clear()
        for severity in data[1] if data else ():
            self.severity.addItem(severity)

    # --- writing (the write path, through the GUI's queue) -----------------------------------------
    def _run(self, work: Any) -> None:
        self.message.setText("")
        ops_for(self.wb).run(work, lambda _r: self.refresh(), self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        # A bug was already reported by the queue (ui/ops.py); a known error is said in place.
        if isinstance(exc, KNOWN_ERRORS):
            self.message.setText(str(exc))

    def mark(self) -> None:
        from reviewapp.cli.lookup import find_case  # the one case-number lookup (core, no Qt)

        number, note = self.mark_case.text(), self.mark_note.text()
        self.mark_case.clear()
        self.mark_note.clear()
        self._run(lambda: training.mark_gold(self.wb, find_case(self.wb, number), note))

    def start(self) -> None:
        gold = _selected(self.gold_view)
        if gold is not None:
            self.attempts_view.clearSelection()
            self._run(lambda: training.start_training(self.wb, gold.case_id))

    def record(self) -> None:
        a, data = self.attempt, self.item.currentData()
        if a is not None and data and self.severity.currentText():
            item, severity, reason = data[0], self.severity.currentText(), self.reason.text()
            self._run(lambda: training.record_training_finding(self.wb, a.review_id, item, severity, reason))
            self.reason.clear()

    def remove(self) -> None:
        a, data = self.attempt, self.item.currentData()
        if a is not None and data:
            self._run(lambda: training.remove_training_finding(self.wb, a.review_id, data[0]))

    def submit(self) -> None:
        if self.attempt is not None:
            review_id = self.attempt.review_id
            self._run(lambda: training.submit_training(self.wb, review_id))
