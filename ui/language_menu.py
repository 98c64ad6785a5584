"""The Language menu. The choice is remembered and applies at once: the translators change (every window opened
from then on speaks the new language), and a dialog — not only a status-bar line — offers to reopen the main
window in it now (its open workspaces close first; every edit is already saved), or to keep it until the next
start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from reviewapp.i18n import DEFAULT_LANGUAGE, current_language
from ui.i18n import install_translators

if TYPE_CHECKING:
    from ui.main_window import MainWindow

LANGUAGE_SETTING = "ui/language"
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}  # each language named in itself

_keep: list[QWidget] = []  # a main window rebuilt in the new language outlives the old one's frame


class LanguageMenu(QMenu):
    chosen = Signal(str)  # the language code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("&Language"))
        self.by_code: dict[str, QAction] = {}
        current = str(QSettings().value(LANGUAGE_SETTING, DEFAULT_LANGUAGE))
        for code, label in LANGUAGE_NAMES.items():
            action = QAction(label, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.choose(c))
            self.addAction(action)
            self.by_code[code] = action
        if parent is not None and hasattr(parent, "wb"):  # the main window's menu: apply the choice at once
            self.chosen.connect(lambda code: switch_language(parent, code))  # type: ignore[arg-type]

    def choose(self, code: str) -> None:
        QSettings().setValue(LANGUAGE_SETTING, code)
        for c, action in self.by_code.items():
            action.setChecked(c == code)
        self.chosen.emit(code)


def switch_language(window: MainWindow, code: str) -> QMessageBox | None:
    """Apply ``code`` now and ask (in the new language) whether to reopen the main window in it. None when the
    language is already the current one."""
    app = QApplication.instance()
    if code == current_language() or not isinstance(app, QApplication):
        return None
    install_translators(app, code)

    def tr(text: str) -> str:
        return QCoreApplication.translate("LanguageMenu", text)

    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Language"),
        tr(
            "The workbench now speaks {language}: windows opened from now on use it. Reopen the main window in "
            "{language} now? Open scoring windows close first; everything is saved. Otherwise the main window "
            "changes at the next start."
        ).format(language=LANGUAGE_NAMES.get(code, code)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        window,
    )
    box.setObjectName("languageSwitchBox")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.accepted.connect(lambda: rebuild_main_window(window))
    box.open()
    window.language_box = box  # type: ignore[attr-defined]  # (kept for tests and against collection)
    return box


def rebuild_main_window(window: MainWindow) -> MainWindow:
    """Open a new main window over the same workbench (built in the current language) where the old one was,
    then close the old one (its workspaces and views close with it)."""
    from ui.main_window import MainWindow

    fresh = MainWindow(window.wb)
    fresh.setGeometry(window.geometry())
    keep = window.current_case_id()
    fresh.show()
    if keep is not None:
        fresh.select_case(keep)
    window.close()
    if window in _keep:
        _keep.remove(window)
    _keep.append(fresh)
    return fresh
