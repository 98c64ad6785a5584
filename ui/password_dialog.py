"""Change one's own password: the current one, the new one twice."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from reviewapp.services.accounts.users import change_own_password
from reviewapp.services.workbench import Workbench
from ui.fitting import FittingLabel
from ui.ops import is_known, ops_for


class ChangePasswordDialog(QDialog):
    changed = Signal()

    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.working = False
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(380)
        self.old = self._password("oldPassword")
        self.new = self._password("newPassword")
        self.again = self._password("newPasswordAgain")
        self.error = FittingLabel(self)  # a refusal may wrap: the dialog grows to hold it
        self.error.setObjectName("passwordError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Account: {login}").format(login=wb.user.login), self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _password(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    @classmethod
    def ask(cls, wb: Workbench, parent: QWidget | None = None) -> ChangePasswordDialog:
        dialog = cls(wb, parent)
        dialog.open()
        return dialog

    def submit(self) -> None:
        if self.working:
            return
        if self.new.text() != self.again.text():
            self.error.setText(self.tr("The two new passwords differ."))
            return
        wb, old, new = self.wb, self.old.text(), self.new.text()
        self.working = True
        self.buttons.setEnabled(False)
        ops_for(wb).run(lambda: change_own_password(wb, old, new), self._done, self._failed, owner=self)

    def _done(self, _result: Any) -> None:
        self.working = False
        self.buttons.setEnabled(True)
        self.changed.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.working = False
        self.buttons.setEnabled(True)
        self.error.setText(
            str(exc) if is_known(exc) else self.tr("The password was not changed because of an unexpected error.")
        )
