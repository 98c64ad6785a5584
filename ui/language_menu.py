"""The Language menu: the UI language is remembered and applies from the next start (every window is built
translated)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from reviewapp.i18n import DEFAULT_LANGUAGE

LANGUAGE_SETTING = "ui/language"


class LanguageMenu(QMenu):
    chosen = Signal(str)  # the language code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("&Language"))
        self.by_code: dict[str, QAction] = {}
        current = str(QSettings().value(LANGUAGE_SETTING, DEFAULT_LANGUAGE))
        for code, label in (("zh_CN", "简体中文"), ("en", "English")):  # each language named in itself
            action = QAction(label, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.choose(c))
            self.addAction(action)
            self.by_code[code] = action

    def choose(self, code: str) -> None:
        QSettings().setValue(LANGUAGE_SETTING, code)
        for c, action in self.by_code.items():
            action.setChecked(c == code)
        self.chosen.emit(code)
