"""Who is working: pick yourself from the roster or add yourself; every change is attributed to that person."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewapp.context import Actor
from reviewapp.services.cases.people import PersonRow, RosterError, add_person, list_people
from reviewapp.services.workbench import Workbench
from ui.rows_model import RowsModel


class IdentityDialog(QDialog):
    chosen = Signal(object)  # Actor

    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.setWindowTitle(self.tr("Who is working?"))
        self.resize(480, 420)
        self.people: list[PersonRow] = list_people(wb, reviewers_only=False)
        self.model = RowsModel(
            [self.tr("Person")],
            [[p.label()] for p in self.people],
        )
        self.model.payloads = list(self.people)
        self.list = QListView(self)
        self.list.setObjectName("rosterList")
        self.list.setModel(self.model)
        self.list.doubleClicked.connect(lambda *_: self._accept_choice())
        self.name = QLineEdit(self)
        self.unit = QLineEdit(self)
        self.department = QLineEdit(self)
        self.staff_no = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        add_page = QWidget(self)
        form = QFormLayout(add_page)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Staff number"), self.staff_no)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.list, self.tr("Choose from the roster"))
        self.tabs.addTab(add_page, self.tr("Add yourself"))
        if not self.people:
            self.tabs.setCurrentIndex(1)
        last = QSettings().value("identity/last_person_id")
        for row, p in enumerate(self.people):
            if str(p.id) == str(last):
                self.list.setCurrentIndex(self.model.index(row, 0))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept_choice)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every change you make is recorded under your name."), self))
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, wb: Workbench, parent: QWidget | None = None) -> IdentityDialog:
        dialog = cls(wb, parent)
        dialog.open()
        return dialog

    def _accept_choice(self) -> None:
        try:
            if self.tabs.currentIndex() == 1:
                person = add_person(
                    self.wb,
                    self.name.text(),
                    unit=self.unit.text(),
                    department=self.department.text(),
                    staff_no=self.staff_no.text(),
                )
            else:
                person = self.model.payload(self.list.currentIndex().row())
                if person is None:
                    self.error.setText(self.tr("Choose a person, or add yourself."))
                    return
        except RosterError as exc:
            self.error.setText(str(exc))
            return
        QSettings().setValue("identity/last_person_id", person.id)
        self.chosen.emit(Actor(name=person.name, person_id=person.id))
        self.accept()
