"""Run something once a widget has painted: the next step of a start, a count after its page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterPaint(QObject):
    """Calls ``then`` once ``widget`` has painted (or after ``fallback_ms`` when nothing paints, e.g. a hidden
    window): posted calls run before Qt's low-priority paint events, so a plain posted call would run first."""

    def __init__(self, widget: QWidget, then: Callable[[], None], fallback_ms: int = 1000) -> None:
        super().__init__(widget)
        self.widget, self.then, self.fired = widget, then, False
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.fired:
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if not self.fired:
            self.fired = True
            self.widget.removeEventFilter(self)
            self.deleteLater()
            self.then()
