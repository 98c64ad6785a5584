"""The dossier viewer beside the checklist: document list, page navigation, zoom, the page itself."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.services.cases.query import DocumentRow
from reviewapp.services.dossier.text import FoundDocument
from ui.detail_pane import missing_file_message
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
        # Rectangles to highlight (thousandths of the page, top-left origin) and the page they belong to.
        self.highlights: list[tuple[int, int, int, int]] = []
        self.highlight_place: tuple[int, int] | None = None
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
        # The documents recognised in the dossier's pages (文书 and page range), once its text has been read.
        self.found_model = RowsModel([self.tr("Documents found"), self.tr("Pages")])
        self.found_view = QTreeView(self)
        self.found_view.setObjectName("foundDocuments")
        self.found_view.setModel(self.found_model)
        self.found_view.setRootIsDecorated(False)
        self.found_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.found_view.setMaximumHeight(110)
        self.found_view.setVisible(False)
        self.found_view.activated.connect(self._found_chosen)
        self.found_view.clicked.connect(self._found_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.found_view)
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

    def set_found(self, found: Sequence[FoundDocument]) -> None:
        """List the documents recognised in the dossier (hidden while none is known)."""
        rows = []
        for f in found:
            name = f.kind or self.tr("(unrecognised) {file}").format(file=f.file_title)
            pages = f"{f.first_page}–{f.last_page}" if f.last_page > f.first_page else str(f.first_page)
            where = f.file_title if f.kind and f.file_title != f.kind else ""
            rows.append([name, f"{where} {pages}".strip()])
        self.found_model.set_rows(rows, list(found))
        self.found_view.setVisible(bool(rows))
        self.found_view.resizeColumnToContents(0)

    def _found_chosen(self, index: object) -> None:
        found = self.found_model.payload(index.row()) if hasattr(index, "row") else None
        if isinstance(found, FoundDocument):
            self.show_page(found.document_id, found.first_page)

    def show_quote(self, document_id: int, page: int, boxes: Sequence[tuple[int, int, int, int]]) -> bool:
        """Show the page with ``boxes`` highlighted (a suggested finding's quoted text)."""
        self.highlights = [tuple(b) for b in boxes]  # type: ignore[misc]
        self.highlight_place = (document_id, page)
        return self.show_page(document_id, page)

    def clear_highlights(self) -> None:
        self.highlights, self.highlight_place = [], None
        self._render()

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
        if doc is not None and doc.available:  # a missing file says so on the page; never a broken link
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(doc.path)))

    # --- drawing ------------------------------------------------------------------------------------
    def _render(self) -> None:
        doc = self.document(self.document_id)
        if doc is None:
            self.image.clear()
        elif not doc.available:
            self.image.setPixmap(QPixmap())
            self.image.setText(missing_file_message(doc.original_name))
            self.image.setWordWrap(True)
            self.image.resize(self.page_scroll.viewport().size())
        elif self.source is None or self.source.kind == "other" or self.source.page_count == 0:
            self.image.setPixmap(QPixmap())
            self.image.setText(
                self.tr("{name} cannot be shown here.\nUse “Open externally”.").format(name=doc.original_name)
            )
            self.image.resize(self.page_scroll.viewport().size())
        else:
            # Render at device pixels so text stays sharp on scaled (e.g. 150 %) displays.
            ratio = self.devicePixelRatioF()
            image = self.source.render(self.page, self.zoom * ratio, self.logicalDpiX())
            if self.highlights and self.highlight_place == (self.document_id, self.page) and not image.isNull():
                image = self._highlighted(image)
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            self.image.setPixmap(pixmap)
            self.image.resize(pixmap.deviceIndependentSize().toSize())
        self._refresh_controls()

    def _highlighted(self, image: QImage) -> QImage:
        """The page image with the highlight boxes drawn over it (translucent fill, solid outline)."""
        out = image.convertToFormat(QImage.Format.Format_ARGB32)
        painter = QPainter(out)
        painter.setPen(QPen(QColor(230, 120, 0), max(1.0, out.width() / 400)))
        painter.setBrush(QColor(255, 214, 0, 90))
        w, h = out.width(), out.height()
        pad = 2
        for x0, y0, x1, y1 in self.highlights:
            painter.drawRect(QRectF(x0 * w / 1000 - pad, y0 * h / 1000 - pad, (x1 - x0) * w / 1000 + 2 * pad,
                                    (y1 - y0) * h / 1000 + 2 * pad))  # fmt: skip
        painter.end()
        return out

    def _refresh_controls(self) -> None:
        count = self.source.page_count if self.source is not None else 0
        self.page_label.setText(self.tr("{page} / {count}").format(page=self.page, count=count) if count else "–")
        self.zoom_label.setText(f"{round(self.zoom * 100)}%")
        self.prev_button.setEnabled(self.page > 1)
        self.next_button.setEnabled(0 < self.page < count)
        shown = self.document(self.document_id)
        self.external_button.setEnabled(shown is not None and shown.available)

    def _close_source(self) -> None:
        if self.source is not None:
            self.source.close()
        self.source = None
        self.document_id = None
        self.page = 0

    def close_documents(self) -> None:
        """Release the open file (PDFium keeps a handle) before the window goes."""
        self._close_source()
