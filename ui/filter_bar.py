"""Search-as-you-type and the filters above the case list."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from reviewapp.domain.review_status import OPINION_STATUSES, ReviewStatus
from reviewapp.i18n import term
from reviewapp.services.cases.index import NOT_REVIEWED, CaseFilter
from reviewapp.services.cases.query import FilterChoices
from reviewapp.services.panel.labels import status_heading

GRADES = ("优质", "合格", "基本合格", "不合格")  # the grades of the shipped standards (review-rules.md §5)

NO_DATE = QDate(2000, 1, 1)  # the minimum date shows as "—": no bound


class DateBound(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.setDate(NO_DATE)

    def value(self) -> date | None:
        d = self.date()
        return None if d == NO_DATE else date(d.year(), d.month(), d.day())

    def clear_bound(self) -> None:
        self.setDate(NO_DATE)


class FilterBar(QWidget):
    filterChanged = Signal(object)  # CaseFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(self.tr("Search case number, name, prosecutor or charge…"))
        self.search.setClearButtonEnabled(True)
        self.unit = QComboBox(self)
        self.department = QComboBox(self)
        self.prosecutor = QComboBox(self)
        self.case_type = QComboBox(self)
        self.closed = QComboBox(self)
        self.accepted_from, self.accepted_to = DateBound(self), DateBound(self)
        self.closed_from, self.closed_to = DateBound(self), DateBound(self)
        self.plan = QComboBox(self)
        self.plan.setObjectName("planFilter")
        self.plan.addItem(self.tr("All"), None)
        self.review = QComboBox(self)
        self.review.setObjectName("reviewFilter")
        self.review.addItem(self.tr("All"), None)
        self.review.addItem(self.tr("Not reviewed"), NOT_REVIEWED)
        for status in ReviewStatus:  # in the order of the process
            if status in OPINION_STATUSES:
                self.review.addItem(status_heading(status.value), status.value)
        self.grade = QComboBox(self)
        self.grade.setObjectName("gradeFilter")
        self.grade.addItem(self.tr("All"), None)
        for grade in GRADES:
            self.grade.addItem(term(grade), grade)
        self.checks = QComboBox(self)
        self.checks.setObjectName("checksFilter")
        self.checks.addItem(self.tr("All"), None)
        self.checks.addItem(self.tr("With open checks"), True)
        self.checks.addItem(self.tr("Without open checks"), False)
        self._choices: FilterChoices | None = None
        self.reset_button = QPushButton(self.tr("Clear filters"), self)
        for combo in (self.unit, self.department, self.prosecutor, self.case_type):
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.closed.addItem(self.tr("All"), None)
        self.closed.addItem(self.tr("Closed"), True)
        self.closed.addItem(self.tr("Open"), False)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.search, 0, 0, 1, 8)
        grid.addWidget(self.reset_button, 0, 8)
        pairs: list[tuple[str, QWidget]] = [
            (self.tr("Unit"), self.unit),
            (self.tr("Department"), self.department),
            (self.tr("Prosecutor"), self.prosecutor),
            (self.tr("Case type"), self.case_type),
        ]
        for col, (label, widget) in enumerate(pairs):
            grid.addWidget(QLabel(label, self), 1, col * 2)
            grid.addWidget(widget, 1, col * 2 + 1)
        grid.addWidget(QLabel(self.tr("Status"), self), 1, 8)
        grid.addWidget(self.closed, 1, 9)
        dates: list[tuple[str, QWidget, QWidget]] = [
            (self.tr("Accepted from"), self.accepted_from, self.accepted_to),
            (self.tr("Closed from"), self.closed_from, self.closed_to),
        ]
        for i, (label, lo, hi) in enumerate(dates):
            grid.addWidget(QLabel(label, self), 2, i * 4)
            grid.addWidget(lo, 2, i * 4 + 1)
            grid.addWidget(QLabel(self.tr("to"), self), 2, i * 4 + 2)
            grid.addWidget(hi, 2, i * 4 + 3)
        grid.addWidget(QLabel(self.tr("Plan"), self), 3, 0)
        grid.addWidget(self.plan, 3, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Review"), self), 3, 4)
        grid.addWidget(self.review, 3, 5)
        grid.addWidget(QLabel(self.tr("Grade"), self), 3, 6)
        grid.addWidget(self.grade, 3, 7)
        grid.addWidget(QLabel(self.tr("Checks"), self), 3, 8)
        grid.addWidget(self.checks, 3, 9)

        self.search.textChanged.connect(self._changed)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        for combo in (
            self.department,
            self.prosecutor,
            self.case_type,
            self.closed,
            self.plan,
            self.review,
            self.grade,
            self.checks,
        ):
            combo.currentIndexChanged.connect(self._changed)
        for edit in (self.accepted_from, self.accepted_to, self.closed_from, self.closed_to):
            edit.dateChanged.connect(self._changed)
        self.reset_button.clicked.connect(self.clear)
        self._quiet = False

    def set_choices(self, choices: FilterChoices) -> None:
        self._quiet = True
        try:
            self._choices = choices
            self._fill(self.unit, choices.units)
            self._follow_unit()
            current_type = self.case_type.currentData()
            self.case_type.clear()
            self.case_type.addItem(self.tr("All"), None)
            for t in choices.case_types:
                self.case_type.addItem(t, t)
            self.case_type.setCurrentIndex(max(0, self.case_type.findData(current_type)))
        finally:
            self._quiet = False

    def _fill(self, combo: QComboBox, items: list[tuple[int, str]]) -> None:
        """Thousands of prosecutors in a province: one model built at once, not an insert per item."""
        current = combo.currentData()
        model = QStandardItemModel(combo)
        everyone = QStandardItem(self.tr("All"))
        model.appendRow(everyone)
        for value, label in items:
            item = QStandardItem(label)
            item.setData(value, Qt.ItemDataRole.UserRole)
            model.appendRow(item)
        combo.setModel(model)  # the combo deletes the model it owned before
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def _follow_unit(self) -> None:
        """The department and prosecutor lists hold the chosen unit's only (all units: all)."""
        choices = self._choices
        if choices is None:
            return
        unit = self.unit.currentData()
        depts = [d for d in choices.departments if unit is None or choices.department_unit.get(d[0]) == unit]
        pros = [p for p in choices.prosecutors if unit is None or choices.prosecutor_unit.get(p[0]) == unit]
        self._fill(self.department, depts)
        self._fill(self.prosecutor, pros)

    def _unit_changed(self, *_: object) -> None:
        if self._quiet:  # set_choices and clear follow the unit themselves
            return
        self._quiet = True
        try:
            self._follow_unit()
        finally:
            self._quiet = False
        self._changed()

    def set_plans(self, plans: list[tuple[int, str]]) -> None:
        """The plans the list can be narrowed to (id, name)."""
        self._quiet = True
        try:
            current = self.plan.currentData()
            self.plan.clear()
            self.plan.addItem(self.tr("All"), None)
            for plan_id, name in plans:
                self.plan.addItem(name, plan_id)
            self.plan.setCurrentIndex(max(0, self.plan.findData(current)))
        finally:
            self._quiet = False

    def current(self) -> CaseFilter:
        def data(combo: QComboBox) -> Any:
            return combo.currentData()

        return CaseFilter(
            text=self.search.text(),
            unit_id=data(self.unit),
            department_id=data(self.department),
            prosecutor_id=data(self.prosecutor),
            case_type=data(self.case_type),
            accepted_from=self.accepted_from.value(),
            accepted_to=self.accepted_to.value(),
            closed_from=self.closed_from.value(),
            closed_to=self.closed_to.value(),
            closed=data(self.closed),
            plan_id=data(self.plan),
            review=data(self.review),
            grade=data(self.grade),
            open_checks=data(self.checks),
        )

    def clear(self) -> None:
        self._quiet = True
        try:
            self.search.clear()
            for combo in (
                self.unit,
                self.department,
                self.prosecutor,
                self.case_type,
                self.closed,
                self.plan,
                self.review,
                self.grade,
                self.checks,
            ):
                combo.setCurrentIndex(0)
            for edit in (self.accepted_from, self.accepted_to, self.closed_from, self.closed_to):
                edit.clear_bound()
            self._follow_unit()
        finally:
            self._quiet = False
        self._changed()

    def _changed(self, *_: object) -> None:
        if not self._quiet:
            self.filterChanged.emit(self.current())
