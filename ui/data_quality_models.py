"""Models of the data-quality view: counts (per rule, or per unit / department / prosecutor) and the result
list (ids of the matching results, rows fetched lazily a page at a time like the case list)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reviewapp.exports.data_quality_xlsx import status_label
from reviewapp.legal.citations import cite
from reviewapp.services.checks.results import GroupCount, ResultRow, RuleCount, result_rows
from reviewapp.services.workbench import Workbench

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
CACHE_LIMIT = 5000
KEY_ROLE = Qt.ItemDataRole.UserRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class CountsModel(QAbstractTableModel):
    """Counts per rule (title, item …) or per organisational group (name …). UserRole = the key:
    the rule id, or the unit / department / prosecutor id."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = "rule"
        self.rules: list[RuleCount] = []
        self.groups: list[GroupCount] = []

    def set_rules(self, rules: Sequence[RuleCount]) -> None:
        self.beginResetModel()
        self.kind, self.rules, self.groups = "rule", list(rules), []
        self.endResetModel()

    def set_groups(self, kind: str, groups: Sequence[GroupCount]) -> None:
        self.beginResetModel()
        self.kind, self.groups, self.rules = kind, list(groups), []
        self.endResetModel()

    def _headers(self) -> list[str]:
        tail = [self.tr("Violations"), self.tr("Warnings"), self.tr("Not checkable"), self.tr("Cases")]
        if self.kind == "rule":
            # The rule's title, never its code: codes are for --json and programmers.
            return [self.tr("Rule"), self.tr("Item"), *tail]
        name = {"unit": self.tr("Unit"), "department": self.tr("Department"), "prosecutor": self.tr("Prosecutor")}
        return [name.get(self.kind, self.kind), *tail]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self.rules) if self.kind == "rule" else len(self.groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        headers = self._headers()
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def _values(self, row: int) -> list[Any]:
        if self.kind == "rule":
            r = self.rules[row]
            return [r.title, r.item_code, r.violations, r.warnings, r.not_checkable, r.cases]
        g = self.groups[row]
        return [g.name, g.violations, g.warnings, g.not_checkable, g.cases]

    def key(self, row: int) -> str | int | None:
        if not 0 <= row < self.rowCount():
            return None
        return self.rules[row].rule_id if self.kind == "rule" else self.groups[row].id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        values = self._values(index.row())
        value = values[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == Qt.ItemDataRole.ToolTipRole and self.kind == "rule":
            r = self.rules[index.row()]
            return f"{r.title}\n{cite(r.basis)}\n{r.item_code} · {r.severity}"
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return _RIGHT
        if role == KEY_ROLE:
            return self.key(index.row())
        return None


class ResultsModel(QAbstractTableModel):
    """The matching results: only their ids are held; display rows come a page at a time, cached."""

    def __init__(self, wb: Workbench, parent: Any = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.ids: list[int] = []
        self._cache: OrderedDict[int, ResultRow] = OrderedDict()
        self.headers = [
            self.tr("Case number"),
            self.tr("Rule"),
            self.tr("Item"),
            self.tr("Severity"),
            self.tr("Status"),
            self.tr("Explanation"),
            self.tr("Case name"),
            self.tr("Prosecutor"),
        ]

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self.ids = list(ids)
        self._cache.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return section + 1

    def row_at(self, row: int) -> ResultRow | None:
        if not 0 <= row < len(self.ids):
            return None
        rid = self.ids[row]
        cached = self._cache.get(rid)
        if cached is not None:
            return cached
        start = max(0, row - PAGE // 4)
        self._cache.update(result_rows(self.wb, self.ids[start : start + PAGE]))
        while len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)
        return self._cache.get(rid)

    def case_id(self, row: int) -> int | None:
        r = self.row_at(row)
        return r.case_id if r else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, KEY_ROLE):
            return None
        r = self.row_at(index.row())
        if r is None:
            return None
        if role == KEY_ROLE:
            return r.case_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{r.rule_title}\n{r.explanation}"
        # The explanation comes early: it is what the reviewer reads; case name and prosecutor are context.
        values = (
            r.dept_case_no,
            r.rule_title,
            r.item_code,
            r.severity,
            status_label(r.status),
            r.explanation.replace("\n", " "),
            r.case_name,
            r.prosecutor,
        )
        return values[index.column()]
