"""The timeline of one review file (评查卷): every step of the opinion, its member reviews and its rectification
— when, what, whose review, who did it, from → to, and the reason (services/panel/timeline.py). The routing
sheet (评查流转单) of the same steps is a button away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.errors import KNOWN_ERRORS
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.panel.labels import status_label
from reviewapp.services.panel.routing import write_routing_sheet
from reviewapp.services.panel.timeline import Timeline, review_timeline
from reviewapp.services.workbench import Workbench
from ui.errors import show_error
from ui.file_dialogs import remember, suggested_path
from ui.hub import hub_for
from ui.rows_model import RowsModel

TIMELINE_KINDS = frozenset({Kind.REVIEW, Kind.NOTICE})
MEMBER_TINT = QColor("#eef3fb")


class TimelineModel(RowsModel):
    """The steps as rows; a member review's own steps are tinted so the opinion's steps stand out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                self.tr("When"),
                self.tr("Step"),
                self.tr("Review of"),
                self.tr("Who"),
                self.tr("From → to"),
                self.tr("Reason"),
            ],
            parent=parent,
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and self.payload(index.row()) == "member":
            return MEMBER_TINT
        return super().data(index, role)


class TimelineView(QWidget):
    def __init__(
        self,
        wb: Workbench,
        *,
        case_id: int | None = None,
        opinion_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.wb = wb
        self.case_id = case_id
        self.opinion_id = opinion_id
        self.timeline: Timeline | None = None
        self.setWindowTitle(self.tr("Review timeline"))
        self.resize(1100, 560)
        self.heading = QLabel(self)
        self.heading.setObjectName("timelineHeading")
        self.heading.setWordWrap(True)
        self.model = TimelineModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("timelineTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.sheet_button = QPushButton(self.tr("Routing &sheet (PDF)…"), self)
        self.sheet_button.clicked.connect(self.ask_routing_sheet)
        self.message = QLabel(self)
        self.message.setObjectName("timelineMessage")
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.sheet_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        hub_for(wb).subscribe(TIMELINE_KINDS, self._changed, self)
        self.refresh()

    def _changed(self, _record: ChangeRecord) -> None:
        self.refresh()

    def refresh(self) -> bool:
        try:
            t = review_timeline(self.wb, case_id=self.case_id, opinion_id=self.opinion_id)
        except KNOWN_ERRORS as exc:
            self.timeline = None
            self.model.set_rows([])
            self.heading.setText(str(exc))
            self.sheet_button.setEnabled(False)
            return False
        self.timeline, self.opinion_id, self.case_id = t, t.opinion_id, t.case_id
        self.sheet_button.setEnabled(True)
        self.setWindowTitle(self.tr("Review timeline — {number}").format(number=t.file_no))
        self.heading.setText(
            self.tr("Review file {number} · case {case} {name} · {status} · panel: {members}").format(
                number=t.file_no, case=t.dept_case_no, name=t.case_name, status=status_label(t.status),
                members="、".join(t.members) or "—",
            )
        )  # fmt: skip
        self.model.set_rows(
            [
                (
                    e.at.strftime("%Y-%m-%d %H:%M"),
                    e.step,
                    e.subject_name if e.subject == "member" else (e.subject_name or self.tr("review file")),
                    e.actor or "—",
                    e.transition,
                    e.reason,
                )
                for e in t.entries
            ],
            [e.subject for e in t.entries],
        )
        self.view.resizeRowsToContents()
        return True

    def ask_routing_sheet(self) -> None:
        t = self.timeline
        if t is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the routing sheet"), suggested_path(f"{t.dept_case_no}评查流转单.pdf"), "PDF (*.pdf)"
        )
        if name:
            remember(name)
            self.write_routing_sheet(Path(name))

    def write_routing_sheet(self, path: Path) -> Path | None:
        if self.case_id is None:
            return None
        try:
            written = write_routing_sheet(self.wb, self.case_id, path)
        except KNOWN_ERRORS as exc:
            show_error(self, str(exc))
            return None
        self.message.setText(self.tr("Routing sheet written: {file}").format(file=written))
        return written
