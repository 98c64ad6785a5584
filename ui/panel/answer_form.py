"""The handling prosecutor's answer to the review opinion (听取意见, review-rules.md §1 steps 8–9): every finding
of the opinion with its reason and evidence; per finding accept, or object with a reason and attachments;
then the whole answer is sent at once ("feedback.answer"). An answer that came back on paper is entered the
same way by 案管 (channel "form", dated the day it was given).

Keyboard: arrows move between findings; Alt+A accepts, Alt+O objects (the reason field takes the focus);
Ctrl+Enter sends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.errors import KNOWN_ERRORS
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.panel.feedback import Answer, FeedbackSheet, answer_feedback, feedback_sheet
from reviewapp.services.panel.labels import status_label
from reviewapp.services.workbench import Workbench
from ui.errors import show_error
from ui.file_dialogs import remember, start_folder
from ui.hub import hub_for
from ui.ops import ops_for
from ui.rows_model import RowsModel

AWAITING_FEEDBACK = "awaiting_feedback"


@dataclass
class Draft:
    accept: bool = True
    reason: str = ""
    attachments: list[str] = field(default_factory=list)


class AnswerForm(QWidget):
    def __init__(self, wb: Workbench, opinion_id: int, *, channel: str = "app", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.opinion_id = opinion_id
        self.channel = channel
        self.ops = ops_for(wb)
        self.sheet: FeedbackSheet | None = None
        self.drafts: dict[int, Draft] = {}
        self._loading = False
        self.setWindowTitle(self.tr("Answer the review opinion"))
        self.resize(1100, 640)
        self.heading = QLabel(self)
        self.heading.setObjectName("answerHeading")
        self.heading.setWordWrap(True)
        self.model = RowsModel(
            [
                self.tr("Item"),
                self.tr("Severity"),
                self.tr("Finding"),
                self.tr("Evidence"),
                self.tr("Your answer"),
                self.tr("Ruling"),
            ],
            parent=self,
        )
        self.table = QTableView(self)
        self.table.setObjectName("answerFindings")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.accept_radio = QRadioButton(self.tr("&Accept"), self)
        self.accept_radio.setObjectName("acceptFinding")
        self.object_radio = QRadioButton(self.tr("&Object"), self)
        self.object_radio.setObjectName("objectFinding")
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.accept_radio)
        self.choice.addButton(self.object_radio)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("objectionReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why you object (required for an objection)"))
        self.attachments = QListWidget(self)
        self.attachments.setObjectName("objectionAttachments")
        self.add_button = QPushButton(self.tr("Add &files…"), self)
        self.remove_button = QPushButton(self.tr("&Remove file"), self)
        self.answered_on = QDateEdit(QDate.currentDate(), self)
        self.answered_on.setCalendarPopup(True)
        self.answered_on.setDisplayFormat("yyyy-MM-dd")
        self.send_button = QPushButton(self.tr("&Send the answer (Ctrl+Enter)"), self)
        self.send_button.setObjectName("sendAnswer")
        self.message = QLabel(self)
        self.message.setObjectName("answerMessage")
        self.message.setWordWrap(True)
        self._build_layout()
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.accept_radio.toggled.connect(self._choice_changed)
        self.reason.textChanged.connect(self._store_current)
        self.add_button.clicked.connect(self.ask_attachments)
        self.remove_button.clicked.connect(self.remove_attachment)
        self.send_button.clicked.connect(self.send)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.send)
        hub_for(wb).subscribe(frozenset({Kind.REVIEW}), self._changed, self)
        self.refresh()

    def _build_layout(self) -> None:
        box = QGroupBox(self.tr("Your answer to the selected finding"), self)
        form = QFormLayout(box)
        choice = QHBoxLayout()
        choice.addWidget(self.accept_radio)
        choice.addWidget(self.object_radio)
        choice.addStretch(1)
        form.addRow(choice)
        form.addRow(self.tr("Reason:"), self.reason)
        files = QHBoxLayout()
        files.addWidget(self.add_button)
        files.addWidget(self.remove_button)
        files.addStretch(1)
        form.addRow(self.tr("Attachments:"), self.attachments)
        form.addRow(files)
        if self.channel == "form":
            form.addRow(self.tr("Answer given on:"), self.answered_on)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(box)
        split.setSizes([380, 260])
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    # --- reading --------------------------------------------------------------------------------------
    def _changed(self, record: ChangeRecord) -> None:
        if self.opinion_id in record.ids(Kind.REVIEW):
            self.refresh()

    @property
    def open_for_answer(self) -> bool:
        return self.sheet is not None and self.sheet.status.value == AWAITING_FEEDBACK

    def refresh(self) -> bool:
        try:
            sheet = feedback_sheet(self.wb, self.opinion_id)
        except KNOWN_ERRORS as exc:
            self.sheet = None
            self.model.set_rows([])
            self.heading.setText(str(exc))
            self._update_enabled()
            return False
        self.sheet = sheet
        for f in sheet.findings:
            self.drafts.setdefault(f.id, Draft(accept=f.answer != "object", reason=f.answer_reason))
        due = sheet.due_on.isoformat() if sheet.due_on else "—"
        self.setWindowTitle(self.tr("Answer the review opinion — {number}").format(number=sheet.file_no))
        self.heading.setText(
            self.tr(
                "Case {case} {name} · review file {number} · proposed grade {grade} · {status} · answer by {due}"
            ).format(
                case=sheet.dept_case_no, name=sheet.case_name, number=sheet.file_no, grade=sheet.grade,
                status=status_label(sheet.status.value), due=due,
            )
        )  # fmt: skip
        self._fill_rows()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self._update_enabled()
        return True

    def _answer_text(self, finding_id: int, stored: str | None) -> str:
        answer = stored if stored is not None or not self.open_for_answer else None
        if answer is None:
            draft = self.drafts[finding_id]
            answer = "accept" if draft.accept else "object"
        return self.tr("accept") if answer == "accept" else self.tr("object")

    def _fill_rows(self) -> None:
        assert self.sheet is not None
        rulings = {"upheld": self.tr("objection upheld"), "rejected": self.tr("objection rejected")}
        current = self.table.currentIndex().row()
        self.model.set_rows(
            [
                (
                    f"{f.item_code} {f.item_text}",
                    f.severity,
                    f.reason,
                    f.evidence,
                    self._answer_text(f.id, f.answer),
                    rulings.get(f.ruling or "", ""),
                )
                for f in self.sheet.findings
            ],
            [f.id for f in self.sheet.findings],
        )
        if 0 <= current < self.model.rowCount():
            self.table.selectRow(current)

    def current_finding(self) -> int | None:
        return self.model.payload(self.table.currentIndex().row())

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        finding = self.model.payload(current.row()) if current.isValid() else None
        draft = self.drafts.get(finding) if finding is not None else None
        self._loading = True
        try:
            self.accept_radio.setChecked(draft is None or draft.accept)
            self.object_radio.setChecked(draft is not None and not draft.accept)
            self.reason.setPlainText(draft.reason if draft else "")
            self.attachments.clear()
            self.attachments.addItems([Path(p).name for p in (draft.attachments if draft else [])])
        finally:
            self._loading = False
        self._update_enabled()

    def _update_enabled(self) -> None:
        editable = self.open_for_answer and self.current_finding() is not None
        for w in (self.accept_radio, self.object_radio, self.add_button, self.remove_button, self.answered_on):
            w.setEnabled(editable)
        self.reason.setEnabled(editable)
        self.attachments.setEnabled(editable)
        self.send_button.setEnabled(self.open_for_answer)

    # --- answering ------------------------------------------------------------------------------------
    def _store_current(self) -> None:
        finding = self.current_finding()
        if self._loading or finding is None or not self.open_for_answer:
            return
        draft = self.drafts[finding]
        draft.accept = self.accept_radio.isChecked()
        draft.reason = self.reason.toPlainText()
        # Only the answer cell changes: resetting the model would move the cursor of the reason being typed.
        row = self.table.currentIndex().row()
        self.model.rows[row][4] = self._answer_text(finding, None)
        cell = self.model.index(row, 4)
        self.model.dataChanged.emit(cell, cell)

    def _choice_changed(self, _checked: bool) -> None:
        self._store_current()
        if self.object_radio.isChecked() and not self._loading:
            self.reason.setFocus()

    def set_answer(self, finding_id: int, accept: bool, reason: str = "", attachments: list[str] | None = None) -> None:
        """Fill the answer of one finding (the same as choosing it by hand)."""
        for row in range(self.model.rowCount()):
            if self.model.payload(row) == finding_id:
                self.table.selectRow(row)
                (self.accept_radio if accept else self.object_radio).setChecked(True)
                self.reason.setPlainText(reason)
                if attachments:
                    self.add_attachments(attachments)
                return
        raise KeyError(finding_id)

    def ask_attachments(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files to the objection"), str(start_folder()))
        if names:
            remember(names[0])
            self.add_attachments(names)

    def add_attachments(self, paths: list[str]) -> None:
        finding = self.current_finding()
        if finding is None:
            return
        draft = self.drafts[finding]
        for p in paths:
            if p not in draft.attachments:
                draft.attachments.append(p)
                self.attachments.addItem(Path(p).name)

    def remove_attachment(self) -> None:
        finding, row = self.current_finding(), self.attachments.currentRow()
        if finding is None or row < 0:
            return
        del self.drafts[finding].attachments[row]
        self.attachments.takeItem(row)

    def answers(self) -> list[Answer]:
        assert self.sheet is not None
        out = []
        for f in self.sheet.findings:
            d = self.drafts[f.id]
            out.append(Answer(f.id, d.accept, d.reason.strip(), tuple(d.attachments) if not d.accept else ()))
        return out

    def send(self) -> bool:
        if not self.open_for_answer or self.sheet is None:
            return False
        missing = [
            f.item_code
            for f in self.sheet.findings
            if not self.drafts[f.id].accept and not self.drafts[f.id].reason.strip()
        ]
        if missing:
            self.message.setText(
                self.tr("Write the reason of each objection: {items}.").format(items="、".join(missing))
            )
            return False
        wb, opinion_id, answers, channel = self.wb, self.opinion_id, self.answers(), self.channel
        day: date | None = self.answered_on.date().toPython() if channel == "form" else None  # type: ignore[assignment]

        def done(outcome: str) -> None:
            text = (
                self.tr("Answer sent: every finding accepted.")
                if outcome == "accepted"
                else self.tr("Answer sent: your objections go to the ruling.")
            )
            self.message.setText(text)
            self.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, KNOWN_ERRORS):
                self.message.setText(str(exc))
                show_error(self, str(exc))

        self.ops.run(
            lambda: answer_feedback(wb, opinion_id, answers, channel=channel, answered_on=day), done, failed, self
        )
        return True
