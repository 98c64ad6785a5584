"""Every window and dialog (tests/ui/window_registry.py) in English and in Chinese: no Chinese on an English
page, no English word on a Chinese one (proper names, codes and the user's data aside) — and switching the
language applies without a restart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reviewapp.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from reviewapp.services.workbench import Workbench
from tests.ui.language_walk import data_values, untranslated, widget_texts
from tests.ui.window_registry import REGISTRY, Scene
from ui.help.about import FONTS, LIBRARIES
from ui.i18n import install_translators

# Names that stay as they are in both languages: the languages named in themselves, bundled products.
ALLOWED = {
    "简体中文",
    "English",
    *(b.name for b in (*FONTS, *LIBRARIES)),
    *(b.licence for b in (*FONTS, *LIBRARIES)),
    "AR PL UMing CN",
    "WenQuanYi Micro Hei",
    # the demo accounts' logins and password, shown on the first-run dialog
    *(a.login for a in DEMO_ACCOUNTS),
    DEMO_PASSWORD,
}


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, request.param)
    try:
        yield request.param
    finally:
        install_translators(app, "zh_CN")


def _open_everything(scene: Scene) -> tuple[dict[str, QWidget], list[str]]:
    windows: dict[str, QWidget] = {}
    failures = []
    for name, factory in REGISTRY.items():
        try:
            widget = factory(scene)
        except Exception as exc:  # a window that does not open is a failure of its own
            failures.append(f"{name}: did not open ({type(exc).__name__}: {exc})")
            continue
        if widget is not None:
            scene.qtbot.addWidget(widget)
            windows[name] = widget
    return windows, failures


@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
def test_every_window_speaks_one_language(qtbot: QtBot, wb: Workbench, tmp_path: Path, language: str) -> None:
    scene = Scene(qtbot, wb, tmp_path).setup()
    windows, failures = _open_everything(scene)
    data = data_values(wb)
    shown = {id(w) for w in windows.values()}
    # Boxes and windows the factories opened on the way (an error box, a question) are read too.
    extra = [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in shown]
    for name, widget in [*windows.items(), *((type(w).__name__, w) for w in extra)]:
        for line in untranslated(widget_texts(widget), language, data, ALLOWED):
            failures.append(f"{name} — {line}")
    assert not failures, f"{len(failures)} untranslated texts in {language}:\n" + "\n".join(failures)


def test_registry_covers_the_windows_of_the_app() -> None:
    """Each dialog and top-level window class of ui/ is opened by some factory (new ones must be added)."""
    import ast

    root = Path(__file__).resolve().parents[2] / "ui"
    registry = (Path(__file__).parent / "window_registry.py").read_text(encoding="utf-8")
    missing = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(b, ast.Name) and b.id in ("QDialog", "QMainWindow") for b in node.bases
            ):
                opened_by_name = node.name in registry
                opened_by_menu = f"{path.stem}" in registry or node.name in OPENED_THROUGH_MENUS
                if not (opened_by_name or opened_by_menu):
                    missing.append(f"{path.relative_to(root.parent)}: {node.name}")
    assert not missing, "windows the language test does not open:\n" + "\n".join(missing)


# Windows the registry opens through a menu of the main window (not by their class name).
OPENED_THROUGH_MENUS = {
    "MainWindow",
    "AccountsWindow",  # account.manage_accounts
    "ChangePasswordDialog",  # account.change_password
    "LedgerExportDialog",  # documents.export_ledger
    "NoticeSettingsDialog",  # documents.edit_notice_settings
    "ReviewHistory",  # workspace.show_history
    "ShortcutsHelp",  # show_shortcuts
    "AboutDialog",  # help.show_about
    "GuideWindow",  # help.show_guide
}


def test_choosing_a_language_applies_at_once_and_says_so_in_a_dialog(qtbot: QtBot, wb: Workbench) -> None:
    from ui.language_menu import switch_language
    from ui.main_window import MainWindow

    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        window.language_menu.choose("en")
        box = window.language_box
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert "English" in box.text() and "Reopen the main window" in box.text()  # asked in the new language
        with qtbot.waitSignal(box.finished):
            box.button(QMessageBox.StandardButton.Yes).click()
        fresh = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w is not window and w.isVisible()
        )
        qtbot.addWidget(fresh)
        assert fresh.import_action.text() == "&Import cases…" and not window.isVisible()
        assert switch_language(fresh, "en") is None  # already English: nothing to ask
        fresh.language_menu.choose("zh_CN")
        assert "简体中文" in fresh.language_box.text()
        fresh.language_box.button(QMessageBox.StandardButton.No).click()
        assert fresh.isVisible() and fresh.import_action.text() == "&Import cases…"  # kept until the next start
    finally:
        install_translators(app, "zh_CN")
