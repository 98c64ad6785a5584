"""The cases behind a figure (click-through): a list of the cases, each opened in the main window by a double
click, Enter or the Open button (``caseRequested``)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.i18n import term
from reviewapp.services.analysis.drill import MAX_ROWS, CaseRow, figure_title
from ui.analysis.stats_models import FigureTableModel


class DrillWindow(QWidget):
    caseRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsDrill")
        self.setWindowTitle(self.tr("Cases behind the figure"))
        self.resize(1000, 520)
        self.title = QLabel(self)
        self.title.setObjectName("statsDrillTitle")
        self.model = FigureTableModel(self._headers(), self)
        self.view = QTableView(self)
        self.view.setObjectName("statsDrillCases")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.open_button = QPushButton(self.tr("Open the case"), self)
        self.view.activated.connect(self._open)
        self.open_button.clicked.connect(lambda: self._open(self.view.currentIndex()))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def _headers(self) -> list[str]:
        return [
            self.tr("Department case number"),
            self.tr("Case name"),
            self.tr("Unit"),
            self.tr("Department"),
            self.tr("Prosecutor"),
            self.tr("Closed on"),
            self.tr("Review number"),
            self.tr("Grade"),
            self.tr("Problems"),
            self.tr("Formed on"),
        ]

    def show_cases(self, figure: object, rows: list[CaseRow], total: int) -> None:
        more = self.tr(" (the first {n} shown)").replace("{n}", str(MAX_ROWS)) if total >= MAX_ROWS else ""
        self.title.setText(
            self.tr("{what}: {n} cases{more}")
            .replace("{what}", figure_title(figure))  # type: ignore[arg-type]
            .replace("{n}", str(len(rows)))
            .replace("{more}", more)
        )
        self.model.set_rows(
            [
                [
                    r.dept_case_no,
                    r.name,
                    r.unit,
                    r.department,
                    r.prosecutor,
                    r.closed_on.isoformat() if r.closed_on else "",
                    r.file_no,
                    term(r.grade),
                    r.findings,
                    r.formed_on.isoformat() if r.formed_on else "",
                ]
                for r in rows
            ],
            keys=[r.case_id for r in rows],
        )
        if rows:
            self.view.selectRow(0)

    def _open(self, index: QModelIndex) -> None:
        case_id = self.model.key(index.row()) if index.isValid() else None
        if case_id is not None:
            self.caseRequested.emit(int(case_id))
