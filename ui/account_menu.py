"""The Account menu of the main window: switch user, change password, and (系统管理员) the accounts window;
for a roster administrator, the roster window (leaders and deputies in charge).

Switching user shows the login dialog again; on success the window re-reads everything for the new user
(``MainWindow.apply_user``). The window title and the status bar say who is logged in with which roles.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction

from reviewapp.domain.roles import Action, Role, grants_action
from reviewapp.services.accounts.audit import break_message, verify_audit
from reviewapp.services.accounts.current import CurrentUser
from reviewapp.services.accounts.permissions import role_name
from ui.errors import show_error
from ui.login import LoginDialog
from ui.password_dialog import ChangePasswordDialog
from ui.runner import Job

if TYPE_CHECKING:
    from ui.accounts_window import AccountsWindow
    from ui.main_window import MainWindow
    from ui.roster_window import RosterWindow


def roles_text(user: CurrentUser) -> str:
    """The roles in the order of review-rules.md §1, e.g. "系统管理员、评查员" (role names are Chinese terms)."""
    held = set(user.roles)
    return QCoreApplication.translate("AccountMenu", ", ").join(role_name(r) for r in Role if r in held)


class AccountMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.wb = window.wb
        self.login_dialog: LoginDialog | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.accounts_window: AccountsWindow | None = None
        self.roster_window: RosterWindow | None = None
        self.audit_job: Job | None = None
        self.audit_warning = ""
        self.switch_action = QAction(self.tr("&Switch user…"), window)
        self.switch_action.setShortcut("Ctrl+Shift+U")
        self.switch_action.triggered.connect(self.switch_user)
        self.password_action = QAction(self.tr("Change &password…"), window)
        self.password_action.triggered.connect(self.change_password)
        self.accounts_action = QAction(self.tr("&Accounts…"), window)
        self.accounts_action.triggered.connect(self.manage_accounts)
        self.roster_action = QAction(self.tr("&Roster: leaders and deputies in charge…"), window)
        self.roster_action.triggered.connect(self.manage_roster)
        menu = window.menuBar().addMenu(self.tr("&Account"))
        menu.addAction(self.switch_action)
        menu.addAction(self.password_action)
        menu.addSeparator()
        menu.addAction(self.accounts_action)
        menu.addAction(self.roster_action)
        self.update_user()

    def update_user(self) -> None:
        admin = self.wb.user.holds(Role.SYSTEM_ADMIN)
        self.accounts_action.setVisible(admin)
        if self.accounts_window is not None and not admin:  # the previous administrator's window goes
            self.accounts_window.close()
            self.accounts_window = None
        roster = grants_action(self.wb.user.grants, Action.MANAGE_ROSTER)
        self.roster_action.setVisible(roster)
        if self.roster_window is not None and not roster:
            self.roster_window.close()
            self.roster_window = None

    def switch_user(self) -> LoginDialog:
        self.login_dialog = LoginDialog.ask(self.wb, "", self.window)
        self.login_dialog.loggedIn.connect(self.window.apply_user)
        return self.login_dialog

    def change_password(self) -> ChangePasswordDialog:
        self.password_dialog = ChangePasswordDialog.ask(self.wb, self.window)
        self.password_dialog.changed.connect(
            lambda: self.window.statusBar().showMessage(self.tr("Your password was changed."), 8000)
        )
        return self.password_dialog

    def manage_accounts(self) -> AccountsWindow:
        from ui.accounts_window import AccountsWindow

        if self.accounts_window is None:
            self.accounts_window = AccountsWindow(self.wb, self.window)
        self.accounts_window.show()
        self.accounts_window.reload()
        return self.accounts_window

    def manage_roster(self) -> RosterWindow:
        from ui.roster_window import RosterWindow

        if self.roster_window is None:
            self.roster_window = RosterWindow(self.wb, self.window)
        self.roster_window.show()
        self.roster_window.reload()
        return self.roster_window

    def verify_audit(self) -> Job | None:
        """At start, for a user who may read the audit trail (an administrator): check its hash chain in the
        background and warn, naming the first entry edited, deleted or inserted outside the app."""
        if not grants_action(self.wb.user.grants, Action.READ_AUDIT):
            return None
        wb = self.wb

        def work(_progress: Any, _cancel: Any) -> str:
            found = verify_audit(wb)
            return break_message(wb, found) if found is not None else ""

        def checked(message: str) -> None:
            self.audit_warning = message
            if message:
                show_error(self.window, message)

        self.audit_job = Job(work)
        self.audit_job.signals.succeeded.connect(checked)
        self.audit_job.signals.failed.connect(
            lambda exc: logging.getLogger("reviewapp").warning("audit trail not verified: %s", exc)
        )
        self.audit_job.start()
        return self.audit_job
