"""What waits for me (待办): one tab per queue the signed-in user's roles grant — to reconcile, objections to
rule on, opinions to answer, to determine, rectifications due and overdue, rectifications to re-check
(services/panel/queues.py). Enter or a double click opens the item: the comparison for reconciling, the
answer form for the prosecutor, the timeline otherwise."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget

from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.panel.labels import rectification_label, status_label
from reviewapp.services.panel.queues import Queue, QueueItem, my_queues, queue_title
from reviewapp.services.workbench import Workbench
from ui.hub import hub_for
from ui.rows_model import RowsModel

QUEUE_KINDS = frozenset({Kind.REVIEW, Kind.NOTICE, Kind.FINDING})


class QueuesView(QWidget):
    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.setWindowTitle(self.tr("My review process queues"))
        self.resize(1000, 480)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("processQueues")
        self.tables: dict[Queue, QTableView] = {}
        self.items: dict[Queue, list[QueueItem]] = {}
        self.windows: list[QWidget] = []
        self.empty = QLabel(self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.timeline_button = QPushButton(self.tr("&Timeline…"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.timeline_button.clicked.connect(self.show_timeline)
        bottom = QHBoxLayout()
        bottom.addWidget(self.empty, 1)
        bottom.addWidget(self.timeline_button)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        hub_for(wb).subscribe(QUEUE_KINDS, self.refresh, self)
        self.refresh()

    def _headers(self) -> list[str]:
        return [
            self.tr("Case number"),
            self.tr("Case name"),
            self.tr("Review file"),
            self.tr("Prosecutor"),
            self.tr("Status"),
            self.tr("Grade"),
            self.tr("Due"),
        ]

    def _table(self, queue: Queue) -> QTableView:
        table = self.tables.get(queue)
        if table is None:
            table = QTableView(self)
            table.setObjectName(f"queue_{queue.value}")
            table.setModel(RowsModel(self._headers(), parent=table))
            table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
            table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setStretchLastSection(True)
            table.doubleClicked.connect(lambda *_: self.open_selected())
            enter = QShortcut(QKeySequence(Qt.Key.Key_Return), table, context=Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.open_selected)
            self.tables[queue] = table
        return table

    def _row(self, queue: Queue, i: QueueItem) -> tuple[str, ...]:
        rectifying = queue in (Queue.RECTIFY, Queue.RECHECK)
        status = rectification_label(i.status) if rectifying else status_label(i.status)
        due = i.due_on.isoformat() if i.due_on else ""
        if i.overdue:
            due += self.tr(" (overdue)")
        number = f"{i.file_no} / {i.notice_no}" if i.notice_no else i.file_no
        return (i.dept_case_no, i.case_name, number, i.prosecutor, status, i.grade, due)

    def refresh(self, _record: ChangeRecord | None = None) -> None:
        current = self.current_queue()
        self.items = my_queues(self.wb)
        self.tabs.clear()
        for queue, items in self.items.items():
            table = self._table(queue)
            model: RowsModel = table.model()  # type: ignore[assignment]
            model.set_rows([self._row(queue, i) for i in items], items)
            self.tabs.addTab(table, f"{queue_title(queue)} ({len(items)})")
            if items and not table.selectionModel().hasSelection():
                table.selectRow(0)
        if current is not None and current in self.items:
            self.tabs.setCurrentIndex(list(self.items).index(current))
        total = sum(len(v) for v in self.items.values())
        self.empty.setText(
            self.tr("Your roles have no queue in the review process.")
            if not self.items
            else self.tr("%n item(s) wait for you.", "", total)
        )

    def current_queue(self) -> Queue | None:
        widget = self.tabs.currentWidget()
        return next((q for q, t in self.tables.items() if t is widget), None)

    def selected_item(self) -> QueueItem | None:
        queue = self.current_queue()
        if queue is None:
            return None
        table = self.tables[queue]
        rows = table.selectionModel().selectedRows()
        model: RowsModel = table.model()  # type: ignore[assignment]
        return model.payload(rows[0].row()) if rows else None

    def open_selected(self) -> QWidget | None:
        item = self.selected_item()
        if item is None:
            return None
        window: QWidget
        if item.queue == Queue.RECONCILE:
            from ui.panel.comparison_window import ComparisonWindow

            window = ComparisonWindow(self.wb, item.opinion_id, self)
        elif item.queue == Queue.ANSWER:
            from ui.panel.answer_form import AnswerForm

            window = AnswerForm(self.wb, item.opinion_id, parent=self)
        else:
            return self.show_timeline()
        return self._show(window)

    def show_timeline(self) -> QWidget | None:
        from ui.panel.timeline_view import TimelineView

        item = self.selected_item()
        if item is None:
            return None
        return self._show(TimelineView(self.wb, opinion_id=item.opinion_id, parent=self))

    def _show(self, window: QWidget) -> QWidget:
        window.setWindowFlag(Qt.WindowType.Window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda *_: self.windows.remove(window) if window in self.windows else None)
        self.windows.append(window)
        window.show()
        return window
