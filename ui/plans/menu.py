"""The Plans menu (评查方案) of the main window: the plan editor, the reviewer's queue and plan progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from reviewapp.domain.roles import Action

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.plans.editor import PlanEditor
    from ui.plans.progress_view import ProgressView
    from ui.plans.queue_view import QueueView


class PlansMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.wb = window.wb
        self.editor: PlanEditor | None = None
        self.queue: QueueView | None = None
        self.progress: ProgressView | None = None
        self.queue_action = window.make_action(self.tr("My review &tasks…"), "Ctrl+T", self.show_queue)
        self.editor_action = window.make_action(self.tr("Review &plans…"), None, self.show_editor)
        self.progress_action = window.make_action(self.tr("Plan prog&ress…"), None, self.show_progress)
        menu = window.menuBar().addMenu(self.tr("&Plans"))
        for a in (self.queue_action, self.editor_action, self.progress_action):
            menu.addAction(a)

    def update_user(self) -> None:
        allowed = self.window.user_may
        self.queue_action.setEnabled(allowed(Action.SCORE))
        self.editor_action.setEnabled(allowed(Action.ASSIGN_REVIEWS))
        self.progress_action.setEnabled(allowed(Action.ASSIGN_REVIEWS) or allowed(Action.READ_REVIEWS))
        for view in (self.editor, self.queue, self.progress):
            if view is not None and view.isVisible():
                view.close()  # the previous user's views are not the new user's

    def _show(self, view: QWidget) -> None:
        view.setWindowFlag(Qt.WindowType.Window)
        view.show()
        if QGuiApplication.platformName() != "offscreen":  # no stacking order there, and it warns
            view.raise_()

    def show_editor(self) -> PlanEditor:
        from ui.plans.editor import PlanEditor  # loaded when first opened: not at start

        self.editor = PlanEditor(self.wb, self.window, case_filter=self.window.filters.current())
        self._show(self.editor)
        return self.editor

    def show_queue(self) -> QueueView:
        from ui.plans.queue_view import QueueView  # loaded when first opened: not at start

        if self.queue is None:
            self.queue = QueueView(self.wb, self.window)
        else:
            self.queue.refresh()
        self._show(self.queue)
        return self.queue

    def show_progress(self) -> ProgressView:
        from ui.plans.progress_view import ProgressView  # loaded when first opened: not at start

        if self.progress is None:
            self.progress = ProgressView(self.wb, self.window)
        else:
            self.progress.refresh()
        self._show(self.progress)
        return self.progress
