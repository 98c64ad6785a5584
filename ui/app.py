"""Start the GUI: translators first, then the database, then log-in (or the first administrator), then the
main window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox

from reviewapp import APP_DISPLAY_NAME, APP_NAME, ORG_NAME
from reviewapp.i18n import DEFAULT_LANGUAGE, LANGUAGES
from reviewapp.paths import log_dir
from reviewapp.services.accounts.users import has_accounts
from reviewapp.services.workbench import Workbench
from reviewapp.storage.database import DatabaseError
from ui.errors import install_excepthook, show_error
from ui.fonts import ensure_cjk_font
from ui.hub import release_hub
from ui.i18n import install_translators
from ui.ops import ops_for, release_ops

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


def show_main_window(wb: Workbench, load_demo: bool = False) -> object:
    from reviewapp.services.reviews.standards_store import ensure_standards
    from ui.main_window import MainWindow

    # A new shipped standard version is stored once (existing reviews stay pinned), off the GUI thread.
    ops_for(wb).run(lambda: ensure_standards(wb), failed=_logged("standards not refreshed"))
    window = MainWindow(wb)
    window.show()
    _tell_what_was_repaired(wb, window)
    _process_due_at_start(wb, window)
    if load_demo:
        window.load_demo(with_accounts=True)
    else:
        window.offer_demo()
        # Cases an interrupted import left unchecked are pre-screened now, in the background.
        from ui.prescreening import resume_prescreening

        _keep.append(resume_prescreening(window, wb))
    window.account.verify_audit()  # an administrator is warned when the audit trail was tampered with
    _keep.append(window)
    return window


def _tell_what_was_repaired(wb: Workbench, window: QMainWindow) -> None:
    """What the start repaired after a crash (notice files put in place or temporary files removed) is said in
    plain words, not only logged; the box does not block the window."""
    if not wb.recovered:
        return
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("App", "Repaired after an interruption"),
        "\n".join(wb.recovered),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    _keep.append(box)


def _process_due_at_start(wb: Workbench, window: QMainWindow) -> None:
    """review-rules.md §1 steps 8 and 12: periods that ended while the app was closed are recorded now, dated by
    the period (no feedback: 无异议（无反馈意见）; no rectification report: 逾期); then the user's reminders of
    what is due or overdue are shown in the status bar."""
    from reviewapp.services.panel.due import process_due
    from reviewapp.services.panel.reminders import reminders_for

    def remind(_result: object) -> None:
        due = reminders_for(wb)
        if due:
            text = QCoreApplication.translate("App", "{n} reminders: {first}").format(n=len(due), first=due[0].text)
            window.statusBar().showMessage(text, 30000)

    ops_for(wb).run(lambda: process_due(wb), remind, _logged("due steps not recorded"), owner=window)


def _logged(what: str) -> Callable[[BaseException], None]:
    """A start-up write that failed (e.g. a busy database) is logged; the stored state serves meanwhile."""
    return lambda exc: logging.getLogger("reviewapp").warning("%s: %s", what, exc)


def ask_user(wb: Workbench, login: str = "") -> QDialog:
    """The login dialog, or on a database without accounts the dialog that creates the first administrator;
    the main window opens once someone is logged in."""
    from ui.login import FirstRunDialog, LoginDialog

    dialog: QDialog
    if has_accounts(wb):
        login_dialog = LoginDialog.ask(wb, login)
        login_dialog.loggedIn.connect(lambda _user: show_main_window(wb))
        dialog = login_dialog
    else:
        first = FirstRunDialog.ask(wb)
        first.created.connect(lambda _user, demo: show_main_window(wb, demo))
        dialog = first
    _keep.append(dialog)
    return dialog


def run_gui(argv: list[str]) -> int:
    args = parse_gui_args(argv)
    logging.basicConfig(filename=str(log_dir() / "reviewapp.log"), level=logging.INFO)
    app = create_application(argv, args.lang)
    install_excepthook()
    try:
        wb = Workbench.open(args.db)
    except DatabaseError as exc:
        box = show_error(None, str(exc))
        box.finished.connect(app.quit)
        return app.exec()
    from reviewapp.services.results.settings import ensure_settings

    # An earlier version's per-workstation notice settings move into the shared database once.
    ops_for(wb).run(lambda: ensure_settings(wb), failed=_logged("notice settings not imported"))
    dialog = ask_user(wb, args.user or "")
    dialog.rejected.connect(app.quit)
    code = app.exec()
    release_ops(wb)
    release_hub(wb)
    wb.close()
    return code
