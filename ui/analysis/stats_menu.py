"""The Statistics menu (统计分析) of the main window: the statistics window, Ctrl+Shift+S."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication

from reviewapp.domain.roles import Action

if TYPE_CHECKING:
    from ui.analysis.statistics_window import StatisticsWindow
    from ui.main_window import MainWindow


class AnalysisMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.statistics: StatisticsWindow | None = None
        self.statistics_action = window.make_action(
            self.tr("&Statistics (统计分析)…"),
            "Ctrl+Shift+S",
            self.show_statistics,
            self.tr("Review results by period, unit, department, prosecutor, line, type and plan, with changes"),
        )
        menu = window.menuBar().addMenu(self.tr("S&tatistics"))
        menu.addAction(self.statistics_action)
        self.update_user()

    def update_user(self) -> None:
        allowed = self.window.user_may
        self.statistics_action.setEnabled(allowed(Action.READ_REVIEWS) or allowed(Action.EXPORT_RESULTS))
        if self.statistics is not None:  # the previous user's figures are not the new user's
            self.statistics.close()
            self.statistics.deleteLater()
            self.statistics = None

    def show_statistics(self) -> StatisticsWindow:
        from ui.analysis.statistics_window import StatisticsWindow  # QtCharts loads when first opened

        if self.statistics is None:
            self.statistics = StatisticsWindow(self.window.wb, self.window)
            self.statistics.setWindowFlag(Qt.WindowType.Window)
            self.statistics.caseRequested.connect(self.window.select_case)
        self.statistics.show()
        if QGuiApplication.platformName() != "offscreen":  # no stacking order there, and it warns
            self.statistics.raise_()
        return self.statistics
