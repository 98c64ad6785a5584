"""The roster window (名册：院领导与分管) of a roster administrator: who is in charge of each department (分管副检察长,
who determines its 合格 opinions) and who is a leader (院领导 / 部门负责人, whose cases sampling and 提级评查 treat
apart). Reads through roster_view, changes through the roster mutations on the write runner; it follows the hub."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewapp.i18n import term
from reviewapp.services.changes import Kind
from reviewapp.services.panel.supervision import set_department_supervisor
from reviewapp.services.plans.roster import LEADER_TITLES, set_leader
from reviewapp.services.plans.roster_view import DepartmentRow, PersonRow, roster_view
from reviewapp.services.workbench import Workbench
from ui.hub import hub_for
from ui.ops import is_known
from ui.rows_model import RowsModel
from ui.said_writes import SaidWrites


def _table(parent: QWidget, name: str, model: RowsModel) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _button(parent: QWidget, text: str, name: str, clicked: Callable[[], None]) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.clicked.connect(clicked)
    button.setAutoDefault(False)  # Enter in the filter or a table changes nothing
    return button


def _chooser(parent: QWidget, label: str, combo: QComboBox, button: QPushButton) -> QHBoxLayout:
    """A label, the combo to choose in and the button that applies it, left-aligned."""
    row = QHBoxLayout()
    row.addWidget(QLabel(label, parent))
    row.addWidget(combo)
    row.addWidget(button)
    row.addStretch(1)
    return row


def _intro(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class RosterWindow(QDialog):
    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.people: list[PersonRow] = []
        self.setObjectName("rosterWindow")
        self.setWindowTitle(self.tr("Roster: leaders and deputies in charge"))
        self.resize(860, 560)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._departments_tab(), self.tr("&Deputies in charge (分管)"))
        self.tabs.addTab(self._leaders_tab(), self.tr("&Leaders"))
        self.message = QLabel(self)
        self.message.setObjectName("rosterMessage")
        self.message.setWordWrap(True)
        self.writes = SaidWrites(wb, self, self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        hub_for(wb).subscribe({Kind.PERSON}, lambda _r: self.reload(), self)
        self.reload()

    # --- the two tabs -----------------------------------------------------------------------------------
    def _departments_tab(self) -> QWidget:
        tab = QWidget(self)
        self.departments = RowsModel([self.tr("Unit"), self.tr("Department"), self.tr("Deputy chief in charge")])
        self.dept_view = _table(tab, "rosterDepartments", self.departments)
        for column, width in enumerate((220, 220)):
            self.dept_view.setColumnWidth(column, width)
        self.dept_view.selectionModel().selectionChanged.connect(lambda *_: self._offer_deputies())
        self.deputy_combo = QComboBox(tab)
        self.deputy_combo.setObjectName("deputyCombo")
        self.deputy_combo.setMinimumContentsLength(16)
        self.deputy_button = _button(tab, self.tr("&Put in charge"), "putInCharge", self.put_in_charge)
        row = _chooser(tab, self.tr("Deputy chief in charge:"), self.deputy_combo, self.deputy_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(
            _intro(
                self.tr(
                    "A department's opinions proposed Satisfactory (合格) are determined by its deputy chief in charge "
                    "(分管副检察长) or by the chief prosecutor. A department that names nobody leaves them to any "
                    "deputy chief of its unit. Only people whose account holds the deputy chief role can be named."
                ),
                tab,
            )
        )
        layout.addWidget(self.dept_view, 1)
        layout.addLayout(row)
        return tab

    def _leaders_tab(self) -> QWidget:
        tab = QWidget(self)
        self.filter = QLineEdit(tab)
        self.filter.setObjectName("rosterFilter")
        self.filter.setPlaceholderText(self.tr("Filter by name, unit or department"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda *_: self._show_people())
        self.leaders = RowsModel([self.tr("Unit"), self.tr("Department"), self.tr("Name"), self.tr("Leader")])
        self.people_view = _table(tab, "rosterPeople", self.leaders)
        self.people_view.selectionModel().selectionChanged.connect(lambda *_: self._offer_title())
        for column, width in enumerate((200, 160, 120)):
            self.people_view.setColumnWidth(column, width)
        self.title_combo = QComboBox(tab)
        self.title_combo.setObjectName("leaderCombo")
        self.title_combo.addItem(self.tr("Not a leader"), "")
        for title in LEADER_TITLES:
            self.title_combo.addItem(term(title), title)
        self.title_button = _button(tab, self.tr("&Set"), "setLeader", self.set_title)
        row = _chooser(tab, self.tr("Leader:"), self.title_combo, self.title_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(
            _intro(
                self.tr(
                    "A sampling plan takes at least two cases of each leader, and the cases a procuratorate leader "
                    "(院领导) handled are reviewed by the level above (提级评查)."
                ),
                tab,
            )
        )
        layout.addWidget(self.filter)
        layout.addWidget(self.people_view, 1)
        layout.addLayout(row)
        return tab

    # --- reading ----------------------------------------------------------------------------------------
    def reload(self) -> None:
        keep_dept, keep_person = self.selected_department(), self.selected_person()
        try:
            view = roster_view(self.wb)
        except Exception as exc:
            if not is_known(exc):
                raise
            self.message.setText(str(exc))
            return
        nobody = self.tr("nobody named (any deputy chief of the unit)")
        self.departments.set_rows(
            [[d.unit, d.name, d.supervisor or nobody] for d in view.departments], view.departments
        )
        for row, d in enumerate(view.departments):
            if keep_dept is not None and d.id == keep_dept.id:
                self.dept_view.selectRow(row)
        self.people = view.people
        self._show_people(keep_person.id if keep_person is not None else None)
        self._offer_deputies()

    def _show_people(self, keep: int | None = None) -> None:
        if keep is None:
            chosen = self.selected_person()
            keep = chosen.id if chosen is not None else None
        needle = self.filter.text().strip()
        shown = [p for p in self.people if not needle or needle in f"{p.unit}\n{p.department}\n{p.name}"]
        self.leaders.set_rows([[p.unit, p.department, p.name, term(p.leader or "")] for p in shown], shown)
        for row, p in enumerate(shown):
            if p.id == keep:
                self.people_view.selectRow(row)

    def _offer_deputies(self) -> None:
        dept = self.selected_department()
        self.deputy_combo.clear()
        self.deputy_combo.addItem(self.tr("Nobody (any deputy chief of the unit)"), "")
        for name in dept.deputies if dept is not None else ():
            self.deputy_combo.addItem(name, name)
        if dept is not None and dept.supervisor:
            self.deputy_combo.setCurrentIndex(max(0, self.deputy_combo.findData(dept.supervisor)))

    def _offer_title(self) -> None:
        person = self.selected_person()
        if person is not None:  # the combo starts at what the person is marked now
            self.title_combo.setCurrentIndex(max(0, self.title_combo.findData(person.leader or "")))

    def selected_department(self) -> DepartmentRow | None:
        rows = self.dept_view.selectionModel().selectedRows()
        return self.departments.payload(rows[0].row()) if rows else None

    def selected_person(self) -> PersonRow | None:
        rows = self.people_view.selectionModel().selectedRows()
        return self.leaders.payload(rows[0].row()) if rows else None

    # --- changing ---------------------------------------------------------------------------------------
    def put_in_charge(self) -> None:
        dept = self.selected_department()
        if dept is None:
            self.message.setText(self.tr("Select a department first."))
            return
        wb, deputy = self.wb, self.deputy_combo.currentData() or None
        done = (
            self.tr("{deputy} is now in charge of {department}.").format(deputy=deputy, department=dept.name)
            if deputy
            else self.tr("{department} names no deputy in charge.").format(department=dept.name)
        )
        self.writes.send(lambda: set_department_supervisor(wb, dept.name, deputy, unit=dept.unit), done)

    def set_title(self) -> None:
        person = self.selected_person()
        if person is None:
            self.message.setText(self.tr("Select a person first."))
            return
        wb, title = self.wb, self.title_combo.currentData() or None
        done = (
            self.tr("{name} is marked {title}.").format(name=person.name, title=term(title))
            if title
            else self.tr("{name} is no longer marked a leader.").format(name=person.name)
        )
        self.writes.send(lambda: set_leader(wb, person.name, title, unit=person.unit or None), done)

    @property
    def pending(self) -> int:
        """Changes sent and not landed yet."""
        return self.writes.pending
