"""The case list model: a count and the pages of rows on screen, read from the database on demand.

Search, filters and sorting are SQL (reviewapp/services/cases/case_list.py); the model holds at most
``MAX_PAGES`` pages of ``PAGE`` rows, so its memory does not grow with the number of cases.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from reviewapp.i18n import term
from reviewapp.services.cases.case_list import CaseList, ListRow
from reviewapp.services.cases.index import SORT_COLUMNS, CaseFilter
from reviewapp.services.panel.labels import status_heading
from reviewapp.services.workbench import Workbench
from ui.list_count import LaterCount

PAGE = 200
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole})
MAX_PAGES = 12  # rows kept: a few screens around the one shown, whatever the size of the list
Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    counted = Signal()  # a count read after its page arrived (ui/list_count.py)

    def __init__(self, wb: Workbench, parent: Any = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.later = LaterCount(wb, self)
        self.filter = CaseFilter()
        self.sort_key: tuple[int, bool] | None = None  # (column, descending); None: newest accepted first
        self.count = 0
        self.total = 0
        self._total_generation = -1
        self.provisional = False  # only the first page is known: count_all() or a later count adds the rest
        self.loaded = False  # a sort restored with the window's state before the first read only sets the order
        self._pages: OrderedDict[int, list[ListRow]] = OrderedDict()
        # The display texts of the pages held, made when a row is first painted (a screen shows ~30 of a
        # page's 200 rows).
        self._shown: dict[int, list[tuple[Any, ...] | None]] = {}
        self.headers = [
            self.tr("Case number"),
            self.tr("Case name"),
            self.tr("Case type"),
            self.tr("Unit"),
            self.tr("Department"),
            self.tr("Prosecutor"),
            self.tr("Charge"),
            self.tr("Accepted"),
            self.tr("Closing date"),
            self.tr("Plan"),
            self.tr("Review status"),
            self.tr("Grade"),
            self.tr("Open checks"),
        ]
        self.not_reviewed = self.tr("Not reviewed")

    # --- Qt interface -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:  # asked for every role of every visible section each paint
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return self.headers[section] if 0 <= section < len(self.headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called thousands of times a repaint: other roles leave first, texts are made once per row shown.
        if role not in _ROLES or not index.isValid():
            return None
        r = index.row()
        if not 0 <= r < self.count:
            return None
        page, offset = divmod(r, PAGE)
        shown = self._shown.get(page)
        if shown is None or offset >= len(shown):
            if self.row_at(r) is None:
                return None
            shown = self._shown[page]
        if role == Qt.ItemDataRole.UserRole:
            return self._pages[page][offset].id
        texts = shown[offset]
        if texts is None:
            texts = shown[offset] = self._texts(self._pages[page][offset])
        return texts[index.column()]

    def _texts(self, row: ListRow) -> tuple[Any, ...]:
        def day(d: Any) -> str:
            return d.isoformat() if d is not None else ""

        return (
            row.dept_case_no,
            row.name,
            term(row.case_type),  # domain data in the reader's language (审查起诉 → Prosecution review)
            row.unit,
            row.department,
            row.prosecutor,
            row.transferred_charge,
            day(row.accepted_on),
            day(row.closed_on),
            row.plans,
            status_heading(row.status) if row.status else self.not_reviewed,
            term(row.grade) if row.grade else row.grade,
            row.open_checks or "",
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_COLUMNS):
            return
        self.sort_key = (column, order == Qt.SortOrder.DescendingOrder)
        if self.loaded:
            self._requery()

    # --- ours -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the list (after an import or a change elsewhere), keeping the filter and the order."""
        self._total_generation = -1
        self._requery()

    def apply_filter(self, f: CaseFilter) -> None:
        self.filter = f
        self._requery()

    def plan_columns_changed(self, _record: object = None) -> None:
        """Plans or reviews changed: the rows on screen are read again."""
        self._pages.clear()
        self._shown.clear()
        if self.count:
            self.dataChanged.emit(self.index(0, 9), self.index(self.count - 1, len(self.headers) - 1))

    def first_page(self) -> None:
        """The first page of rows alone, uncounted, so the start paints rows before it counts the cases (tens of
        milliseconds at a million); :meth:`count_all` adds the rest of the list afterwards."""
        self.later.forget()
        with self.wb.db.session() as s:
            first = self._fetch(CaseList(s), 0, None)
        self.loaded = True
        self.beginResetModel()
        self.count = len(first)
        self._pages = OrderedDict()
        self._shown = {}
        if first:
            self._keep(0, first)
        self.provisional = len(first) == PAGE  # a shorter first page is the whole list
        if not self.provisional and self.filter.is_empty():
            self.total, self._total_generation = self.count, self.wb.generation
        self.endResetModel()

    def count_all(self, total: int | None = None) -> None:
        """Count the list after :meth:`first_page` (``total``: the number of cases, when counted on a worker)
        and add the rows past the first page; the rows shown stay as they are."""
        if not self.provisional and self._total_generation == self.wb.generation:
            return
        with self.wb.db.session() as s:
            q = CaseList(s, total=total)
            self.total = q.total_cached()
            count = self.count
            if self.provisional:
                count = self.total if self.filter.is_empty() else q.count(self.filter)
        self._total_generation = self.wb.generation
        self.provisional = False
        if count < self.count:  # fewer than the first page: cases went meanwhile
            self._requery()
        elif count > self.count:
            self.beginInsertRows(QModelIndex(), self.count, count - 1)
            self.count = count
            self.endInsertRows()

    def _requery(self) -> None:
        self.provisional, self.loaded = False, True
        with self.wb.db.session() as s:
            q = CaseList(s)
            if self._total_generation != self.wb.generation:
                self.total = q.total()
                self._total_generation = self.wb.generation
            q = CaseList(s, total=self.total)
            needle = self.later.needle(self.filter, self.sort_key, self.total)
            count = None if needle is None else self.later.known(needle)
            if needle is not None and count is None:  # the page now, its count after it (ui/list_count.py)
                first = self._fetch(q, 0, None, at_most=self.later.bound(needle, self.total))
                count = q.counts.get(needle)  # counted after all, when the bound misled the page
                if count is None:
                    count, self.provisional = len(first), len(first) == PAGE  # a short page is the whole list
            else:
                if count is None:
                    count = self.total if self.filter.is_empty() else q.count(self.filter)
                first = self._fetch(q, 0, count)
        if needle is not None and not self.provisional:
            self.later.remember(needle, count)
        self.beginResetModel()
        self.count = count
        self._pages = OrderedDict()
        self._shown = {}
        if first:
            self._keep(0, first)
        self.endResetModel()
        if self.provisional and needle is not None:
            self.later.start(self.filter, needle, self.total, self._counted_later, self._count_here)
        else:
            self.later.forget()

    def _counted_later(self, count: int) -> None:
        """The count of the list whose first page is shown: the rows past it are added."""
        if not self.provisional:  # counted meanwhile (count_all)
            return
        self.provisional = False
        if count < self.count:  # cases went between the page and its count
            self._requery()
        elif count > self.count:
            self.beginInsertRows(QModelIndex(), self.count, count - 1)
            self.count = count
            self.endInsertRows()
        self.counted.emit()

    def _count_here(self) -> None:
        """The worker could not count (it logged why): counted here instead."""
        if self.provisional:
            self.count_all()
            self.counted.emit()

    def _keep(self, page: int, rows: list[ListRow]) -> None:
        self._pages[page] = rows
        self._shown[page] = [None] * len(rows)
        while len(self._pages) > MAX_PAGES:
            self._shown.pop(self._pages.popitem(last=False)[0], None)

    def _fetch(self, q: CaseList, page: int, count: int | None, at_most: int | None = None) -> list[ListRow]:
        ids = q.page_ids(self.filter, self.sort_key, page * PAGE, PAGE, count=count, at_most=at_most)
        rows = q.rows(ids)
        return [rows[i] for i in ids if i in rows]

    def row_at(self, row: int) -> ListRow | None:
        page, offset = divmod(row, PAGE)
        rows = self._pages.get(page)
        if rows is None:
            with self.wb.db.session() as s:
                rows = self._fetch(CaseList(s, total=self.total), page, self.count)
            self._keep(page, rows)
        else:
            self._pages.move_to_end(page)
        return rows[offset] if offset < len(rows) else None

    def case_id(self, row: int) -> int | None:
        if not 0 <= row < self.count:
            return None
        found = self.row_at(row)
        return found.id if found is not None else None

    def row_of(self, case_id: int, near: int = -1) -> int | None:
        """The row of ``case_id``: in the pages held (with the page of row ``near``, where it most likely still
        is), else asked of the database."""
        if 0 <= near < self.count:
            self.row_at(near)
        for page, rows in self._pages.items():
            for i, r in enumerate(rows):
                if r.id == case_id:
                    return page * PAGE + i
        with self.wb.db.session() as s:
            return CaseList(s).position(self.filter, self.sort_key, case_id)

    def cached_rows(self) -> int:
        return sum(len(rows) for rows in self._pages.values())


