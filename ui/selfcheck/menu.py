"""The main window's self-check actions (每案必检 检查): the handling prosecutor fills in the 个人自查表 and the
department head the 部门核查表 of the selected case. Enabled for users holding those roles; the core checks
the case (its prosecutor, its department)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reviewapp.domain.roles import Role
from reviewapp.domain.selfcheck import FormKind

if TYPE_CHECKING:  # the form (and the review services behind it) loads when first opened, not at start-up
    from ui.main_window import MainWindow
    from ui.selfcheck.dialog import SelfCheckDialog


class SelfCheckMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.wb = window.wb
        self.dialog: SelfCheckDialog | None = None
        self.self_action = window.make_action(
            self.tr("&Self-check of the selected case (个人自查表)…"), None, lambda: self.open_form(FormKind.SELF)
        )
        self.self_action.setObjectName("selfCheckAction")
        self.department_action = window.make_action(
            self.tr("&Department check of the selected case (部门核查表)…"),
            None,
            lambda: self.open_form(FormKind.DEPARTMENT),
        )
        self.department_action.setObjectName("departmentCheckAction")
        menu = window.menuBar().addMenu(self.tr("Self-&check"))
        menu.addAction(self.self_action)
        menu.addAction(self.department_action)

    def update_user(self) -> None:
        user = self.wb.user
        self.self_action.setEnabled(user.holds(Role.PROSECUTOR))
        self.department_action.setEnabled(user.holds(Role.DEPARTMENT_HEAD))
        if self.dialog is not None:
            self.dialog.close()  # the previous user's form is not the new user's
            self.dialog = None

    def open_form(self, kind: FormKind) -> SelfCheckDialog | None:
        from ui.selfcheck.dialog import SelfCheckDialog

        case_id = self.window.current_case_id()
        if case_id is None:
            self.window.statusBar().showMessage(self.tr("Select a case first."), 5000)
            return None
        self.dialog = SelfCheckDialog.open_for(self.wb, case_id, kind, self.window)
        self.dialog.destroyed.connect(self._forget)
        return self.dialog

    def _forget(self, *_: object) -> None:
        self.dialog = None
