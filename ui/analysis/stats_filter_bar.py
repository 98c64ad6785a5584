"""The statistics window's filter: period (month / quarter / half-year / year and which one), unit, department,
prosecutor, business line, review type and plan. ``filterChanged(StatsFilter)`` on every change."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from reviewapp.services.analysis.filters import StatsFilter
from reviewapp.services.analysis.periods import (
    Period,
    PeriodKind,
    current_period,
    last_complete_period,
    parse_period,
)
from reviewapp.services.analysis.stats_names import Choice, FilterChoices

# How many periods of each kind the period list offers, newest first.
_OFFERED = {PeriodKind.MONTH: 36, PeriodKind.QUARTER: 16, PeriodKind.HALF: 8, PeriodKind.YEAR: 6}


class StatsFilterBar(QWidget):
    filterChanged = Signal(object)  # StatsFilter

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self._quiet = False
        self.kind = QComboBox(self)
        self.kind.setObjectName("statsPeriodKind")
        for label, kind in (
            (self.tr("Month"), PeriodKind.MONTH),
            (self.tr("Quarter"), PeriodKind.QUARTER),
            (self.tr("Half-year"), PeriodKind.HALF),
            (self.tr("Year"), PeriodKind.YEAR),
        ):
            self.kind.addItem(label, kind)
        self.period = QComboBox(self)
        self.period.setObjectName("statsPeriod")
        self.unit = self._combo("statsUnit")
        self.department = self._combo("statsDepartment")
        self.prosecutor = self._combo("statsProsecutor")
        self.line = self._combo("statsLine")
        self.review_type = self._combo("statsReviewType")
        self.plan = self._combo("statsPlan")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        cells = (
            (self.tr("Period"), self.kind),
            ("", self.period),
            (self.tr("Unit"), self.unit),
            (self.tr("Department"), self.department),
            (self.tr("Prosecutor"), self.prosecutor),
            (self.tr("Business line"), self.line),
            (self.tr("Review type"), self.review_type),
            (self.tr("Plan"), self.plan),
        )
        for i, (label, widget) in enumerate(cells):
            row, col = divmod(i, 4)
            if label:
                grid.addWidget(QLabel(label, self), row, col * 2)
            grid.addWidget(widget, row, col * 2 + 1)
            grid.setColumnStretch(col * 2 + 1, 1)
        self.kind.setCurrentIndex(1)  # quarters: what the periodic reports cover
        self._fill_periods(last_complete_period(PeriodKind.QUARTER, self.today))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for combo in (self.period, self.unit, self.department, self.prosecutor, self.line, self.review_type, self.plan):
            combo.currentIndexChanged.connect(self._changed)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(self.tr("all"), None)
        return combo

    def _fill_periods(self, selected: Period) -> None:
        kind = selected.kind
        newest = current_period(kind, self.today)
        offered = [newest.shifted(-k) for k in range(_OFFERED[kind])]
        if selected not in offered:
            offered.insert(0, selected)
        self._quiet = True
        self.period.clear()
        for p in offered:
            self.period.addItem(p.label(), p.code())  # Qt keeps plain strings: the code reads back
        self.period.setCurrentIndex(offered.index(selected))
        self._quiet = False

    def _kind_changed(self, _index: int) -> None:
        kind = PeriodKind(self.kind.currentData())
        self._fill_periods(
            current_period(kind, self.today) if kind is PeriodKind.YEAR else last_complete_period(kind, self.today)
        )
        self._changed()

    def set_period(self, period: Period) -> None:
        """Show ``period`` (its kind too): one filterChanged."""
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(period.kind.value))
        self.kind.blockSignals(False)
        self._fill_periods(period)
        self._changed()

    def set_choices(self, choices: FilterChoices) -> None:
        """Fill the combos, keeping what is chosen where it still exists."""
        self._quiet = True
        for combo, items in (
            (self.unit, choices.units),
            (self.department, choices.departments),
            (self.prosecutor, choices.prosecutors),
            (self.line, choices.lines),
            (self.review_type, choices.review_types),
            (self.plan, choices.plans),
        ):
            self._refill(combo, items)
        self._quiet = False

    def _refill(self, combo: QComboBox, items: tuple[Choice, ...]) -> None:
        keep = combo.currentData()
        combo.clear()
        combo.addItem(self.tr("all"), None)
        for c in items:
            combo.addItem(c.label, c.key)
        at = combo.findData(keep) if keep is not None else 0
        combo.setCurrentIndex(max(at, 0))

    def select(self, combo: QComboBox, key: Any) -> None:
        at = combo.findData(key)
        if at >= 0:
            combo.setCurrentIndex(at)

    def _one(self, combo: QComboBox) -> tuple[Any, ...]:
        value = combo.currentData()
        return () if value is None else (value,)

    def current(self) -> StatsFilter:
        return StatsFilter(
            parse_period(str(self.period.currentData())),
            unit_ids=self._one(self.unit),
            department_ids=self._one(self.department),
            prosecutor_ids=self._one(self.prosecutor),
            lines=self._one(self.line),
            review_types=self._one(self.review_type),
            plan_ids=self._one(self.plan),
        )

    def _changed(self, *_: Any) -> None:
        if not self._quiet:
            self.filterChanged.emit(self.current())
