"""The reason field of a finding: one paragraph that wraps (a long reason is read whole, never clipped), with
the keys of a line edit — Enter saves and hands the keys back, Tab leaves, leaving saves."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QFontMetrics, QKeyEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

VISIBLE_LINES = 3


class ReasonEdit(QPlainTextEdit):
    returnPressed = Signal()
    editingFinished = Signal()
    textEdited = Signal(str)  # typed by the user (not set by the program)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # Chinese has no spaces
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lines = QFontMetrics(self.font()).lineSpacing() * VISIBLE_LINES
        self.setFixedHeight(lines + 2 * self.frameWidth() + 8)
        self._setting = False
        self._finished = ""  # the text at the last editingFinished (or set by the program)
        self.textChanged.connect(self._changed)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        if text == self.toPlainText():
            return
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False
            self._finished = text

    def end(self, mark: bool) -> None:
        """Put the cursor after the last character (as QLineEdit.end), selecting up to it with ``mark``."""
        mode = QTextCursor.MoveMode.KeepAnchor if mark else QTextCursor.MoveMode.MoveAnchor
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End, mode)
        self.setTextCursor(cursor)

    def _changed(self) -> None:
        if not self._setting:
            self.textEdited.emit(self.toPlainText())

    def _finish(self) -> None:
        """As QLineEdit in Qt 6: editingFinished only when the text changed since it was last emitted."""
        if self.toPlainText() != self._finished:
            self._finished = self.toPlainText()
            self.editingFinished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        ):
            self._finish()
            self.returnPressed.emit()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
        ):
            event.ignore()  # Ctrl+Enter submits the review (the window's shortcut)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._finish()
