"""Reopening a submitted review needs a written reason (recorded as a ReviewEvent by the service)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class ReopenDialog(QDialog):
    reasonGiven = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reopen the review"))
        self.resize(460, 150)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reopenReason")
        self.reason.setPlaceholderText(self.tr("Why is the submitted review reopened?"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The reason is recorded with your name."), self))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> ReopenDialog:
        dialog = cls(parent)
        dialog.open()  # never a blocking exec(): the answer arrives through reasonGiven
        return dialog

    def try_accept(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.error.setText(self.tr("Write the reason first."))
            return
        self.reasonGiven.emit(reason)
        self.accept()