def case_table(model: CaseTableModel, parent: QWidget) -> QTableView:
    """The case list's view: whole rows, several selectable (notices for a selection), sorted on header click
    (no arrow until then: the list starts in the order cases were accepted, newest first)."""
    table = QTableView(parent)
    table.setObjectName("caseTable")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(False)  # sort on header click without an initial sort pass
    header = table.horizontalHeader()
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(False)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def sorted_by(column: int, order: Qt.SortOrder) -> None:
        header.setSortIndicatorShown(column >= 0)
        if column >= 0:
            model.sort(column, order)

    header.sortIndicatorChanged.connect(sorted_by)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    rows = RowNumbers(model, table)
    table.setVerticalHeader(rows)
    model.modelReset.connect(rows.fit)
    model.rowsInserted.connect(rows.fit)
    table.setAlternatingRowColors(True)
    for column, width in enumerate((230, 170, 80, 170, 90, 80, 110, 90, 90, 140, 140, 70, 80)):
        table.setColumnWidth(column, width)
    return table


class RowNumbers(QHeaderView):
    """The list's row numbers, as wide as the number of cases: a search's page and its count
    (ui/list_count.py) do not make the columns jump sideways as the list's length changes its digits.

    Its size hint is that width. Qt's own measures the numbers of the first and last hundred rows, each through
    the model, whenever the list's length changes: ~4 ms of a ~40 ms search step at a million cases."""

    def __init__(self, model: CaseTableModel, table: QTableView) -> None:
        super().__init__(Qt.Orientation.Vertical, table)
        self.model_of_cases = model
        self.setDefaultSectionSize(24)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHighlightSections(True)  # as the table's own row header does
        self.setSectionsClickable(True)
        self.width_of_digits = 0
        self.fit()

    def fit(self) -> None:
        digits = len(str(max(self.model_of_cases.total, self.model_of_cases.count, 1)))
        width = self.fontMetrics().horizontalAdvance("0" * digits) + 12
        if width != self.width_of_digits:
            self.width_of_digits = width
            self.setMinimumWidth(width)
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(self.width_of_digits, self.defaultSectionSize())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.width_of_digits = 0
            self.fit()


class EmptyNote(QLabel):
    """Says so over the list when nothing matches the filters."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table.viewport())
        self.setObjectName("emptyNote")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setText(self.tr("No case matches the search and filters."))
        self.setStyleSheet("color: #666; font-size: 14px;")
        self.table = table
        self.hide()

    def update_for(self, model: CaseTableModel) -> None:
        empty = model.rowCount() == 0 and model.total > 0
        self.setVisible(empty)
        if empty:
            self.setGeometry(self.table.viewport().rect())
