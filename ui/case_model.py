"""The case list model: ids of the matching cases, display rows fetched lazily a page at a time.

Filtering happens in the core's CaseIndex (milliseconds at 100 000 cases) and the model is reset with the new
ids — no QSortFilterProxyModel over Python data (~2 s a keystroke at that size).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from reviewapp.services.cases.index import SORT_COLUMNS, CaseFilter, CaseIndex, load_case_index
from reviewapp.services.cases.query import CaseRow, fetch_rows
from reviewapp.services.plans.queue import CasePlanInfo, case_plan_columns
from reviewapp.services.workbench import Workbench

PAGE = 200
CACHE_LIMIT = 5000
Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    def __init__(self, wb: Workbench, parent: Any = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.index_data: CaseIndex = CaseIndex()
        self.ids: list[int] = []
        self.filter = CaseFilter()
        self.sort_key: tuple[int, Qt.SortOrder] | None = None
        self._cache: OrderedDict[int, CaseRow] = OrderedDict()
        self.headers = [
            self.tr("Case number"),
            self.tr("Case name"),
            self.tr("Case type"),
            self.tr("Unit"),
            self.tr("Department"),
            self.tr("Prosecutor"),
            self.tr("Charge"),
            self.tr("Accepted"),
            self.tr("Closed"),
            self.tr("Plan"),
            self.tr("Review status"),
            self.tr("Grade"),
        ]
        self._plan_info: dict[int, CasePlanInfo] = {}
        self.restrict: set[int] | None = None  # the plan / review-status filter (services.plans.queue)

    # --- Qt interface -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.ids)):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if index.column() >= len(SORT_COLUMNS):
            info = self._plan_info.get(row.id)
            if info is None:
                return None
            return (info.plans, info.status, info.grade)[index.column() - len(SORT_COLUMNS)]
        value = (
            row.dept_case_no,
            row.name,
            row.case_type,
            row.unit,
            row.department,
            row.prosecutor,
            row.transferred_charge,
            row.accepted_on,
            row.closed_on,
        )[index.column()]
        if value is None:
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        return value.isoformat() if hasattr(value, "isoformat") else value

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_COLUMNS):
            return
        self.sort_key = (column, order)
        self.layoutAboutToBeChanged.emit()
        self.ids = self._ordered(self.ids)
        self.layoutChanged.emit()

    # --- ours -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the index (after an import) and re-apply the filter."""
        self.index_data = load_case_index(self.wb)
        self._cache.clear()
        self.apply_filter(self.filter)

    def apply_filter(self, f: CaseFilter) -> None:
        self.filter = f
        ids = self.index_data.filter(f)
        if self.restrict is not None:
            ids = [i for i in ids if i in self.restrict]
        self.beginResetModel()
        self.ids = self._ordered(ids)
        self.endResetModel()

    def plan_columns_changed(self, _record: object = None) -> None:
        """Plans or reviews changed: re-read the plan, review-status and grade columns of the rows shown."""
        self._plan_info.clear()
        self._cache.clear()
        if self.ids:
            first = len(SORT_COLUMNS)
            self.dataChanged.emit(self.index(0, first), self.index(len(self.ids) - 1, first + 2))

    def case_id(self, row: int) -> int | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_of(self, case_id: int) -> int | None:
        try:
            return self.ids.index(case_id)
        except ValueError:
            return None

    def row_at(self, row: int) -> CaseRow | None:
        cid = self.ids[row]
        cached = self._cache.get(cid)
        if cached is not None:
            return cached
        start = max(0, row - PAGE // 4)
        page = self.ids[start : start + PAGE]
        self._cache.update(fetch_rows(self.wb, page))
        self._plan_info.update(case_plan_columns(self.wb, page))
        while len(self._cache) > CACHE_LIMIT:
            self._plan_info.pop(self._cache.popitem(last=False)[0], None)
        return self._cache.get(cid)

    def _ordered(self, ids: list[int]) -> list[int]:
        if self.sort_key is None:
            return ids
        column, order = self.sort_key
        return self.index_data.sorted_ids(self.wb, ids, SORT_COLUMNS[column], order == Qt.SortOrder.DescendingOrder)


def case_table(model: CaseTableModel, parent: QWidget) -> QTableView:
    """The case list's view: whole rows, several selectable (notices for a selection), sorted on header click."""
    table = QTableView(parent)
    table.setObjectName("caseTable")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(False)  # sort on header click without an initial sort pass
    table.horizontalHeader().setSectionsClickable(True)
    table.horizontalHeader().setSortIndicatorShown(True)
    table.horizontalHeader().sortIndicatorChanged.connect(model.sort)
    table.verticalHeader().setDefaultSectionSize(24)
    table.setAlternatingRowColors(True)
    for column, width in enumerate((250, 170, 80, 170, 100, 80, 120, 90, 90, 140, 70, 70)):
        table.setColumnWidth(column, width)
    return table
