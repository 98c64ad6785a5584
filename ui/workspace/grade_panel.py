"""The grade side of the workspace: live proposal and its "why", the running deduction total, the 优质
criteria with their justification, the reviewer's own grade with its reason, submit and reopen."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.review_status import EDITABLE, ReviewStatus
from reviewapp.i18n import term
from reviewapp.legal.local_time import local_datetime
from reviewapp.services.reviews.commands import ReviewState
from ui.rows_model import RowsModel
from ui.workspace.session import ReviewSession


class GradePanel(QWidget):
    submitRequested = Signal()
    reopenRequested = Signal()
    itemActivated = Signal(str)  # item code of a finding picked from the list

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        standard = session.state.standard
        self.grades = list(standard.grade_scheme(session.state.scheme_id).grades)
        self.status = QLabel(self)
        self.status.setObjectName("reviewStatus")
        self.status.setWordWrap(True)
        self.proposal = QLabel(self)
        self.proposal.setObjectName("proposedGrade")
        self.proposal.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.explanation = QLabel(self)
        self.explanation.setObjectName("proposalExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.score = QLabel(self)
        self.score.setObjectName("deductionTotal")
        proposal_box = QGroupBox(self.tr("Proposed grade"), self)
        pv = QVBoxLayout(proposal_box)
        for w in (self.proposal, self.explanation, self.score):
            pv.addWidget(w)
        self.criteria_boxes: dict[str, QCheckBox] = {}
        top = term(self.grades[0]) if self.grades else ""  # the criteria are the top grade's (优质)
        criteria_box = QGroupBox(self.tr("Criteria for {grade}").format(grade=top), self)
        cv = QVBoxLayout(criteria_box)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, criterion in enumerate(standard.criteria):
            # The box carries the code, the text beside it wraps: a long criterion is read whole.
            box = QCheckBox(criterion.code, criteria_box)
            text = QLabel(term(criterion.text), criteria_box)
            text.setWordWrap(True)
            text.setBuddy(box)
            box.setToolTip(term(criterion.text))
            box.clicked.connect(lambda _checked=False: self._save_criteria())
            self.criteria_boxes[criterion.code] = box
            grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1)
        cv.addLayout(grid)
        self.justification = QLineEdit(criteria_box)
        self.justification.setObjectName("justificationEdit")
        self.justification.setPlaceholderText(self.tr("Justification for {grade}").format(grade=top))
        self.justification.editingFinished.connect(self._save_criteria)
        cv.addWidget(self.justification)
        if not standard.criteria:
            criteria_box.hide()
        override_box = QGroupBox(self.tr("Your grade"), self)
        form = QFormLayout(override_box)
        self.grade_model = RowsModel([self.tr("Grade")])
        self.grade_model.set_rows(
            [[self.tr("Follow the proposal")], *[[term(g)] for g in self.grades]], [None, *self.grades]
        )
        self.grade_combo = QComboBox(override_box)
        self.grade_combo.setObjectName("gradeCombo")
        self.grade_combo.setModel(self.grade_model)
        self.grade_combo.activated.connect(lambda _row: self._save_override())
        self.override_reason = QLineEdit(override_box)
        self.override_reason.setObjectName("overrideReasonEdit")
        self.override_reason.setPlaceholderText(self.tr("Reason, required when it differs from the proposal"))
        self.override_reason.editingFinished.connect(self._save_override)
        form.addRow(self.tr("Grade"), self.grade_combo)
        form.addRow(self.tr("Reason"), self.override_reason)
        self.findings_box = QGroupBox(self)
        self.findings_model = RowsModel([self.tr("Item"), self.tr("Severity"), self.tr("Reason")])
        self.findings_view = QTableView(self.findings_box)
        self.findings_view.setObjectName("findingsTable")
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings_view.verticalHeader().setVisible(False)
        header = self.findings_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.findings_view.setWordWrap(True)  # a long reason wraps in its row instead of being clipped
        self.findings_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.sectionResized.connect(lambda *_: self.findings_view.resizeRowsToContents())
        self.findings_view.clicked.connect(self._finding_clicked)
        self.findings_view.activated.connect(self._finding_clicked)
        QVBoxLayout(self.findings_box).addWidget(self.findings_view)
        self.problems = QLabel(self)
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.submit_button = QPushButton(self.tr("Submit (Ctrl+Enter)"), self)
        self.submit_button.setObjectName("submitButton")
        self.submit_button.clicked.connect(self.submitRequested)
        self.reopen_button = QPushButton(self.tr("Reopen…"), self)
        self.reopen_button.clicked.connect(self.reopenRequested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.status)
        layout.addWidget(proposal_box)
        layout.addWidget(criteria_box)
        layout.addWidget(override_box)
        layout.addWidget(self.findings_box, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.submit_button)
        layout.addWidget(self.reopen_button)
        session.changed.connect(self.refresh)
        self.refresh(session.state)

    def refresh(self, state: ReviewState) -> None:
        proposal = state.proposal
        draft = ReviewStatus(state.status) in EDITABLE
        if draft:
            self.status.setText(self.tr("Draft — every change is saved at once."))
        else:
            when = local_datetime(state.submitted_at).strftime("%Y-%m-%d %H:%M") if state.submitted_at else ""
            self.status.setText(
                self.tr("Submitted {when} with grade {grade}.").format(
                    when=when, grade=term(state.final_grade) if state.final_grade else "—"
                )
            )
        self.proposal.setText(term(proposal.grade) if proposal.grade else self.tr("No grade proposed"))
        self.explanation.setText(proposal.explanation)
        if state.standard.score_base is not None:
            self.score.setText(
                self.tr("Deductions {total:g} points · score {score:g} of {base:g}").format(
                    total=proposal.total_deduction,
                    score=proposal.score if proposal.score is not None else 0,
                    base=state.standard.score_base,
                )
            )
        else:
            self.score.setText(self.tr("Deductions {total:g} points").format(total=proposal.total_deduction))
        self.findings_box.setTitle(self.tr("Findings ({n})").format(n=len(state.findings)))
        self.findings_model.set_rows(
            [[f.item_code, term(f.severity), f.reason or self.tr("(no reason yet)")] for f in state.findings],
            [f.item_code for f in state.findings],
        )
        self.findings_view.resizeRowsToContents()
        for code, box in self.criteria_boxes.items():
            box.setChecked(code in state.ticked_criteria)
            box.setEnabled(draft)
        if not self.justification.hasFocus():
            self.justification.setText(state.excellence_justification)
        self.justification.setEnabled(draft)
        row = self.grades.index(state.final_grade) + 1 if state.final_grade in self.grades else 0
        self.grade_combo.setCurrentIndex(row)
        self.grade_combo.setEnabled(draft)
        if not self.override_reason.hasFocus():
            self.override_reason.setText(state.override_reason)
        self.override_reason.setEnabled(draft)
        self.submit_button.setEnabled(draft)
        self.reopen_button.setEnabled(not draft)
        if not draft:
            self.problems.clear()

    def _save_criteria(self) -> None:
        if not self.session.editable:
            return
        ticked = tuple(code for code, box in self.criteria_boxes.items() if box.isChecked())
        justification = self.justification.text().strip()
        state = self.session.state
        if (ticked, justification) != (tuple(state.ticked_criteria), state.excellence_justification):
            self.session.set_criteria(ticked, justification)
            self.problems.clear()

    def _save_override(self) -> None:
        if not self.session.editable:
            return
        grade = self.grade_model.payload(self.grade_combo.currentIndex())
        reason = self.override_reason.text().strip()
        state = self.session.state
        if grade is not None and grade != state.proposal.grade and not reason:
            # Saved once the reason is written (review-rules.md §2: a different grade needs its reason).
            self.problems.setText(self.tr("Write the reason for grade {grade}.").format(grade=term(grade)))
            return
        reason = reason if grade is not None else ""
        if (grade, reason) != (state.final_grade, state.override_reason):
            self.session.set_override(grade, reason)
        self.problems.clear()

    def _finding_clicked(self, index: QModelIndex) -> None:
        code = self.findings_model.payload(index.row())
        if code is not None:
            self.itemActivated.emit(code)

    def show_problems(self, text: str) -> None:
        self.problems.setText(text)
