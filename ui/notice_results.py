"""What a batch issued: one row per notice (number, addressee, cases, file), with "open file" / "open folder"."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.services.results.notices import IssuedNotice
from ui.rows_model import RowsModel


def open_path(path: Path) -> bool:
    """Open a file or folder with the system's program (tests patch this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class NoticeResults(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issued: list[IssuedNotice] = []
        self.folder: Path | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = RowsModel(
            [
                self.tr("Number"),
                self.tr("Version"),
                self.tr("Addressee"),
                self.tr("Cases"),
                self.tr("Reply by"),
                self.tr("File"),
            ]
        )
        self.table = QTableView(self)
        self.table.setObjectName("issuedNotices")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda *_: self.open_file())
        self.open_file_button = QPushButton(self.tr("Open file"), self)
        self.open_folder_button = QPushButton(self.tr("Open folder"), self)
        self.open_file_button.clicked.connect(lambda: self.open_file())
        self.open_folder_button.clicked.connect(lambda: self.open_folder())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_file_button)
        buttons.addWidget(self.open_folder_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_issued(self, issued: Sequence[IssuedNotice], folder: Path) -> None:
        self.issued = list(issued)
        self.folder = folder
        self.summary.setText(self.tr("%n notice(s) issued into {folder}.", "", len(self.issued)).format(folder=folder))
        self.model.set_rows(
            [
                [
                    n.number,
                    n.version,
                    n.addressee,
                    "、".join(n.dept_case_nos),
                    n.reply_deadline.isoformat(),
                    n.path.name,
                ]
                for n in self.issued
            ],
            self.issued,
        )
        if self.issued:
            self.table.selectRow(0)

    def current(self) -> IssuedNotice | None:
        rows = self.table.selectionModel().selectedRows()
        notice = self.model.payload(rows[0].row()) if rows else None
        return notice if isinstance(notice, IssuedNotice) else None

    def open_file(self) -> bool:
        notice = self.current()
        return open_path(notice.path) if notice is not None else False

    def open_folder(self) -> bool:
        return open_path(self.folder) if self.folder is not None else False
