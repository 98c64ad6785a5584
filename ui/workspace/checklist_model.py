"""The checklist as a two-level tree: dimension (评查维度) → checklist item (评查项), with the findings.

Built over the review's pinned standard, filtered to the case type. Top-level rows carry internal id 0;
an item row carries its dimension's row + 1, so ``parent()`` needs no Python objects behind the pointers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from reviewapp.i18n import term
from reviewapp.services.reviews.commands import FindingRow
from reviewapp.standards import ERROR, FLAW, SERIOUS, ChecklistItem, Standard

Index = QModelIndex | QPersistentModelIndex
ItemCodeRole = Qt.ItemDataRole.UserRole + 1

# Severity colours: amber for a flaw, red for an error, dark red for a serious error (readable on white).
SEVERITY_COLOURS = {FLAW: QColor("#b26a00"), ERROR: QColor("#c62828"), SERIOUS: QColor("#7f0000")}


class ChecklistModel(QAbstractItemModel):
    COLUMNS = 2  # item, finding

    def __init__(self, standard: Standard, case_type: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.standard = standard
        self.groups: list[tuple[str, str, list[ChecklistItem]]] = []  # (code, name, items)
        self.findings: dict[str, FindingRow] = {}
        self.headers = [self.tr("Checklist item"), self.tr("Finding")]
        items = standard.items_for(case_type)
        for dim in standard.dimensions:  # review-rules.md §3: dimensions in the standard's order
            members = [it for it in items if it.dimension == dim.code]
            if members:
                self.groups.append((dim.code, dim.name, members))

    # --- ours -----------------------------------------------------------------------------------------
    def set_findings(self, findings: Iterable[FindingRow]) -> None:
        """Show the review's findings; rows stay in place so the view keeps its selection and scroll."""
        self.findings = {f.item_code: f for f in findings}
        for row, (_code, _name, items) in enumerate(self.groups):
            parent = self.index(row, 0)
            self.dataChanged.emit(parent, self.index(row, self.COLUMNS - 1))
            self.dataChanged.emit(self.index(0, 0, parent), self.index(len(items) - 1, self.COLUMNS - 1, parent))

    def item_at(self, index: Index) -> ChecklistItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.groups[index.internalId() - 1][2][index.row()]

    def index_of(self, item_code: str) -> QModelIndex:
        for row, (_code, _name, items) in enumerate(self.groups):
            for item_row, item in enumerate(items):
                if item.code == item_code:
                    return self.index(item_row, 0, self.index(row, 0))
        return QModelIndex()

    def item_codes(self) -> list[str]:
        """Every item code in display order (for next/previous navigation)."""
        return [it.code for _code, _name, items in self.groups for it in items]

    def dimension_count(self, row: int) -> int:
        return sum(1 for it in self.groups[row][2] if it.code in self.findings)

    # --- Qt interface -------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        if parent.internalId() != 0:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()][2])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._dimension_data(index.row(), index.column(), role)
        item = self.item_at(index)
        return None if item is None else self._item_data(item, index.column(), role)

    def _dimension_data(self, row: int, column: int, role: int) -> Any:
        code, name, items = self.groups[row]
        count = self.dimension_count(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{code}  {term(name)}"
            return self.tr("Findings: {n}").format(n=count) if count else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{n} of {total} items with a finding").format(n=count, total=len(items))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _item_data(self, item: ChecklistItem, column: int, role: int) -> Any:
        finding = self.findings.get(item.code)
        if role == ItemCodeRole:
            return item.code
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{item.code}  {term(item.text)}"
            return term(finding.severity) if finding is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                f"{item.code} {term(item.text)}",
                self.tr("Allowed: {severities}").format(severities=" / ".join(term(s) for s in item.severities)),
            ]
            if item.veto:
                lines.append(self.tr("Veto item"))
            if item.basis:
                lines.append(self.tr("Basis: {basis}").format(basis=item.basis))
            if finding is not None and finding.reason:
                lines.append(finding.reason)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and finding is not None:
            return QBrush(SEVERITY_COLOURS.get(finding.severity, QColor("#333333")))
        if role == Qt.ItemDataRole.FontRole and finding is not None:
            font = QFont()
            font.setBold(True)
            return font
        return None
