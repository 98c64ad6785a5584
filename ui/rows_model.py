"""A small read-only table model over rows of text (suspects, documents, rejected rows …)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[Any]] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[list[Any]] = [list(r) for r in rows]
        self.payloads: list[Any] = []

    def set_rows(self, rows: Sequence[Sequence[Any]], payloads: Sequence[Any] = ()) -> None:
        self.beginResetModel()
        self.rows = [list(r) for r in rows]
        self.payloads = list(payloads)
        self.endResetModel()

    def payload(self, row: int) -> Any:
        return self.payloads[row] if 0 <= row < len(self.payloads) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self.rows[index.row()][index.column()]
        return "" if value is None else str(value)
