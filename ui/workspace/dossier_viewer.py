"""The dossier viewer beside the checklist: document list, page navigation, zoom, the page itself."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.services.cases.query import DocumentRow
from ui.rows_model import RowsModel
from ui.workspace.pages import PageSource

ZOOM_STEPS = (0.5, 0.67, 0.75, 0.85, 1.0, 1.25, 1.5, 2.0, 3.0)
DEFAULT_ZOOM = 0.85


class DossierViewer(QWidget):
    """Shows one page of one dossier document; ``pageShown(document_id, page)`` after every change."""

    pageShown = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents: list[DocumentRow] = []
        self.source: PageSource | None = None
        self.document_id: int | None = None
        self.page = 0
        self.zoom = DEFAULT_ZOOM
        self.doc_model = RowsModel([self.tr("Document")])
        self.doc_combo = QComboBox(self)
        self.doc_combo.setObjectName("documentCombo")
        self.doc_combo.setModel(self.doc_model)
        self.doc_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.doc_combo.setMinimumContentsLength(12)
        self.doc_combo.currentIndexChanged.connect(self._document_chosen)
        self.prev_button = self._button("‹", self.tr("Previous page (Ctrl+PgUp)"), self.previous_page)
        self.next_button = self._button("›", self.tr("Next page (Ctrl+PgDown)"), self.next_page)
        self.zoom_out_button = self._button("−", self.tr("Zoom out (Ctrl+-)"), self.zoom_out)
        self.zoom_in_button = self._button("+", self.tr("Zoom in (Ctrl++)"), self.zoom_in)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageLabel")
        self.zoom_label = QLabel(self)
        self.external_button = QToolButton(self)
        self.external_button.setText(self.tr("Open externally"))
        self.external_button.setToolTip(self.tr("Open the document with the system viewer"))
        self.external_button.clicked.connect(self.open_externally)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.doc_combo, 1)
        for w in (
            self.prev_button,
            self.page_label,
            self.next_button,
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.external_button,
        ):
            bar.addWidget(w)
        self.image = QLabel(self)
        self.image.setObjectName("pageImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.page_scroll = QScrollArea(self)
        self.page_scroll.setObjectName("pageScroll")
        self.page_scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_scroll.setStyleSheet("QScrollArea#pageScroll { background: #6b6f75; }")
        self.page_scroll.setWidget(self.image)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.page_scroll, 1)
        self._refresh_controls()

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # --- documents ----------------------------------------------------------------------------------
    def set_documents(self, documents: Sequence[DocumentRow]) -> None:
        self.documents = list(documents)
        self.doc_combo.blockSignals(True)
        self.doc_model.set_rows([[d.title] for d in self.documents], self.documents)
        self.doc_combo.setCurrentIndex(-1)
        self.doc_combo.blockSignals(False)
        if self.documents:
            self.show_page(self.documents[0].id, 1)
        else:
            self._close_source()
            self.image.setText(self.tr("This case has no dossier documents."))
            self._refresh_controls()

    def document(self, document_id: int | None) -> DocumentRow | None:
        return next((d for d in self.documents if d.id == document_id), None)

    def current(self) -> tuple[int, int] | None:
        """(document id, page) on screen; None when no PDF page or picture is shown."""
        if self.document_id is None or self.source is None or self.source.page_count == 0:
            return None
        return self.document_id, self.page

    def show_page(self, document_id: int, page: int) -> bool:
        """Open the document (if needed) and show ``page``; False when the document is not in this case."""
        doc = self.document(document_id)
        if doc is None:
            return False
        if document_id != self.document_id:
            self._close_source()
            self.document_id = document_id
            try:
                self.source = PageSource(doc.path)
            except Exception:  # a damaged or missing file is shown as such, never a crash of the workspace
                self.source = None
            row = self.documents.index(doc)
            if self.doc_combo.currentIndex() != row:
                self.doc_combo.blockSignals(True)
                self.doc_combo.setCurrentIndex(row)
                self.doc_combo.blockSignals(False)
        count = self.source.page_count if self.source is not None else 0
        self.page = min(max(page, 1), count) if count else 0
        self._render()
        self.pageShown.emit(document_id, self.page)
        return True

    def _document_chosen(self, row: int) -> None:
        if 0 <= row < len(self.documents):
            self.show_page(self.documents[row].id, 1)

    # --- navigation and zoom ------------------------------------------------------------------------
    def next_page(self) -> None:
        if self.document_id is not None and self.source is not None and self.page < self.source.page_count:
            self.show_page(self.document_id, self.page + 1)

    def previous_page(self) -> None:
        if self.document_id is not None and self.page > 1:
            self.show_page(self.document_id, self.page - 1)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 1e-6), ZOOM_STEPS[0]))

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._render()

    def open_externally(self) -> None:
        doc = self.document(self.document_id)
        if doc is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(doc.path)))

    # --- drawing ------------------------------------------------------------------------------------
    def _render(self) -> None:
        doc = self.document(self.document_id)
        if doc is None:
            self.image.clear()
        elif self.source is None or self.source.kind == "other" or self.source.page_count == 0:
            self.image.setPixmap(QPixmap())
            self.image.setText(
                self.tr("{name} cannot be shown here.\nUse “Open externally”.").format(name=doc.original_name)
            )
            self.image.resize(self.page_scroll.viewport().size())
        else:
            # Render at device pixels so text stays sharp on scaled (e.g. 150 %) displays.
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap.fromImage(self.source.render(self.page, self.zoom * ratio, self.logicalDpiX()))
            pixmap.setDevicePixelRatio(ratio)
            self.image.setPixmap(pixmap)
            self.image.resize(pixmap.deviceIndependentSize().toSize())
        self._refresh_controls()

    def _refresh_controls(self) -> None:
        count = self.source.page_count if self.source is not None else 0
        self.page_label.setText(self.tr("{page} / {count}").format(page=self.page, count=count) if count else "–")
        self.zoom_label.setText(f"{round(self.zoom * 100)}%")
        self.prev_button.setEnabled(self.page > 1)
        self.next_button.setEnabled(0 < self.page < count)
        self.external_button.setEnabled(self.document_id is not None)

    def _close_source(self) -> None:
        if self.source is not None:
            self.source.close()
        self.source = None
        self.document_id = None
        self.page = 0

    def close_documents(self) -> None:
        """Release the open file (PDFium keeps a handle) before the window goes."""
        self._close_source()
