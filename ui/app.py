"""Start the GUI: translators first, then the database, then who is working, then the main window."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from reviewapp import APP_DISPLAY_NAME, APP_NAME, ORG_NAME
from reviewapp.context import Actor
from reviewapp.i18n import DEFAULT_LANGUAGE, LANGUAGES
from reviewapp.paths import log_dir
from reviewapp.services.workbench import Workbench
from reviewapp.storage.database import DatabaseError
from ui.errors import install_excepthook, show_error
from ui.fonts import ensure_cjk_font
from ui.i18n import install_translators

_keep: list[object] = []  # top-level windows and dialogs must outlive this function's frame


def parse_gui_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="main.py")
    p.add_argument("--db")
    p.add_argument("--user")
    p.add_argument("--lang", choices=LANGUAGES)
    return p.parse_known_args(argv)[0]


def create_application(argv: list[str], language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    lang = language or str(QSettings().value("ui/language", DEFAULT_LANGUAGE))
    install_translators(app, lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    ensure_cjk_font(app)
    return app


def show_main_window(wb: Workbench) -> object:
    from reviewapp.services.reviews.commands import ensure_standards
    from ui.main_window import MainWindow

    ensure_standards(wb)  # a new shipped standard version is stored once; existing reviews stay pinned

    window = MainWindow(wb)
    window.show()
    window.offer_demo()
    _keep.append(window)
    return window


def run_gui(argv: list[str]) -> int:
    args = parse_gui_args(argv)
    logging.basicConfig(filename=str(log_dir() / "reviewapp.log"), level=logging.INFO)
    app = create_application(argv, args.lang)
    install_excepthook()
    try:
        wb = Workbench.open(args.db, Actor(args.user) if args.user else None)
    except DatabaseError as exc:
        box = show_error(None, str(exc))
        box.finished.connect(app.quit)
        return app.exec()
    if args.user:
        show_main_window(wb)
    else:
        from ui.identity_dialog import IdentityDialog

        dialog = IdentityDialog.ask(wb)
        _keep.append(dialog)

        def chosen(actor: Actor) -> None:
            wb.actor = actor
            show_main_window(wb)

        dialog.chosen.connect(chosen)
        dialog.rejected.connect(app.quit)
    code = app.exec()
    wb.close()
    return code
