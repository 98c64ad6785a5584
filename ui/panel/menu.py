"""The Process menu (评查流程) of the main window: the queues of the signed-in user's roles, and for the selected
case its panel comparison, the answer form of its opinion, and its review timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from reviewapp.domain.roles import Action
from reviewapp.errors import KNOWN_ERRORS
from reviewapp.services.panel.timeline import file_id_for_case
from ui.errors import show_error

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.panel.answer_form import AnswerForm
    from ui.panel.comparison_window import ComparisonWindow
    from ui.panel.queues_view import QueuesView
    from ui.panel.timeline_view import TimelineView

# Any of these opens the queues: each role's own queue (services/panel/queues.py).
QUEUE_ACTIONS = (
    Action.RECONCILE,
    Action.RULE_OBJECTIONS,
    Action.ANSWER_FEEDBACK,
    Action.DETERMINE,
    Action.DETERMINE_QUALIFIED,
    Action.RECORD_REPLIES,
    Action.ISSUE_NOTICES,
    Action.RECHECK,
)


class PanelMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.wb = window.wb
        self.views: list[QWidget] = []
        self.queues: QueuesView | None = None
        self.queues_action = window.make_action(self.tr("My &queues…"), "Ctrl+Shift+Q", self.show_queues)
        self.compare_action = window.make_action(
            self.tr("Panel &comparison of the case…"), "Ctrl+Shift+C", self.show_comparison
        )
        self.answer_action = window.make_action(self.tr("&Answer the opinion on the case…"), None, self.show_answer)
        self.timeline_action = window.make_action(
            self.tr("Review &timeline of the case…"), "Ctrl+Shift+T", self.show_timeline
        )
        menu = window.menuBar().addMenu(self.tr("Pr&ocess"))
        for a in (self.queues_action, self.compare_action, self.answer_action, self.timeline_action):
            menu.addAction(a)

    def update_user(self) -> None:
        allowed = self.window.user_may
        self.queues_action.setEnabled(any(allowed(a) for a in QUEUE_ACTIONS))
        self.compare_action.setEnabled(
            allowed(Action.RECONCILE) or allowed(Action.READ_REVIEWS) or allowed(Action.SCORE)
        )
        self.answer_action.setEnabled(allowed(Action.ANSWER_FEEDBACK) or allowed(Action.RECORD_REPLIES))
        self.timeline_action.setEnabled(self.wb.user.account_id is not None)
        for view in [*self.views, self.queues]:
            if view is not None and view.isVisible():
                view.close()  # the previous user's views are not the new user's
        self.views.clear()
        self.queues = None

    def _show(self, view: QWidget) -> QWidget:
        view.setWindowFlag(Qt.WindowType.Window)
        view.show()
        if QGuiApplication.platformName() != "offscreen":  # no stacking order there, and it warns
            view.raise_()
        return view

    def _file_id(self) -> int | None:
        case_id = self.window.current_case_id()
        if case_id is None:
            show_error(self.window, self.tr("Select a case in the list first."))
            return None
        try:
            return file_id_for_case(self.wb, case_id)
        except KNOWN_ERRORS as exc:
            show_error(self.window, str(exc))
            return None

    def show_queues(self) -> QueuesView:
        from ui.panel.queues_view import QueuesView  # loaded when first opened: not at start

        if self.queues is None:
            self.queues = QueuesView(self.wb, self.window)
        else:
            self.queues.refresh()
        self._show(self.queues)
        return self.queues

    def show_comparison(self) -> ComparisonWindow | None:
        from ui.panel.comparison_window import ComparisonWindow  # loaded when first opened: not at start

        opinion_id = self._file_id()
        if opinion_id is None:
            return None
        view = ComparisonWindow(self.wb, opinion_id, self.window)
        self.views.append(view)
        self._show(view)
        return view

    def show_answer(self) -> AnswerForm | None:
        from ui.panel.answer_form import AnswerForm  # loaded when first opened: not at start

        opinion_id = self._file_id()
        if opinion_id is None:
            return None
        channel = "app" if self.window.user_may(Action.ANSWER_FEEDBACK) else "form"
        view = AnswerForm(self.wb, opinion_id, channel=channel, parent=self.window)
        self.views.append(view)
        self._show(view)
        return view

    def show_timeline(self) -> TimelineView | None:
        from ui.panel.timeline_view import TimelineView  # loaded when first opened: not at start

        opinion_id = self._file_id()
        if opinion_id is None:
            return None
        view = TimelineView(self.wb, opinion_id=opinion_id, parent=self.window)
        self.views.append(view)
        self._show(view)
        return view
