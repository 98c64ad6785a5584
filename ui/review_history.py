"""The history of one review (评查历史): its audit entries — who, when (local time), what, before → after.

Read from the tamper-evident audit trail (reviewapp.services.accounts.audit.review_history), so it shows
every path that changed the review: the workspace, accepted suggestions, offline forms, undo and redo.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.errors import KNOWN_ERRORS
from reviewapp.services.accounts.audit import AuditRow, review_history
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.workbench import Workbench
from ui.hub import hub_for

Index = QModelIndex | QPersistentModelIndex


def action_labels() -> dict[str, str]:
    """Plain names of the operations a review's history holds (others show their technical name)."""
    return {
        "review.start": QCoreApplication.translate("ReviewHistory", "Review started"),
        "review.submit": QCoreApplication.translate("ReviewHistory", "Submitted"),
        "review.reopen": QCoreApplication.translate("ReviewHistory", "Reopened"),
        "review.criteria": QCoreApplication.translate("ReviewHistory", "criteria for excellent"),
        "review.override": QCoreApplication.translate("ReviewHistory", "Own grade"),
        "review.undo": QCoreApplication.translate("ReviewHistory", "Undo"),
        "review.redo": QCoreApplication.translate("ReviewHistory", "Redo"),
        "finding.record": QCoreApplication.translate("ReviewHistory", "Finding recorded"),
        "finding.update": QCoreApplication.translate("ReviewHistory", "Finding changed"),
        "finding.remove": QCoreApplication.translate("ReviewHistory", "Finding removed"),
        "suggestion.accept": QCoreApplication.translate("ReviewHistory", "Suggestion accepted"),
        "suggestion.dismiss": QCoreApplication.translate("ReviewHistory", "Suggestion dismissed"),
        "review_form.import": QCoreApplication.translate("ReviewHistory", "Offline form imported"),
    }


def field_labels() -> dict[str, str]:
    """Plain names of the fields review edits change (codes stay for --json and the audit trail itself)."""
    return {
        "status": QCoreApplication.translate("ReviewHistory", "status"),
        "case": QCoreApplication.translate("ReviewHistory", "case"),
        "reviewer": QCoreApplication.translate("ReviewHistory", "reviewer"),
        "standard": QCoreApplication.translate("ReviewHistory", "standard"),
        "scheme": QCoreApplication.translate("ReviewHistory", "grade scheme"),
        "item": QCoreApplication.translate("ReviewHistory", "item"),
        "item_code": QCoreApplication.translate("ReviewHistory", "item"),
        "severity": QCoreApplication.translate("ReviewHistory", "severity"),
        "reason": QCoreApplication.translate("ReviewHistory", "reason"),
        "deduction": QCoreApplication.translate("ReviewHistory", "deduction"),
        "phrase": QCoreApplication.translate("ReviewHistory", "standard wording"),
        "evidence": QCoreApplication.translate("ReviewHistory", "dossier evidence"),
        "source_check": QCoreApplication.translate("ReviewHistory", "from suggestion"),
        "rule": QCoreApplication.translate("ReviewHistory", "rule"),
        "decision": QCoreApplication.translate("ReviewHistory", "decision"),
        "ticked_criteria": QCoreApplication.translate("ReviewHistory", "criteria for excellent"),
        "excellence_justification": QCoreApplication.translate("ReviewHistory", "justification for excellent"),
        "final_grade": QCoreApplication.translate("ReviewHistory", "chosen grade"),
        "override_reason": QCoreApplication.translate("ReviewHistory", "reason for the grade"),
        "grade": QCoreApplication.translate("ReviewHistory", "grade"),
        "proposed": QCoreApplication.translate("ReviewHistory", "proposed grade"),
        "existing": QCoreApplication.translate("ReviewHistory", "already open"),
        "label": QCoreApplication.translate("ReviewHistory", "step"),
    }


def value_labels() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("ReviewHistory", "draft"),
        "submitted": QCoreApplication.translate("ReviewHistory", "submitted"),
        "accepted": QCoreApplication.translate("ReviewHistory", "accepted"),
        "dismissed": QCoreApplication.translate("ReviewHistory", "dismissed"),
        "True": QCoreApplication.translate("ReviewHistory", "yes"),
        "False": QCoreApplication.translate("ReviewHistory", "no"),
    }


def local_time(at: datetime) -> str:
    """Stored times are UTC; people read their own clock."""
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return "、".join(_value(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{_field(k)}: {_value(v)}" for k, v in value.items())
    text = str(value)
    return value_labels().get(text, text)


def _field(name: str) -> str:
    return field_labels().get(name, name)


def change_text(row: AuditRow) -> str:
    """``field: before → after`` for each changed field, then the detail (item, severity …)."""
    parts = []
    for name, pair in row.changes.items():
        if isinstance(pair, list | tuple) and len(pair) == 2:
            parts.append(f"{_field(name)}：{_value(pair[0])} → {_value(pair[1])}")
        else:
            parts.append(f"{_field(name)}：{_value(pair)}")
    parts += [f"{_field(k)}：{_value(v)}" for k, v in row.detail.items() if k not in row.changes]
    return "；".join(parts)


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []
        self.labels = action_labels()
        self.headers = [self.tr("No."), self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Before → after")]

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def text(self, row: AuditRow, column: int) -> str:
        if column == 0:
            return str(row.seq)
        if column == 1:
            return local_time(row.at)
        if column == 2:
            return row.user_name or row.login or self.tr("(no account)")
        if column == 3:
            return self.labels.get(row.action, row.action)
        return change_text(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return row.seq
        return None


class ReviewHistory(QDialog):
    def __init__(self, wb: Workbench, review_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.review_id = review_id
        self.setObjectName("reviewHistory")
        self.setWindowTitle(self.tr("Review history"))
        self.resize(900, 480)
        self.model = HistoryModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("historyTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setObjectName("historyMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        hub_for(wb).subscribe({Kind.REVIEW, Kind.FINDING, Kind.SUGGESTION}, self._heard, self)
        self.reload()

    @classmethod
    def open_for(cls, wb: Workbench, review_id: int, parent: QWidget | None = None) -> ReviewHistory:
        """Show the history beside the workspace (not modal: the reviewer keeps working)."""
        dialog = cls(wb, review_id, parent)
        dialog.show()
        return dialog

    def _heard(self, record: ChangeRecord) -> None:
        reviews = record.ids(Kind.REVIEW)
        if self.isVisible() and (not reviews or self.review_id in reviews):
            self.reload()

    def reload(self) -> None:
        try:
            rows = review_history(self.wb, self.review_id)
        except KNOWN_ERRORS as exc:  # e.g. not permitted to read this review's history
            self.model.set_rows([])
            self.message.setText(str(exc))
            return
        self.model.set_rows(rows)
        self.message.setText(self.tr("%n entry/entries, oldest first.", "", len(rows)))
        if rows:
            self.view.scrollToBottom()
