"""The fill-in dialog of a self-check form (个人自查表 for the handling prosecutor, 部门核查表 for the department
head), opened from the case list. Non-blocking; every write runs on the write runner (ui/ops.py).

``SelfCheckDialog.open_for(wb, case_id, kind, parent)``: shows the stored form, making it first when there is
none (a write). Each row: the item, its source (自动校验 when pre-filled from the pre-screening), an answer
是 / 否 / 不适用 and a note. 保存 keeps a draft; 提交 submits (every item answered, every 否 with a note).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.selfcheck import AUTO_MARK, Answer, FormKind, form_title
from reviewapp.i18n import term
from reviewapp.services.selfcheck.forms import SelfCheckForm, save_selfcheck, start_selfcheck, submit_selfcheck
from reviewapp.services.workbench import Workbench
from ui.errors import show_error
from ui.ops import ops_for

CODE, TEXT, SOURCE, ANSWER, NOTE = range(5)


class SelfCheckDialog(QDialog):
    saved = Signal(object)  # the SelfCheckForm after a save or submit landed

    def __init__(self, wb: Workbench, case_id: int, kind: FormKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfCheckDialog")
        self.wb = wb
        self.case_id = case_id
        self.kind = kind
        self.form: SelfCheckForm | None = None
        self.ops = ops_for(wb)
        self.setWindowTitle(term(form_title(kind)))
        self.resize(980, 640)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("selfCheckTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Content"), self.tr("Source"), self.tr("Answer"), self.tr("Note")]
        )
        self.table.horizontalHeader().setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Save draft"), self)
        self.submit_button = QPushButton(self.tr("Submit"), self)
        self.save_button.setObjectName("selfCheckSave")
        self.submit_button.setObjectName("selfCheckSubmit")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.save_button.clicked.connect(self.save)
        self.submit_button.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._set_editable(False)

    @classmethod
    def open_for(cls, wb: Workbench, case_id: int, kind: FormKind, parent: QWidget | None = None) -> SelfCheckDialog:
        dialog = cls(wb, case_id, kind, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.status.setText(dialog.tr("Opening the form…"))
        dialog.ops.run(lambda: start_selfcheck(wb, case_id, kind), dialog.show_form, dialog._failed, owner=dialog)
        return dialog

    # --- showing --------------------------------------------------------------------------------------
    def show_form(self, form: SelfCheckForm) -> None:
        self.form = form
        self.heading.setText(
            self.tr("{title} · case {case} {name} · standard {standard}").format(
                title=form.title, case=form.dept_case_no, name=form.case_name, standard=form.standard
            )
        )
        self.table.setRowCount(len(form.items))
        for row, item in enumerate(form.items):
            for col, text in ((CODE, item.code), (TEXT, item.text), (SOURCE, AUTO_MARK if item.auto else "")):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if col == TEXT:
                    cell.setToolTip(item.text)
                self.table.setItem(row, col, cell)
            combo = QComboBox(self.table)
            combo.addItem("", "")
            for answer in Answer:
                combo.addItem(answer.value, answer.value)
            combo.setCurrentIndex(max(0, combo.findData(item.answer)))
            self.table.setCellWidget(row, ANSWER, combo)
            self.table.setItem(row, NOTE, QTableWidgetItem(item.note))
        self.table.resizeRowsToContents()
        editable = not form.submitted
        self._set_editable(editable)
        self.status.setText(self.tr("Submitted.") if form.submitted else self.tr("Draft: answer every item."))

    def _set_editable(self, editable: bool) -> None:
        self.save_button.setEnabled(editable)
        self.submit_button.setEnabled(editable)
        triggers = QTableWidget.EditTrigger.AllEditTriggers if editable else QTableWidget.EditTrigger.NoEditTriggers
        self.table.setEditTriggers(triggers)
        for row in range(self.table.rowCount()):
            widget = self.table.cellWidget(row, ANSWER)
            if widget is not None:
                widget.setEnabled(editable)

    # --- answering --------------------------------------------------------------------------------------
    def set_answer(self, code: str, answer: str, note: str | None = None) -> None:
        """Answer one item as a person would in the table (for keyboard-free use and tests)."""
        for row in range(self.table.rowCount()):
            if self._text(row, CODE) == code:
                combo = self.table.cellWidget(row, ANSWER)
                assert isinstance(combo, QComboBox)
                combo.setCurrentIndex(combo.findData(answer))
                if note is not None:
                    self.table.setItem(row, NOTE, QTableWidgetItem(note))
                return
        raise KeyError(code)

    def answers(self) -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, ANSWER)
            answer = combo.currentData() if isinstance(combo, QComboBox) else ""
            out[self._text(row, CODE)] = (str(answer or ""), self._text(row, NOTE))
        return out

    def _text(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return cell.text() if cell is not None else ""

    def save(self) -> None:
        if self.form is None:
            return
        form_id, answers, wb = self.form.id, self.answers(), self.wb
        self.ops.run(lambda: save_selfcheck(wb, form_id, answers), self._landed, self._failed, owner=self)

    def submit(self) -> None:
        if self.form is None:
            return
        form_id, answers, wb = self.form.id, self.answers(), self.wb
        self.ops.run(lambda: submit_selfcheck(wb, form_id, answers), self._landed, self._failed, owner=self)

    def _landed(self, form: SelfCheckForm) -> None:
        self.show_form(form)
        self.status.setText(self.tr("Submitted.") if form.submitted else self.tr("Draft saved."))
        self.saved.emit(form)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))
        if self.form is None:  # no form to fill: say why where the user asked for it
            show_error(self.parentWidget(), str(exc))
            self.close()
