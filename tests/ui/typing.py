"""Typing into widgets as a user does, Chinese included.

QTest can only synthesise ASCII key presses (anything else trips an assertion in qasciikey.cpp), and Chinese
is typed through an input method anyway: committed text arrives as a QInputMethodEvent.
"""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)
