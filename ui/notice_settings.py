"""Edit the notice settings (issuing procuratorate, 机关代字, issuer, reply deadline, 共性 threshold).

The official wording (requirements, how to reply or object, 抄送) stays in the settings file as Chinese
document text; this dialog edits the values a case-management office changes, and keeps the rest as is.
"""

from __future__ import annotations

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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewapp.services.results.notices import format_number
from reviewapp.services.results.settings import (
    NoticeConfig,
    NoticeConfigError,
    config_path,
    load_notice_config,
    save_notice_config,
)
from reviewapp.services.workbench import Workbench

TEXT_FIELDS = ("procuratorate", "issuer_code", "review_code", "issuer")


class NoticeSettingsDialog(QDialog):
    saved = Signal(object)  # the NoticeConfig written

    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.setWindowTitle(self.tr("Notice settings"))
        self.setMinimumWidth(560)
        self.message = QLabel(self)
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        try:
            self.config = load_notice_config(wb)
        except NoticeConfigError as exc:  # a broken file: start from the defaults, say so, overwrite on save
            self.config = NoticeConfig()
            self.message.setText(
                self.tr("The stored settings could not be read and the defaults are shown: {error}").format(error=exc)
            )
        self.edits: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit(str(getattr(self.config, name)), self)
            edit.textChanged.connect(lambda *_: self._update_example())
            self.edits[name] = edit
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
        form.addRow(self.tr("Issuing procuratorate:"), self.edits["procuratorate"])
        form.addRow(self.tr("Notice number code (机关代字):"), self.edits["issuer_code"])
        form.addRow(self.tr("Example number:"), self.example)
        form.addRow(self.tr("Review number code:"), self.edits["review_code"])
        form.addRow(self.tr("Issuing department:"), self.edits["issuer"])
        form.addRow(self.tr("Reply within (days):"), self.deadline_days)
        form.addRow("", self.working_days)
        form.addRow(self.tr("Recurring problem (共性) from cases:"), self.common_threshold)
        where = QLabel(self.tr("Stored in {path}").format(path=config_path(wb)), self)
        where.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._update_example()

    @classmethod
    def start(cls, wb: Workbench, parent: QWidget | None = None) -> NoticeSettingsDialog:
        dialog = cls(wb, parent)
        dialog.open()
        return dialog

    def _update_example(self) -> None:
        # review-rules §6: "<机关代字>〔<year>〕<n>号", per year, no leading zeros.
        self.example.setText(format_number(self.edits["issuer_code"].text().strip() or "…", date.today().year, 1))

    def edited(self) -> NoticeConfig:
        """The settings as entered (validated as the settings file is)."""
        values: dict[str, Any] = self.config.to_json()
        values.update({name: edit.text() for name, edit in self.edits.items()})
        values.update(
            deadline_days=self.deadline_days.value(),
            working_days=self.working_days.isChecked(),
            common_threshold=self.common_threshold.value(),
        )
        return NoticeConfig.from_json(values, source=self.tr("settings"))

    def save(self) -> NoticeConfig | None:
        try:
            config = self.edited()
            save_notice_config(config, self.wb)
        except (NoticeConfigError, OSError) as exc:
            self.message.setText(self.tr("The settings were not saved: {error}").format(error=exc))
            return None
        self.config = config
        self.saved.emit(config)
        self.accept()
        return config
