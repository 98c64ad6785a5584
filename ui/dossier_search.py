"""Dossier full-text search (卷宗全文检索): a non-modal window with a query field, results by case, document
and page with a snippet, and the page itself with the match highlighted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from reviewapp.services.cases.query import DocumentRow
from reviewapp.services.dossier.search import DossierHit, search_dossiers
from reviewapp.services.dossier.text import page_text, quote_boxes
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import DossierDocument
from ui.rows_model import RowsModel
from ui.workspace.dossier_viewer import DossierViewer

RESULT_LIMIT = 200


class DossierSearchDialog(QDialog):
    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.setObjectName("dossierSearch")
        self.setWindowTitle(self.tr("Search dossier text"))
        self.resize(1100, 720)
        self.query = QLineEdit(self)
        self.query.setObjectName("dossierQuery")
        self.query.setPlaceholderText(self.tr("Words in the dossier pages, e.g. a name, a charge, an amount"))
        self.query.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("&Search"), self)
        self.search_button.clicked.connect(self.search)
        self.status = QLabel(self)
        self.model = RowsModel([self.tr("Case number"), self.tr("Case"), self.tr("Document"), self.tr("Page"),
                                self.tr("Text")], parent=self)  # fmt: skip
        self.table = QTableView(self)
        self.table.setObjectName("dossierHits")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.viewer = DossierViewer(self)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.search_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.viewer)
        split.setSizes([600, 500])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

    def search(self) -> list[DossierHit]:
        hits = search_dossiers(self.wb, self.query.text(), limit=RESULT_LIMIT)
        rows = [[h.dept_case_no, h.case_name, h.document_title, h.page, h.snippet] for h in hits]
        self.model.set_rows(rows, hits)
        if not self.query.text().strip():
            self.status.setText("")
        elif len(hits) >= RESULT_LIMIT:
            self.status.setText(self.tr("The first {n} pages found.").format(n=len(hits)))
        else:
            self.status.setText(self.tr("{n} pages found.").format(n=len(hits)))
        self.table.resizeColumnsToContents()
        if hits:
            self.table.selectRow(0)
        return hits

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hit = self.model.payload(current.row())
        if isinstance(hit, DossierHit):
            self.show_hit(hit)

    def show_hit(self, hit: DossierHit) -> bool:
        """Show the hit's page with the match highlighted (the case's documents in the viewer's list)."""
        with self.wb.db.session() as s:
            docs = s.scalars(
                select(DossierDocument).where(DossierDocument.case_id == hit.case_id).order_by(DossierDocument.id)
            ).all()
            rows = [
                DocumentRow(d.id, d.title, d.original_name, Path(self.wb.dossiers.path(d.stored_path)), d.size)
                for d in docs
            ]
        if [d.id for d in self.viewer.documents] != [d.id for d in rows]:
            self.viewer.set_documents(rows)
        page = page_text(self.wb, hit.document_id, hit.page)
        boxes = quote_boxes(page, hit.start, hit.end) if page is not None else []
        return self.viewer.show_quote(hit.document_id, hit.page, boxes)

    def done(self, result: int) -> None:
        self.viewer.close_documents()
        super().done(result)
