"""The case detail pane: card fields, unknown export columns, suspects and dossier documents."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewapp.i18n import SOURCE_LANGUAGE, current_language, term
from reviewapp.services.cases.query import CaseDetail, DocumentRow
from ui.errors import show_error
from ui.rows_model import RowsModel


def _table(model: RowsModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view


class DetailPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Select a case to see its card."), self)
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px 0;")
        self.tabs = QTabWidget(self)
        self.card_page = QWidget()
        self.card_form = QFormLayout(self.card_page)
        self.card_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # English card fields are long: each value goes under its label instead of being pushed out of view.
        if current_language() == SOURCE_LANGUAGE:
            self.card_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.card_page)
        self.suspects = RowsModel([])
        self.documents = RowsModel([self.tr("Document"), self.tr("File"), self.tr("Size")])
        self.suspects_view = _table(self.suspects, self)
        self.documents_view = _table(self.documents, self)
        self.documents_view.setToolTip(self.tr("Double-click or press Enter to open the document"))
        self.documents_view.doubleClicked.connect(self._open_document)
        self.documents_view.activated.connect(self._open_document)
        self.tabs.addTab(scroll, self.tr("Case card"))
        self.tabs.addTab(self.suspects_view, self.tr("Suspects"))
        self.tabs.addTab(self.documents_view, self.tr("Documents"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs)
        self.detail: CaseDetail | None = None

    def show_case(self, detail: CaseDetail | None) -> None:
        self.detail = detail
        while self.card_form.rowCount():
            self.card_form.removeRow(0)
        if detail is None:
            self.title.setText(self.tr("Select a case to see its card."))
            self.suspects.set_rows([])
            self.documents.set_rows([])
            return
        self.title.setText(self.tr("{name}  {number}").format(name=detail.row.name, number=detail.row.dept_case_no))
        for label, value in detail.card:
            field = QLabel(term(value) if value else "—")  # a domain value (审查起诉, 是) in the reader's language
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            self.card_form.addRow(self.tr("{label}:").format(label=term(label)), field)
        if detail.extra:
            self.card_form.addRow(QLabel(self.tr("Other export columns (read-only)")))
            for label, value in detail.extra:
                self.card_form.addRow(self.tr("{label}:").format(label=label), QLabel(value or "—"))
        self.suspects.headers = [term(c) for c in detail.suspect_columns]
        self.suspects.set_rows(detail.suspects)
        self.documents.set_rows(
            [[d.title, d.original_name, self._size_or_missing(d)] for d in detail.documents], detail.documents
        )
        self.tabs.setTabText(1, self.tr("Suspects ({n})").replace("{n}", str(len(detail.suspects))))
        self.tabs.setTabText(2, self.tr("Documents ({n})").replace("{n}", str(len(detail.documents))))

    def _size_or_missing(self, doc: DocumentRow) -> str:
        if not doc.available:
            return self.tr("Not on this workstation")
        return f"{doc.size / 1024:.0f} KB"

    def _open_document(self, index: QModelIndex) -> None:
        doc = self.documents.payload(index.row())
        if doc is None:
            return
        if not doc.available:  # never hand the system a broken link
            show_error(self, missing_file_message(doc.original_name))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(doc.path)))


def missing_file_message(name: str) -> str:
    return QCoreApplication.translate(
        "DetailPane",
        "{name} is not on this workstation: the shared dossier folder is not reachable or does not hold it yet. "
        "Ask the administrator to check the shared folder (REVIEWAPP_DOSSIER_STORE); the case and its review "
        "are not affected.",
    ).format(name=name)
