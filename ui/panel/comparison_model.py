"""The panel comparison as a table: one row per checklist item any member found, one column per panel member
(their severity, or "no problem"), and the panel's decision in the last column. Disagreements are tinted —
amber while open, green once reconciled — and each member's reason and evidence are in the cell's tooltip
and its CellRole (review-rules.md §1 steps 6–7)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from reviewapp.services.panel.compare import Comparison, ComparisonRow, MemberCell

Index = QModelIndex | QPersistentModelIndex
CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # MemberCell (member column), ComparisonRow (item / decision column)
OPEN_ROLE = Qt.ItemDataRole.UserRole + 2  # bool: the row is a disagreement still to reconcile
OPEN_TINT = QColor("#fde3c0")
RECONCILED_TINT = QColor("#e2f0da")
DISSENT_MARK = " ⚑"


def evidence_text(cell: MemberCell) -> str:
    page = QCoreApplication.translate("ComparisonModel", "{title} p. {page}")
    return "；".join(page.format(title=e.title, page=e.page) for e in cell.evidence)


class ComparisonModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self.endResetModel()

    # --- shape ------------------------------------------------------------------------------------
    @property
    def rows(self) -> tuple[ComparisonRow, ...]:
        return self.comparison.rows if self.comparison is not None else ()

    @property
    def member_count(self) -> int:
        return len(self.comparison.members) if self.comparison is not None else 0

    def decision_column(self) -> int:
        return self.member_count + 1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.comparison is None else self.member_count + 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self.comparison is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < len(self.rows) else None
        if section == 0:
            return self.tr("Checklist item")
        if section == self.decision_column():
            return self.tr("Panel opinion")
        if 1 <= section <= self.member_count:
            member = self.comparison.members[section - 1]
            return self.tr("{name} (lead reviewer)").format(name=member.reviewer) if section == 1 else member.reviewer
        return None

    # --- content ----------------------------------------------------------------------------------
    def row_at(self, row: int) -> ComparisonRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def cell_at(self, row: int, column: int) -> MemberCell | None:
        r = self.row_at(row)
        if r is None or not 1 <= column <= self.member_count:
            return None
        return r.cells[column - 1]

    def _dissented(self, r: ComparisonRow, cell: MemberCell) -> bool:
        if self.comparison is None:
            return False
        return any(d.member == cell.reviewer and d.item_code == r.item_code for d in self.comparison.dissents)

    def _decision_text(self, r: ComparisonRow) -> str:
        if r.decision is None:
            return self.tr("to reconcile") if r.disagreement else ""
        return r.decision.severity or self.tr("no problem")

    def _tooltip(self, r: ComparisonRow, column: int) -> str:
        cell = self.cell_at(self.rows.index(r), column)
        if cell is not None:
            lines = [f"{cell.reviewer}: {cell.severity or self.tr('no problem')}"]
            if cell.reason:
                lines.append(cell.reason)
            if cell.evidence:
                lines.append(evidence_text(cell))
            return "\n".join(lines)
        if column == self.decision_column() and r.decision is not None and r.decision.reason:
            return r.decision.reason
        return f"{r.dimension_name} · {r.item_code} {r.item_text}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.row_at(index.row())
        if r is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{r.item_code} {r.item_text}"
            if column == self.decision_column():
                return self._decision_text(r)
            cell = self.cell_at(index.row(), column)
            if cell is None:
                return None
            text = cell.severity or self.tr("no problem")
            return text + (DISSENT_MARK if self._dissented(r, cell) else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, column)
        if role == Qt.ItemDataRole.BackgroundRole and r.disagreement:
            return QBrush(OPEN_TINT if r.open else RECONCILED_TINT)
        if role == Qt.ItemDataRole.FontRole and r.open and column == self.decision_column():
            font = QFont()
            font.setBold(True)
            return font
        if role == CELL_ROLE:
            cell = self.cell_at(index.row(), column)
            return cell if cell is not None else r
        if role == OPEN_ROLE:
            return r.open
        return None

    def next_open_row(self, after: int = -1) -> int | None:
        """The next row still to reconcile after ``after`` (wrapping round), or None when none is left."""
        n = len(self.rows)
        for step in range(1, n + 1):
            row = (after + step) % n
            if self.rows[row].open:
                return row
        return None
