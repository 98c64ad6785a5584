"""The Help menu of the main window: keyboard shortcuts (F1, the window's own action), the user guide, About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ui.help.about import AboutDialog
from ui.help.guide import GuideWindow

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class HelpMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.guide: GuideWindow | None = None
        self.about: AboutDialog | None = None
        self.guide_action = window.make_action(self.tr("User &guide"), "Shift+F1", self.show_guide)
        self.about_action = window.make_action(self.tr("&About the workbench"), None, self.show_about)
        menu = window.help_menu
        menu.addAction(window.shortcuts_action)
        menu.addAction(self.guide_action)
        menu.addSeparator()
        menu.addAction(self.about_action)

    def show_guide(self) -> GuideWindow:
        if self.guide is None:
            self.guide = GuideWindow(self.window)
            self.guide.setWindowFlag(Qt.WindowType.Window)
        self._show(self.guide)
        return self.guide

    def show_about(self) -> AboutDialog:
        self.about = AboutDialog(self.window.wb, self.window)
        self.about.open()
        return self.about

    def _show(self, view: QWidget) -> None:
        view.show()
        if QGuiApplication.platformName() != "offscreen":  # no stacking order there, and it warns
            view.raise_()
