"""Edit the notice issuer settings shared by every workstation (stored in the database): issuing
procuratorate (机关名称), 机关代字, review number code, issuing department (案件管理部门), 抄送, reply
deadline and the 共性 threshold.

Only a user allowed EDIT_SETTINGS (评查管理员) may save; for others the dialog is read-only (the core refuses
anyway). While a value still holds the shipped placeholder ×× the dialog says that notices cannot be issued.
The official wording (requirements, how to reply or object) is kept as it is.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.roles import Action, grants_action
from reviewapp.services.results.notices import format_number
from reviewapp.services.results.settings import (
    PLACEHOLDER,
    NoticeConfig,
    NoticeConfigError,
    load_notice_config,
    save_notice_config,
)
from reviewapp.services.workbench import Workbench
from ui.ops import is_known, ops_for

TEXT_FIELDS = ("procuratorate", "issuer_code", "review_code", "issuer")


class NoticeSettingsDialog(QDialog):
    saved = Signal(object)  # the NoticeConfig stored

    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.working = False
        self.may_edit = grants_action(wb.user.grants, Action.EDIT_SETTINGS)
        self.setWindowTitle(self.tr("Notice settings"))
        self.setMinimumWidth(600)
        self.message = QLabel(self)
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.placeholder_note = QLabel(self)
        self.placeholder_note.setObjectName("placeholderNote")
        self.placeholder_note.setWordWrap(True)
        self.placeholder_note.setStyleSheet("color: #b26a00;")
        try:
            self.config = load_notice_config(wb)
        except NoticeConfigError as exc:  # unreadable stored values: start from the defaults and say so
            self.config = NoticeConfig()
            self.message.setText(
                self.tr("The stored settings could not be read and the defaults are shown: {error}").format(error=exc)
            )
        self.edits: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit(str(getattr(self.config, name)), self)
            edit.setObjectName(f"setting_{name}")
            edit.textChanged.connect(lambda *_: self._update_notes())
            self.edits[name] = edit
        self.cc = QPlainTextEdit("\n".join(self.config.cc), self)
        self.cc.setObjectName("setting_cc")
        self.cc.setFixedHeight(64)
        self.cc.textChanged.connect(self._update_notes)
        self.deadline_days = QSpinBox(self)
        self.deadline_days.setRange(1, 365)
        self.deadline_days.setValue(self.config.deadline_days)
        self.working_days = QCheckBox(self.tr("Count in working days (skip weekends and public holidays)"), self)
        self.working_days.setChecked(self.config.working_days)
        self.common_threshold = QSpinBox(self)
        self.common_threshold.setRange(1, 1000)
        self.common_threshold.setValue(self.config.common_threshold)
        self.example = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("Issuing procuratorate (机关名称):"), self.edits["procuratorate"])
        form.addRow(self.tr("Notice number code (机关代字):"), self.edits["issuer_code"])
        form.addRow(self.tr("Example number:"), self.example)
        form.addRow(self.tr("Review number code:"), self.edits["review_code"])
        form.addRow(self.tr("Issuing department (案件管理部门):"), self.edits["issuer"])
        form.addRow(self.tr("Copies to (抄送), one per line:"), self.cc)
        form.addRow(self.tr("Reply within (days):"), self.deadline_days)
        form.addRow("", self.working_days)
        form.addRow(self.tr("Recurring problem (共性) from cases:"), self.common_threshold)
        where = QLabel(self.tr("Shared by every workstation using this database."), self)
        where.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(self.placeholder_note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if not self.may_edit:
            self._read_only()
        self._update_notes()

    def _read_only(self) -> None:
        for edit in self.edits.values():
            edit.setReadOnly(True)
        self.cc.setReadOnly(True)
        for w in (self.deadline_days, self.working_days, self.common_threshold):
            w.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.message.setText(
            self.tr("Only a review administrator (评查管理员) may change these settings; they are shown read-only.")
        )

    @classmethod
    def start(cls, wb: Workbench, parent: QWidget | None = None) -> NoticeSettingsDialog:
        dialog = cls(wb, parent)
        dialog.open()
        return dialog

    def _update_notes(self) -> None:
        # review-rules §6: "<机关代字>〔<year>〕<n>号", per year, no leading zeros.
        self.example.setText(format_number(self.edits["issuer_code"].text().strip() or "…", date.today().year, 1))
        texts = [e.text() for e in self.edits.values()] + [self.cc.toPlainText()]
        self.placeholder_note.setText(
            self.tr("Replace every ×× with the real names: notices cannot be issued while a placeholder is left.")
            if any(PLACEHOLDER in t for t in texts)
            else ""
        )

    def edited(self) -> NoticeConfig:
        """The settings as entered (validated as the stored settings are)."""
        values: dict[str, Any] = self.config.to_json()
        values.update({name: edit.text() for name, edit in self.edits.items()})
        values.update(
            cc=[line.strip() for line in self.cc.toPlainText().splitlines() if line.strip()],
            deadline_days=self.deadline_days.value(),
            working_days=self.working_days.isChecked(),
            common_threshold=self.common_threshold.value(),
        )
        return NoticeConfig.from_json(values, source=self.tr("settings"))

    def save(self) -> None:
        """Store the settings (on the write runner); the dialog closes when they are saved."""
        if self.working or not self.may_edit:
            return
        try:
            config = self.edited()
        except NoticeConfigError as exc:
            self.message.setText(self.tr("The settings were not saved: {error}").format(error=exc))
            return
        self.working = True
        self.buttons.setEnabled(False)
        wb = self.wb
        ops_for(wb).run(lambda: save_notice_config(wb, config), self._saved, self._failed, owner=self)

    def _saved(self, config: NoticeConfig) -> None:
        self.working = False
        self.buttons.setEnabled(True)
        self.config = replace(config)
        self.saved.emit(config)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.working = False
        self.buttons.setEnabled(True)
        text = str(exc) if is_known(exc) else self.tr("an unexpected error")
        self.message.setText(self.tr("The settings were not saved: {error}").format(error=text))
