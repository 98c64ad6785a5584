"""Read-only table models of the statistics window: figures with a payload per cell (what a click drills into).

``FigureTableModel`` holds rows of values; numbers are right-aligned and shown formatted (percentages as
"85.7%", changes with their sign), the raw value is under ``Qt.UserRole`` and each cell may carry a payload
(a drill.Figure) under ``FIGURE_ROLE``. Every model of the window is one of these (qtmodeltester checks them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reviewapp.domain.rounding import fixed, percent

Index = QModelIndex | QPersistentModelIndex
FIGURE_ROLE = Qt.ItemDataRole.UserRole + 1


class Percent(float):
    """A share shown as a percentage."""


class Points(float):
    """A change of a share in percentage points."""


class Signed(float):
    """A change shown with its sign."""


def shown(value: Any) -> str:
    if value is None:
        return "—"
    # Rounded half up (四舍五入) as the reports and workbooks print the same figures: 6.25 % is 6.3 %.
    if isinstance(value, Percent):
        return percent(float(value))
    if isinstance(value, Points):
        return f"{'-' if value < 0 else '+'}{fixed(abs(float(value)), 1)} pp"
    if isinstance(value, Signed):
        if float(value).is_integer():
            return f"{int(value):+d}"
        return f"{'-' if value < 0 else '+'}{fixed(abs(float(value)), 2)}"
    if isinstance(value, float):
        return fixed(value, 2)
    return str(value)


class FigureTableModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = list(headers)
        self.rows: list[list[Any]] = []
        self.figures: list[list[Any]] = []  # per row, per column: a drill.Figure or None
        self.keys: list[Any] = []  # per row: the row's key (a unit id, an item code …)

    def set_rows(
        self,
        rows: Sequence[Sequence[Any]],
        *,
        headers: Sequence[str] | None = None,
        figures: Sequence[Sequence[Any]] = (),
        keys: Sequence[Any] = (),
    ) -> None:
        self.beginResetModel()
        if headers is not None:
            self.headers = list(headers)
        self.rows = [list(r) for r in rows]
        self.figures = [list(f) for f in figures]
        self.keys = list(keys)
        self.endResetModel()

    def figure(self, row: int, column: int) -> Any:
        if 0 <= row < len(self.figures) and 0 <= column < len(self.figures[row]):
            return self.figures[row][column]
        return None

    def key(self, row: int) -> Any:
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(self.headers):
            return None
        row = self.rows[index.row()]
        value = row[index.column()] if index.column() < len(row) else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return shown(value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == FIGURE_ROLE:
            return self.figure(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float) and value is not True:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
