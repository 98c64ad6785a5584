"""Suggested findings (建议问题) of the automatic pre-screening, for the scoring workspace to embed.

``SuggestionsPanel(wb, parent)``; ``set_review(review_id)``; Accept turns a suggestion into a finding (its
explanation as the reason), Dismiss asks for a reason in a small non-blocking dialog. Both run on the write
runner; the panel (and the workspace) re-read when the hub reports the change — also an undo of it, or new
check results. Earlier decisions on the same case and rule, by any reviewer, are shown with their reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewapp.legal.citations import cite
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.checks.suggestions import Suggestion, accept_suggestion, dismiss_suggestion, suggestions
from reviewapp.services.dossier.suggest import quoted_place
from reviewapp.services.workbench import Workbench
from ui.errors import show_error
from ui.hub import hub_for
from ui.ops import is_known, ops_for

# What a suggestion list shows: check results, the decisions on them, and the findings they became.
SUGGESTION_KINDS = frozenset({Kind.CHECK_RESULT, Kind.SUGGESTION, Kind.FINDING, Kind.REVIEW})

Index = QModelIndex | QPersistentModelIndex


class SuggestionsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[Suggestion] = []
        self.headers = [self.tr("Check"), self.tr("Item"), self.tr("Severity"), self.tr("Status"), self.tr("Decision")]

    def set_items(self, items: list[Suggestion]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def decision_text(self, s: Suggestion) -> str:
        if s.decision == "accepted":
            return self.tr("accepted")
        if s.decision == "dismissed":
            return self.tr("dismissed")
        return self.tr("open")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        s = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            status = self.tr("violation") if s.status == "violation" else self.tr("warning")
            return (s.title, s.item_code, s.severity, status, self.decision_text(s))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return s.explanation
        if role == Qt.ItemDataRole.UserRole:
            return s.rule_id
        return None


class DismissDialog(QDialog):
    """Asks why a suggestion is dismissed; OK stays disabled until a reason is written."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dismiss suggestion"))
        self.setMinimumWidth(460)
        self.label = QLabel(
            self.tr(
                "Why is “{title}” not a problem in this case? The reason is kept and shown to later reviewers."
            ).replace("{title}", title),
            self,
        )
        self.label.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("dismissReason")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.reason.textChanged.connect(lambda: self.ok_button.setEnabled(bool(self.text())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    @classmethod
    def ask(cls, title: str, parent: QWidget | None, on_reason: Callable[[str], None]) -> DismissDialog:
        """Open without blocking; ``on_reason(reason)`` runs when the user confirms."""
        dialog = cls(title, parent)
        dialog.accepted.connect(lambda: on_reason(dialog.text()))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog


class SuggestionsPanel(QWidget):
    decided = Signal()  # an accept or dismiss landed
    # A comparison rule's suggestion quotes the dossier: (document id, page, boxes to highlight).
    evidenceRequested = Signal(int, int, list)

    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.review_id: int | None = None
        self.editable = True
        self.pending = 0
        self.dialog: DismissDialog | None = None
        self.model = SuggestionsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("suggestionsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("suggestionDetail")
        self.heading = QLabel(self.tr("Suggested findings (automatic pre-screening)"), self)
        self.accept_button = QPushButton(self.tr("&Accept as finding"), self)
        self.dismiss_button = QPushButton(self.tr("&Dismiss…"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.detail, 3)
        layout.addLayout(buttons)
        self.accept_button.clicked.connect(self.accept_current)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        hub_for(wb).subscribe(SUGGESTION_KINDS, self._heard, self)
        self._show_current()

    def _heard(self, record: ChangeRecord) -> None:
        reviews = record.ids(Kind.REVIEW)
        if self.review_id is not None and (not reviews or self.review_id in reviews):
            self.reload()

    def set_editable(self, editable: bool) -> None:
        """A submitted review takes no decisions (review_status.EDITABLE)."""
        self.editable = editable
        self._show_current()

    def set_review(self, review_id: int | None) -> None:
        self.review_id = review_id
        self.reload()

    def reload(self) -> None:
        keep = self.current()
        items = suggestions(self.wb, self.review_id) if self.review_id is not None else []
        self.model.set_items(items)
        self.heading.setText(
            self.tr("Suggested findings (automatic pre-screening): {n}").replace("{n}", str(len(items)))
        )
        rows = [i for i, s in enumerate(items) if keep is not None and s.rule_id == keep.rule_id]
        if rows or items:
            self.view.selectRow(rows[0] if rows else 0)
        self._show_current()

    def current(self) -> Suggestion | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        if not rows or not 0 <= rows[0].row() < len(self.model.items):
            return None
        return self.model.items[rows[0].row()]

    def select_rule(self, rule_id: str) -> None:
        for i, s in enumerate(self.model.items):
            if s.rule_id == rule_id:
                self.view.selectRow(i)

    def _show_current(self) -> None:
        s = self.current()
        self.accept_button.setEnabled(self.editable and s is not None and s.acceptable and s.decision != "accepted")
        self.dismiss_button.setEnabled(self.editable and s is not None and s.decision != "dismissed")
        self.detail.setPlainText(self._describe(s) if s is not None else self.tr("No suggestion selected."))
        quote = quoted_place(self.wb, s) if s is not None else None
        if quote is not None:
            self.evidenceRequested.emit(*quote)

    def _describe(self, s: Suggestion) -> str:
        lines = [
            s.title,
            self.tr("Legal basis: {basis}").replace("{basis}", cite(s.basis)),
            self.tr("Checklist item: {code} {text}").replace("{code}", s.item_code).replace("{text}", s.item_text),
            self.tr("Proposed severity: {severity}").replace("{severity}", s.severity),
            "",
            s.explanation,
        ]
        if s.problem:
            lines += ["", s.problem]
        if s.earlier:
            lines += ["", self.tr("Earlier decisions on this case:")]
            for e in s.earlier:
                verb = self.tr("accepted") if e.decision == "accepted" else self.tr("dismissed")
                lines.append(f"· {e.at:%Y-%m-%d} {e.reviewer}: {verb}" + (f" — {e.reason}" if e.reason else ""))
        return "\n".join(lines)

    def _run(self, action: Callable[[], Any]) -> bool:
        """Send the decision; a refusal is shown in plain words, a bug gets the apology (ui/ops.py)."""
        self.pending += 1

        def landed(_result: Any) -> None:
            self.pending -= 1
            self.decided.emit()

        def refused(exc: BaseException) -> None:
            self.pending -= 1
            if is_known(exc):
                show_error(self, str(exc))

        ops_for(self.wb).run(action, landed, refused, owner=self)
        return True

    def accept_current(self) -> bool:
        s = self.current()
        if s is None or self.review_id is None or not self.editable:  # a submitted review takes no decisions
            return False
        review_id = self.review_id
        return self._run(lambda: accept_suggestion(self.wb, review_id, s.rule_id))

    def dismiss_current(self) -> DismissDialog | None:
        s = self.current()
        if s is None or self.review_id is None or not self.editable:
            return None
        review_id, rule_id = self.review_id, s.rule_id

        def dismiss(reason: str) -> None:
            self._run(lambda: dismiss_suggestion(self.wb, review_id, rule_id, reason))

        self.dialog = DismissDialog.ask(s.title, self, dismiss)
        return self.dialog
