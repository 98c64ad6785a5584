"""Start the GUI: translators, then the login dialog at once; the database opens behind it, then the main
window, whose rows are read after it shows.

What the first window needs is Qt and the translators only: the database layer (SQLAlchemy, Alembic), the main
window and its views are imported on a background thread after the dialog has painted (StartUp), while the
user types; the exporters, checks and rarely used views load when first opened. A login submitted before
the database is open goes ahead when it is.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox
from shiboken6 import isValid

from reviewapp import APP_DISPLAY_NAME, APP_NAME, ORG_NAME
from reviewapp.i18n import DEFAULT_LANGUAGE, LANGUAGES
from ui.after_paint import AfterPaint
from ui.errors import install_excepthook, show_error
from ui.fonts import ensure_cjk_font
from ui.i18n import install_translators

if TYPE_CHECKING:
    from reviewapp.services.workbench import Workbench

# What the main window needs, loaded behind the login dialog (the rest loads when first used).
PRELOAD = (
    "reviewapp.services.cases.case_list",
    "ui.main_window",
)

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


# What the start's later steps import, loaded on the worker that counts the cases, not on the GUI thread.
AFTER_ROWS = (
    "reviewapp.services.checks.run",
    "reviewapp.services.panel.due",
    "reviewapp.services.panel.reminders",
    "reviewapp.services.reviews.standards_store",
)


def show_main_window(wb: Workbench, load_demo: bool = False) -> object:
    """The main window shows at once, then its first page of rows (uncounted: no pass over the cases on the
    way); once those are painted, a worker counts the list and reads the filters' choices, and only then does
    the rest of the start run."""
    from ui.main_window import MainWindow

    window = MainWindow(wb, load=False)
    window.show()
    _keep.append(window)
    QTimer.singleShot(0, lambda: _first_rows(wb, window, load_demo))
    return window


def _first_rows(wb: Workbench, window: Any, load_demo: bool) -> None:
    window.model.first_page()
    AfterPaint(window.table.viewport(), lambda: _count_list(wb, window, load_demo))


def _count_list(wb: Workbench, window: Any, load_demo: bool) -> None:
    """The list's count (a pass over the case index), the filters' choices and the plans are read on a worker;
    the window stays responsive meanwhile."""
    from reviewapp.services.cases.case_list import CaseList
    from reviewapp.services.cases.query import filter_choices
    from reviewapp.services.plans.commands import list_plans
    from ui.runner import Job

    def read(_progress: object, _cancel: object) -> tuple[Any, list[tuple[int, str]], int]:
        with wb.db.session() as s:
            total = CaseList(s).total()
        choices, plans = filter_choices(wb), [(p.id, p.name) for p in list_plans(wb)]
        for name in AFTER_ROWS:
            importlib.import_module(name)
        return choices, plans, total

    def counted(result: tuple[Any, list[tuple[int, str]], int]) -> None:
        choices, plans, total = result
        if not isValid(window):
            return
        window.filters.set_choices(choices)
        window.filters.set_plans(plans)
        window.model.count_all(total)
        window._update_status()  # "shown of total" and the note over an empty list
        _start_work(wb, window, load_demo)

    def failed(exc: BaseException) -> None:
        _logged("case list not counted")(exc)
        if isValid(window):
            window.refresh_list()
            _start_work(wb, window, load_demo)

    job = Job(read)
    job.signals.succeeded.connect(counted)
    job.signals.failed.connect(failed)
    _keep.append(job)
    job.start()


def _start_work(wb: Workbench, window: Any, load_demo: bool) -> None:
    from reviewapp.services.reviews.standards_store import ensure_standards
    from ui.ops import ops_for

    # A new shipped standard version is stored once (existing reviews stay pinned), off the GUI thread.
    ops_for(wb).run(lambda: ensure_standards(wb), failed=_logged("standards not refreshed"))
    _tell_what_was_repaired(wb, window)
    _process_due_at_start(wb, window)
    if load_demo:
        window.load_demo(with_accounts=True)
    else:
        window.offer_demo()
        _resume_prescreening(wb, window)
    window.account.verify_audit()  # an administrator is warned when the audit trail was tampered with
    from reviewapp.collector import keep_start_up_objects

    keep_start_up_objects()  # the start's objects stay: later full collections skip them (no keystroke pause)


def _resume_prescreening(wb: Workbench, window: Any) -> None:
    """Cases an interrupted import left unchecked are pre-screened now, in the background. Finding them is a
    pass over every case (seconds at a million), so it runs on a worker; the GUI hears only the answer."""
    from reviewapp.services.checks.run import pending_prescreening
    from ui.runner import Job

    def found(pending: list[int]) -> None:
        if pending:
            from ui.prescreening import resume_prescreening

            _keep.append(resume_prescreening(window, wb, len(pending)))

    job = Job(lambda _progress, _cancel: pending_prescreening(wb))
    job.signals.succeeded.connect(found)
    job.signals.failed.connect(_logged("unfinished pre-screening not looked for"))
    _keep.append(job)
    job.start()


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
    from ui.ops import ops_for

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
    from reviewapp.services.accounts.users import has_accounts
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


class StartUp(QObject):
    """The login dialog first; the database opens (and the main window's modules load) on a thread once the
    dialog has painted, then the dialog gets the workbench — or, on a database without accounts, gives way
    to the first-run dialog."""

    def __init__(self, app: QApplication, db: str | None, login: str) -> None:
        super().__init__()
        from ui.login import LoginDialog

        self.app = app
        self.db = db
        self.wb: Workbench | None = None
        self.has_accounts = True
        self.dialog: Any = LoginDialog.ask(None, login)
        self.dialog.database = db  # a login submitted before the database is open is checked early
        self.dialog.loggedIn.connect(self._logged_in)
        self.dialog.rejected.connect(app.quit)
        self._started = False
        self.job: Any = None
        self.preload: Any = None
        self.dialog.installEventFilter(self)
        QTimer.singleShot(500, self._start_once)  # in case no paint reaches the filter (a hidden session)

    def _start_once(self) -> None:
        if not self._started:
            self._started = True
            self._start_thread()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._started:
            self._started = True
            QTimer.singleShot(0, self._start_thread)
        return False

    def _start_thread(self) -> None:
        from ui.runner import Job

        self.job = Job(lambda _progress, _cancel: self._open())
        self.job.signals.succeeded.connect(self._opened)
        self.job.signals.failed.connect(self._failed)
        self.job.start()

    def _open(self) -> tuple[Workbench | None, str | None]:
        from reviewapp.services.accounts.users import has_accounts
        from reviewapp.services.workbench import Workbench
        from reviewapp.storage.database import DatabaseError

        try:
            wb = Workbench.open(self.db)
        except DatabaseError as exc:
            return None, str(exc)
        self.has_accounts = has_accounts(wb)
        return wb, None

    def _preload(self) -> None:
        """The main window's modules, loaded while the login is recorded (the password was checked beside the
        database layer's imports, or is checked now: Argon2 releases the GIL)."""
        from ui.runner import Job

        self.preload = Job(lambda _progress, _cancel: [importlib.import_module(name) for name in PRELOAD])
        self.preload.signals.failed.connect(_logged("modules not preloaded"))
        if self.has_accounts:  # then, while the user still types, the demo accounts' hint
            self.preload.signals.succeeded.connect(lambda _done: self.dialog.look_for_demo())
        self.preload.start()

    def _failed(self, exc: BaseException) -> None:
        from ui.errors import report_bug

        self.dialog.hide()
        box = report_bug(exc)
        box.finished.connect(self.app.quit)

    def _opened(self, result: tuple[Workbench | None, str | None]) -> None:
        wb, error = result
        if wb is None:
            self.dialog.hide()
            box = show_error(None, error or "")
            box.finished.connect(self.app.quit)
            return
        from reviewapp.services.results.settings import ensure_settings
        from ui.ops import ops_for

        self.wb = wb
        self._preload()
        if self.has_accounts:
            self.dialog.attach(wb)  # a login asked for meanwhile is the first write queued
        else:
            self.dialog.rejected.disconnect(self.app.quit)
            self.dialog.close()
            first = ask_user(wb)
            first.rejected.connect(self.app.quit)
        # An earlier version's per-workstation notice settings move into the shared database once.
        ops_for(wb).run(lambda: ensure_settings(wb), failed=_logged("notice settings not imported"))

    def _logged_in(self, _user: object) -> None:
        assert self.wb is not None
        show_main_window(self.wb)

    def close(self) -> None:
        if self.wb is not None:
            from ui.hub import release_hub
            from ui.ops import release_ops

            release_ops(self.wb)
            release_hub(self.wb)
            self.wb.close()


def run_gui(argv: list[str]) -> int:
    args = parse_gui_args(argv)
    from reviewapp.paths import log_dir

    logging.basicConfig(filename=str(log_dir() / "reviewapp.log"), level=logging.INFO)
    app = create_application(argv, args.lang)
    install_excepthook()
    start = StartUp(app, args.db, args.user or "")
    code = app.exec()
    start.close()
    return code
