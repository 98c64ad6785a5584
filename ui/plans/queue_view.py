"""The reviewer's queue (我的评查任务): the logged-in reviewer's assigned cases with plan, due date and status;
Enter or a double click opens the scoring workspace on the case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from reviewapp.errors import KnownError
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.plans.queue import QueueRow, bucket_label, my_queue
from reviewapp.services.reviews.commands import ReviewState, open_review
from reviewapp.services.workbench import Workbench
from ui.errors import show_error
from ui.hub import hub_for
from ui.ops import ops_for
from ui.plans.editor import _table
from ui.rows_model import RowsModel

QUEUE_KINDS = frozenset({Kind.PLAN, Kind.PLAN_CASE, Kind.ASSIGNMENT, Kind.REVIEW})


class QueueView(QWidget):
    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My review tasks"))
        self.resize(900, 480)
        self.wb = wb
        self.ops = ops_for(wb)
        self.rows: list[QueueRow] = []
        self.workspaces: list[QWidget] = []
        self.model = RowsModel(
            [
                self.tr("Plan"),
                self.tr("Due"),
                self.tr("Case number"),
                self.tr("Case name"),
                self.tr("Status"),
                self.tr("Grade"),
            ],
            parent=self,
        )
        self.view = _table(self.model, self)
        self.view.setObjectName("reviewQueue")
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.count = QLabel(self)
        self.count.setObjectName("queueCount")
        self.count.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.count)
        self.view.doubleClicked.connect(self.open_selected)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.view, context=Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.open_selected)
        hub_for(wb).subscribe(QUEUE_KINDS, self.refresh, self)
        self.refresh()

    def refresh(self, _record: ChangeRecord | None = None) -> None:
        self.rows = my_queue(self.wb)
        overdue = self.tr(" (overdue)")
        self.model.set_rows(
            [
                (
                    r.plan,
                    (r.due_on.isoformat() if r.due_on else "—") + (overdue if r.overdue else ""),
                    r.dept_case_no,
                    r.case_name,
                    bucket_label(r.status),
                    r.grade or "",
                )
                for r in self.rows
            ],
            [r.case_id for r in self.rows],
        )
        self.count.setText(
            self.tr("%n assigned case(s)", "", len(self.rows))
            if self.rows
            else self.tr(
                "No case is assigned to you yet. Once a review administrator (评查管理员) assigns reviewers in a "
                "review plan (评查方案), your cases are listed here; Enter or a double click opens one."
            )
        )
        if self.rows and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)

    def selected_case(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.payload(rows[0].row()) if rows else None

    def open_selected(self, *_: object) -> bool:
        """Start or resume the review of the selected assignment in the scoring workspace."""
        from ui.workspace import ScoringWorkspace

        case_id, wb = self.selected_case(), self.wb
        if case_id is None:
            return False

        def started(state: ReviewState) -> None:
            try:
                window = ScoringWorkspace.show_review(wb, state, self)
            except KnownError as exc:
                show_error(self, str(exc))
                return
            if window not in self.workspaces:
                self.workspaces.append(window)

        self.ops.run(lambda: open_review(wb, case_id), started, owner=self)
        return True
