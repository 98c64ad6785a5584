"""Who is working: the login dialog, and on a database without accounts the first-run dialog that creates
the first 系统管理员 (review-rules.md §1). Every change is attributed to the logged-in account.

Both run their write (the login attempt is recorded, also a failed one) on the write runner, so a busy
database never freezes the dialog; a refusal is shown in the dialog in plain words.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.fitting import FittingLabel

if TYPE_CHECKING:  # the database layer loads while the login dialog already takes input (ui/app.py)
    from reviewapp.services.accounts.current import CurrentUser
    from reviewapp.services.workbench import Workbench


def log_in(wb: Workbench, login: str, password: str, verified: tuple[str, bool] | None = None) -> CurrentUser:
    from reviewapp.services.accounts.users import log_in as accounts_log_in

    return accounts_log_in(wb, login, password, verified=verified)


def sqlite_file(target: str | None) -> Path | None:
    """The SQLite file a --db target (or the default database) names; None for a server database."""
    if target is None:
        from reviewapp.paths import default_database_url

        target = default_database_url()
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///")
    elif "://" in target:
        return None
    path = Path(target).expanduser()
    return path if path.is_file() else None


class EarlyCheck:
    """The password checked against the stored Argon2 hash while the database layer still loads: the hash is
    read with the plain sqlite3 module (read-only), and Argon2 releases the GIL, so the check runs beside the
    imports instead of after them. The log-in then records the attempt with this verdict; the write path
    verifies again if the stored hash changed meanwhile. Any problem here only means no early verdict."""

    def __init__(self, path: Path, login: str, password: str) -> None:
        self.verdict: tuple[str, bool] | None = None
        self.asked = (login, password)  # the verdict is for these only
        self._thread = threading.Thread(target=self._check, args=(path, login.strip(), password), daemon=True)
        self._thread.start()

    def _check(self, path: Path, login: str, password: str) -> None:
        try:
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
            try:
                row = connection.execute(
                    "SELECT password_hash FROM accounts WHERE login = ? AND deleted_at IS NULL", (login,)
                ).fetchone()
            finally:
                connection.close()
            if row and row[0]:
                from reviewapp.services.accounts.passwords import verify_password

                self.verdict = (str(row[0]), verify_password(str(row[0]), password))
        except (sqlite3.Error, OSError, ValueError):
            self.verdict = None

    def result(self) -> tuple[str, bool] | None:
        """Waits for the check (call it off the GUI thread)."""
        self._thread.join()
        return self.verdict


def add_first_administrator(wb: Workbench, *args: Any, **kwargs: Any) -> Any:
    from reviewapp.services.accounts.users import add_first_administrator as add_first

    return add_first(wb, *args, **kwargs)


def ops_for(wb: Workbench) -> Any:
    from ui.ops import ops_for as runner

    return runner(wb)


def is_known(exc: BaseException) -> bool:
    from ui.ops import is_known as known

    return known(exc)


def demo_module() -> Any | None:
    """reviewapp.demo.accounts (demo accounts, one per role, one documented password), when it is there."""
    try:
        module = import_module("reviewapp.demo.accounts")
    except ImportError:
        return None
    return module if getattr(module, "DEMO_ACCOUNTS", None) else None


def demo_accounts_text(module: Any) -> str:
    """``admin（系统管理员）、pcadmin（评查管理员）…`` for the demo note."""
    from reviewapp.services.accounts.permissions import role_name

    return QCoreApplication.translate("FirstRunDialog", ", ").join(
        QCoreApplication.translate("FirstRunDialog", "{login} ({role})").format(login=a.login, role=role_name(a.role))
        for a in module.DEMO_ACCOUNTS
    )


def _has_login(wb: Workbench, login: str) -> bool:
    from reviewapp.services.accounts.users import AccountError, account_by_login

    try:
        account_by_login(wb, login)
    except AccountError:
        return False
    return True


def _password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _error_label(parent: QWidget) -> QLabel:
    label = FittingLabel(parent)
    label.setObjectName("loginError")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


class LoginDialog(QDialog):
    loggedIn = Signal(object)  # CurrentUser

    def __init__(self, wb: Workbench | None, login: str = "", parent: QWidget | None = None) -> None:
        """``wb`` None: the database is still opening; :meth:`attach` hands it over (a login asked for
        meanwhile goes ahead then)."""
        super().__init__(parent)
        self.wb = wb
        self._pending = False
        self.working = False
        # While the database opens (wb None): its --db target, which the early password check reads.
        self.database: str | None = None
        self.early: EarlyCheck | None = None
        self.hint_job: Any = None
        self.setWindowTitle(self.tr("Log in"))
        self.setMinimumWidth(380)
        self.login = QLineEdit(login, self)
        self.login.setObjectName("loginName")
        self.password = _password_edit(self, "loginPassword")
        self.error = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Login name"), self.login)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.demo_hint = FittingLabel(self)
        self.demo_hint.setObjectName("demoHint")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setStyleSheet("color: #555;")
        self.demo_hint.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every change you make is recorded under your account."), self))
        layout.addLayout(form)
        layout.addWidget(self.demo_hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if login else self.login).setFocus()
        if wb is not None:
            self._hint_demo(wb)

    def _hint_demo(self, wb: Workbench) -> None:
        module = demo_module()
        if module is not None and _has_login(wb, module.DEMO_ADMIN.login):
            self.demo_hint.setText(
                self.tr("Demo accounts (password {password}): {accounts}").format(
                    password=module.DEMO_PASSWORD, accounts=demo_accounts_text(module)
                )
            )
        self.demo_hint.setVisible(bool(self.demo_hint.text()))

    def attach(self, wb: Workbench) -> None:
        """The database is open: log in now if the user already asked to."""
        self.wb = wb
        if self._pending:
            self._pending = False
            self.working = False
            self.submit()

    def look_for_demo(self) -> None:
        """The demo hint, found on a worker (the demo module is large): ui/app.py asks once the main window's
        modules are loaded, so it never delays a login; not at all once the user has logged in."""
        wb = self.wb
        if wb is None or self.working or self.hint_job is not None or not self.isVisible():
            return
        from ui.runner import Job

        def find_demo(_progress: object, _cancel: object) -> Any | None:
            module = demo_module()
            return module if module is not None and _has_login(wb, module.DEMO_ADMIN.login) else None

        self.hint_job = Job(find_demo)
        self.hint_job.signals.succeeded.connect(self._show_demo_hint)
        self.hint_job.start()

    def _show_demo_hint(self, module: Any | None) -> None:
        if module is not None and not self.working:
            self.demo_hint.setText(
                self.tr("Demo accounts (password {password}): {accounts}").format(
                    password=module.DEMO_PASSWORD, accounts=demo_accounts_text(module)
                )
            )
            self.demo_hint.setVisible(True)

    @classmethod
    def ask(cls, wb: Workbench | None, login: str = "", parent: QWidget | None = None) -> LoginDialog:
        dialog = cls(wb, login, parent)
        dialog.open()
        return dialog

    def submit(self) -> None:
        login, password = self.login.text().strip(), self.password.text()
        if self.working:
            return
        if not login or not password:
            self.error.setText(self.tr("Enter your login name and password."))
            return
        self._set_working(True)
        wb = self.wb
        if wb is None:
            self._pending = True
            path = sqlite_file(self.database)
            if path is not None:
                self.early = EarlyCheck(path, login, password)
            return
        early, self.early = self.early, None
        verdict = early.result if early is not None and early.asked == (login, password) else lambda: None
        ops_for(wb).run(lambda: log_in(wb, login, password, verdict()), self._done, self._failed, owner=self)

    def _set_working(self, working: bool) -> None:
        self.working = working
        self.buttons.setEnabled(not working)
        if working:
            self.error.setText(self.tr("Checking…"))

    def _done(self, user: CurrentUser) -> None:
        self._set_working(False)
        self.error.clear()
        self.password.clear()
        self.loggedIn.emit(user)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_working(False)
        self.password.clear()
        self.password.setFocus()
        self.error.setText(str(exc) if is_known(exc) else self.tr("The login failed because of an unexpected error."))


class FirstRunDialog(QDialog):
    created = Signal(object, bool)  # the logged-in CurrentUser, whether to load the demo data

    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.working = False
        self.setWindowTitle(self.tr("First start: the system administrator"))
        self.setMinimumWidth(460)
        self.name = QLineEdit(self)
        self.name.setObjectName("adminName")
        self.unit = QLineEdit(self)
        self.unit.setObjectName("adminUnit")
        self.department = QLineEdit(self)
        self.department.setObjectName("adminDepartment")
        self.login = QLineEdit(self)
        self.login.setObjectName("adminLogin")
        self.password = _password_edit(self, "adminPassword")
        self.again = _password_edit(self, "adminPasswordAgain")
        self.demo_module = demo_module()
        self.demo = QCheckBox(self.tr("Load the demo data with demo accounts (to try the workbench)"), self)
        self.demo.setObjectName("loadDemo")
        self.demo.setStyleSheet("font-weight: bold;")
        self.demo.setVisible(self.demo_module is not None)
        self.demo_note = FittingLabel(self)
        self.demo_note.setWordWrap(True)
        self.demo_note.setVisible(False)
        if self.demo_module is not None:
            from reviewapp.domain.roles import Role
            from reviewapp.services.accounts.permissions import role_name

            self.demo_note.setText(
                self.tr(
                    "Instead of the account above, the demo accounts are created, all with the password "
                    "{password}: {accounts}. You start as the {role}; the Account menu switches user."
                ).format(
                    password=self.demo_module.DEMO_PASSWORD,
                    accounts=demo_accounts_text(self.demo_module),
                    role=role_name(Role.REVIEW_ADMIN),
                )
            )
        self.demo.toggled.connect(self._demo_toggled)
        self.error = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Login name"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        intro = QLabel(
            self.tr(
                "The database has no accounts yet. Create the first account: the system administrator "
                "(系统管理员), who then adds the other users and their roles."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(self.demo_note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, wb: Workbench, parent: QWidget | None = None) -> FirstRunDialog:
        dialog = cls(wb, parent)
        dialog.open()
        return dialog

    def _demo_toggled(self, on: bool) -> None:
        for w in (self.name, self.unit, self.department, self.login, self.password, self.again):
            w.setEnabled(not on)
        self.demo_note.setVisible(on)  # several wrapped lines: the dialog grows to hold them (FittingLabel)

    def wants_demo(self) -> bool:
        return self.demo_module is not None and self.demo.isChecked()

    def submit(self) -> None:
        if self.working:
            return
        if self.wants_demo():
            self._start(self._demo_work)
            return
        if self.password.text() != self.again.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        wb = self.wb
        name, login, password = self.name.text(), self.login.text(), self.password.text()
        unit, department = self.unit.text(), self.department.text()

        def work() -> CurrentUser:
            add_first_administrator(wb, name, login, password, unit=unit, department=department)
            return log_in(wb, login, password)

        self._start(work)

    def _demo_work(self) -> CurrentUser:
        """The demo accounts (the demo 系统管理员 first), then logged in as the demo 评查管理员, who may
        import the demo cases the main window loads next."""
        module = self.demo_module
        assert module is not None
        module.add_demo_accounts(self.wb)
        return log_in(self.wb, module.DEMO_REVIEW_ADMIN.login, module.DEMO_PASSWORD)

    def _start(self, work: Callable[[], CurrentUser]) -> None:
        self.working = True
        self.buttons.setEnabled(False)
        ops_for(self.wb).run(work, self._done, self._failed, owner=self)

    def _done(self, user: CurrentUser) -> None:
        self.working = False
        self.buttons.setEnabled(True)
        self.created.emit(user, self.wants_demo())
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.working = False
        self.buttons.setEnabled(True)
        self.error.setText(
            str(exc) if is_known(exc) else self.tr("The account was not created because of an unexpected error.")
        )
