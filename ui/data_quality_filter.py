"""The filter bar of the data-quality view: rule, status, unit, department, prosecutor and a search text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from reviewapp.checks import RULES
from reviewapp.i18n import translate
from reviewapp.services.cases.query import FilterChoices
from reviewapp.services.checks.results import ResultFilter


class DataQualityFilterBar(QWidget):
    filterChanged = Signal(object)  # ResultFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("dataQualitySearch")
        self.search.setPlaceholderText(self.tr("Search case number, case name or explanation…"))
        self.search.setClearButtonEnabled(True)
        self.rule = QComboBox(self)
        self.status = QComboBox(self)
        self.unit = QComboBox(self)
        self.department = QComboBox(self)
        self.prosecutor = QComboBox(self)
        self.reset_button = QPushButton(self.tr("Clear filters"), self)
        self.rule.addItem(self.tr("All rules"), None)
        for spec in RULES:
            self.rule.addItem(translate("CheckRules", spec.title), spec.rule_id)
        self.status.addItem(self.tr("Violations, warnings and not checkable"), None)
        self.status.addItem(self.tr("Violations"), "violation")
        self.status.addItem(self.tr("Warnings"), "warning")
        self.status.addItem(self.tr("Not checkable"), "not_checkable")
        for combo in (self.rule, self.status, self.unit, self.department, self.prosecutor):
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.search, 0, 0, 1, 6)
        grid.addWidget(self.reset_button, 0, 6)
        labels = (self.tr("Rule"), self.tr("Status"), self.tr("Unit"), self.tr("Department"), self.tr("Prosecutor"))
        combos = (self.rule, self.status, self.unit, self.department, self.prosecutor)
        for i, (label, combo) in enumerate(zip(labels, combos, strict=True)):
            row, col = 1 + i // 3, (i % 3) * 2
            grid.addWidget(QLabel(label, self), row, col)
            grid.addWidget(combo, row, col + 1)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)
        # Typing waits a moment before filtering: one query per pause, not per keystroke.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(250)
        self._typing.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        for combo in combos:
            combo.currentIndexChanged.connect(self._emit)
        self.reset_button.clicked.connect(self.clear)
        self._quiet = False

    def set_choices(self, choices: FilterChoices) -> None:
        """Fill the organisation combos, keeping the current choice where it still exists."""
        self._quiet = True
        for combo, items, everything in (
            (self.unit, choices.units, self.tr("All units")),
            (self.department, choices.departments, self.tr("All departments")),
            (self.prosecutor, choices.prosecutors, self.tr("All prosecutors")),
        ):
            current = combo.currentData()
            combo.clear()
            combo.addItem(everything, None)
            for key, label in items:
                combo.addItem(label, key)
            found = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(found, 0))
        self._quiet = False

    def select(self, combo_name: str, key: Any) -> None:
        """Choose ``key`` in one combo (e.g. from a double-click in the counts table)."""
        combo: QComboBox = getattr(self, combo_name)
        found = combo.findData(key)
        if found >= 0:
            combo.setCurrentIndex(found)

    def current(self) -> ResultFilter:
        return ResultFilter(
            rule_id=self.rule.currentData(),
            status=self.status.currentData(),
            unit_id=self.unit.currentData(),
            department_id=self.department.currentData(),
            prosecutor_id=self.prosecutor.currentData(),
            text=self.search.text().strip(),
        )

    def clear(self) -> None:
        self._quiet = True
        self.search.clear()
        for combo in (self.rule, self.status, self.unit, self.department, self.prosecutor):
            combo.setCurrentIndex(0)
        self._quiet = False
        self._typing.stop()
        self._emit()

    def _emit(self, *_: Any) -> None:
        if not self._quiet:
            self.filterChanged.emit(self.current())
