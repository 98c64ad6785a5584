"""The preview pane of the notice dialog: the notices of a batch on the left, the pages of the chosen one right.

The preview PDFs come from ``reviewapp.services.results.notices.notice_preview`` (numbered （预览）, no number
consumed); they are written to a temporary folder so the dossier viewer's ``PageSource`` (pypdfium2) can
rasterise them on the GUI thread, as in the scoring workspace.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.services.results.notices import GroupBy, group_cases, notice_preview, reviewed_cases
from reviewapp.services.results.settings import NoticeConfig
from reviewapp.services.workbench import Workbench
from ui.rows_model import RowsModel
from ui.workspace.pages import PageSource

ZOOM_STEPS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5, 2.0)
DEFAULT_ZOOM = 0.7


@dataclass(frozen=True)
class PreviewNotice:
    """One notice of the batch as it would be issued: who gets it, for which cases, and its preview PDF."""

    addressee: str
    dept_case_nos: tuple[str, ...]
    path: Path


class PreviewStale(Exception):
    """The settings changed (or the dialog closed) while the preview was rendering."""


def make_previews(
    wb: Workbench,
    case_ids: Sequence[int],
    group_by: GroupBy,
    issued_on: date,
    config: NoticeConfig,
    folder: Path,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[PreviewNotice]:
    """Render the preview PDFs of the batch into ``folder`` (runs on a worker; raises NoticeError for cases
    without a submitted review, exactly as issuing would).

    One ``notice_preview`` call per notice, so a long batch reports progress and stops early when stale:
    a group's cases share the addressee, so previewing them alone gives exactly that group's notice."""
    with wb.db.session() as s:
        groups = group_cases(reviewed_cases(s, case_ids, config), group_by)
    folder.mkdir(parents=True, exist_ok=True)
    out: list[PreviewNotice] = []
    for done, (addressee, cases) in enumerate(groups):
        if cancel is not None and cancel():
            raise PreviewStale
        [pdf] = notice_preview(wb, [c.case_id for c in cases], group_by, issued_on=issued_on, config=config)
        path = folder / f"preview-{uuid.uuid4().hex}.pdf"
        path.write_bytes(pdf)
        out.append(PreviewNotice(addressee, tuple(c.dept_case_no for c in cases), path))
        if progress is not None:
            progress(done + 1, len(groups))
    return out


class NoticePreviewPane(QWidget):
    """Shows the pages of one preview notice at a time, with page navigation and zoom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notices: list[PreviewNotice] = []
        self.source: PageSource | None = None
        self.row = -1
        self.page = 0
        self.zoom = DEFAULT_ZOOM
        self.model = RowsModel([self.tr("Addressee"), self.tr("Cases")])
        self.list = QTableView(self)
        self.list.setObjectName("previewNotices")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().setVisible(False)
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.selectionModel().selectionChanged.connect(self._chosen)
        self.prev_button = self._button("‹", self.tr("Previous page (Ctrl+PgUp)"), self.previous_page)
        self.next_button = self._button("›", self.tr("Next page (Ctrl+PgDown)"), self.next_page)
        self.zoom_out_button = self._button("−", self.tr("Zoom out (Ctrl+-)"), self.zoom_out)
        self.zoom_in_button = self._button("+", self.tr("Zoom in (Ctrl++)"), self.zoom_in)
        # The same keys as the dossier viewer of the scoring workspace.
        within = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Ctrl+PgUp", self.previous_page),
            ("Ctrl+PgDown", self.next_page),
            ("Ctrl+-", self.zoom_out),
            ("Ctrl++", self.zoom_in),
            ("Ctrl+=", self.zoom_in),
        ):
            QShortcut(QKeySequence(keys), self, context=within).activated.connect(slot)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("previewPageLabel")
        self.zoom_label = QLabel(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        for w in (
            self.prev_button,
            self.page_label,
            self.next_button,
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        self.image = QLabel(self)
        self.image.setObjectName("previewImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setWordWrap(True)
        self.page_scroll = QScrollArea(self)
        self.page_scroll.setObjectName("previewScroll")
        self.page_scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_scroll.setStyleSheet("QScrollArea#previewScroll { background: #6b6f75; }")
        self.page_scroll.setWidget(self.image)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(bar)
        rv.addWidget(self.page_scroll, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([280, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._refresh_controls()

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # --- content ------------------------------------------------------------------------------------
    def set_notices(self, notices: Sequence[PreviewNotice]) -> None:
        """Show a new batch (the previous preview files are closed, not deleted: the dialog owns them)."""
        self._close_source()
        self.notices = list(notices)
        self.row = -1
        self.model.set_rows([[n.addressee, "、".join(n.dept_case_nos)] for n in self.notices], self.notices)
        if self.notices:
            self.list.selectRow(0)  # → _chosen → first page of the first notice
        else:
            self.show_message(self.tr("Nothing to preview."))

    def show_message(self, text: str) -> None:
        """Replace the page by a message (while rendering, or why no notice can be made)."""
        self._close_source()
        self.notices = []
        self.row = -1
        self.model.set_rows([])
        self.image.setPixmap(QPixmap())
        self.image.setText(text)
        self.image.resize(self.page_scroll.viewport().size())
        self._refresh_controls()

    def page_count(self) -> int:
        return self.source.page_count if self.source is not None else 0

    def show_notice(self, row: int, page: int = 1) -> None:
        if not 0 <= row < len(self.notices):
            return
        if row != self.row:
            self._close_source()
            self.source = PageSource(self.notices[row].path)
            self.row = row
        count = self.page_count()
        self.page = min(max(page, 1), count) if count else 0
        self._render()

    def _chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.list.selectionModel().selectedRows()
        if rows:
            self.show_notice(rows[0].row())

    # --- navigation and zoom ------------------------------------------------------------------------
    def next_page(self) -> None:
        if self.page < self.page_count():
            self.show_notice(self.row, self.page + 1)

    def previous_page(self) -> None:
        if self.page > 1:
            self.show_notice(self.row, self.page - 1)

    def zoom_in(self) -> None:
        self.zoom = next((z for z in ZOOM_STEPS if z > self.zoom + 1e-6), ZOOM_STEPS[-1])
        self._render()

    def zoom_out(self) -> None:
        self.zoom = next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 1e-6), ZOOM_STEPS[0])
        self._render()

    # --- drawing ------------------------------------------------------------------------------------
    def _render(self) -> None:
        if self.source is not None and self.page:
            # Device pixels, so the text stays sharp on scaled (e.g. 150 %) displays.
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap.fromImage(self.source.render(self.page, self.zoom * ratio, self.logicalDpiX()))
            pixmap.setDevicePixelRatio(ratio)
            self.image.setText("")
            self.image.setPixmap(pixmap)
            self.image.resize(pixmap.deviceIndependentSize().toSize())
        self._refresh_controls()

    def _refresh_controls(self) -> None:
        count = self.page_count()
        self.page_label.setText(self.tr("Page {page} of {count}").format(page=self.page, count=count) if count else "–")
        self.zoom_label.setText(f"{round(self.zoom * 100)}%")
        self.prev_button.setEnabled(self.page > 1)
        self.next_button.setEnabled(0 < self.page < count)
        self.zoom_in_button.setEnabled(count > 0)
        self.zoom_out_button.setEnabled(count > 0)

    def _close_source(self) -> None:
        if self.source is not None:
            self.source.close()  # PDFium keeps the file open (and locked on Windows) until closed
        self.source = None
        self.page = 0
