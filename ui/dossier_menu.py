"""The main window's dossier-intelligence actions: full-text search (Ctrl+Shift+F), reading dossier text now,
and the background reader with its status-bar indicator (installed by one line in main_window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ui.dossier_scan import DossierScanner, ScanIndicator

if TYPE_CHECKING:  # the search window (the page viewer, pdfium) loads when first opened, not with the main window
    from reviewapp.services.workbench import Workbench
    from ui.dossier_search import DossierSearchDialog


class DossierActions(QObject):
    def __init__(self, window: QMainWindow, menu: QMenu, wb: Workbench | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.wb: Workbench = wb if wb is not None else window.wb  # type: ignore[attr-defined]
        self.scanner = DossierScanner(self.wb, self)
        self.indicator = ScanIndicator(self.scanner, window)
        window.statusBar().addPermanentWidget(self.indicator)
        self.scanner.finished.connect(lambda message: window.statusBar().showMessage(message, 10000))
        self.dialog: DossierSearchDialog | None = None
        self.search_action = QAction(self.tr("Search &dossier text…"), window)
        self.search_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.search_action.setToolTip(self.tr("Find words in the text of every dossier page (卷宗全文检索)"))
        self.search_action.triggered.connect(self.show_search)
        self.read_action = QAction(self.tr("Read dossier &text now"), window)
        self.read_action.setToolTip(self.tr("Read the pages not read yet (OCR for scans) and compare the documents"))
        self.read_action.triggered.connect(lambda: self.scanner.start())
        window.addAction(self.search_action)
        menu.addSeparator()
        menu.addAction(self.search_action)
        menu.addAction(self.read_action)
        window.destroyed.connect(lambda *_: self.stop())

    def show_search(self) -> DossierSearchDialog:
        from ui.dossier_search import DossierSearchDialog

        if self.dialog is None:
            self.dialog = DossierSearchDialog(self.wb, self.window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.query.setFocus()
        return self.dialog

    def stop(self) -> None:
        """Cancel a running read and wait for its thread (what it stored is kept)."""
        self.scanner.cancel()
        self.scanner.wait()
