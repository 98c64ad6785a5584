"""The shared settings besides the notice issuer's (those have their own dialog, ui/notice_settings.py): the
feedback period, whether reviews need an assignment, the self-check items, the severity words of other
systems' checklists, the look-back period, the lockout, the appraisal points and the bulletin's repeat count.

One editor per setting, by its kind (a check box, a number, lines of text), with the value in force, its
default and who changed it last. Saving stores what was changed in one write (``set_settings``: every
refusal named, none stored when one is refused). Only a user allowed EDIT_SETTINGS (评查管理员) may save;
others see the values read-only (the core refuses anyway).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.roles import Action, grants_action
from reviewapp.legal.local_time import local_datetime
from reviewapp.services.results.setting_specs import SETTINGS, SettingSpec
from reviewapp.services.results.settings import SettingRow, list_settings, set_settings
from reviewapp.services.workbench import Workbench
from ui.ops import is_known, ops_for

Editor = QCheckBox | QSpinBox | QPlainTextEdit | QLineEdit


def editor_for(spec: SettingSpec, parent: QWidget) -> Editor:
    if spec.kind is bool:
        return QCheckBox(parent)
    if spec.kind is int:
        box = QSpinBox(parent)
        box.setRange(spec.minimum, spec.maximum)
        box.setMaximumWidth(box.fontMetrics().horizontalAdvance("0" * 8) + 60)  # a number, not a line of text
        return box
    if spec.kind is list:
        lines = QPlainTextEdit(parent)
        lines.setTabChangesFocus(True)  # Tab moves on, as in every other field of the dialog
        lines.setFixedHeight(lines.fontMetrics().lineSpacing() * 5 + 12)
        return lines
    return QLineEdit(parent)


def show_value(editor: Editor, value: Any) -> None:
    if isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QSpinBox):
        editor.setValue(int(value))
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText("\n".join(str(line) for line in value or ()))
    else:
        editor.setText(str(value or ""))


def read_value(editor: Editor) -> Any:
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QSpinBox):
        return editor.value()
    if isinstance(editor, QPlainTextEdit):
        return [line.strip() for line in editor.toPlainText().splitlines() if line.strip()]
    return editor.text().strip()


class SharedSettingsDialog(QDialog):
    saved = Signal(object)  # the SettingRows stored

    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.working = False
        self.may_edit = grants_action(wb.user.grants, Action.EDIT_SETTINGS)
        self.setWindowTitle(self.tr("Shared settings"))
        self.resize(720, 640)
        self.rows: dict[str, SettingRow] = {r.key: r for r in list_settings(wb) if SETTINGS[r.key].field is None}
        self.editors: dict[str, Editor] = {}
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        for key, row in self.rows.items():
            spec = SETTINGS[key]
            title = QLabel(row.description, inner)
            title.setWordWrap(True)
            title.setStyleSheet("font-weight: bold;")
            editor = editor_for(spec, inner)
            editor.setObjectName(f"setting_{key}")
            editor.setToolTip(key)  # the name the command line (settings set KEY VALUE) knows it by
            show_value(editor, row.value)
            title.setBuddy(editor)
            note = QLabel(self._note(spec, row), inner)
            note.setObjectName(f"note_{key}")
            note.setWordWrap(True)
            note.setStyleSheet("color: #666;")
            for widget in (title, editor, note):
                column.addWidget(widget)
            column.addSpacing(10)
            self.editors[key] = editor
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        where = QLabel(self.tr("Shared by every workstation using this database."), self)
        where.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        defaults = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.setToolTip(self.tr("Put every default in the fields (nothing is stored until you save)"))
        defaults.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(where)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if not self.may_edit:
            self._read_only()

    def _note(self, spec: SettingSpec, row: SettingRow) -> str:
        if spec.kind is bool:
            default = self.tr("on") if spec.default else self.tr("off")
        elif spec.kind is list:
            default = self.tr("; ").join(spec.default) if spec.default else self.tr("none")
        else:
            default = str(spec.default)
        text = self.tr("Default: {default}").format(default=default)
        if row.stored and row.updated_at is not None:
            when = local_datetime(row.updated_at)  # stored in UTC, shown in local time
            changed = self.tr("Last changed by {who} on {when}").format(
                who=row.updated_by or self.tr("an earlier version"), when=when.strftime("%Y-%m-%d %H:%M")
            )
            text = f"{text}    {changed}"
        return text

    def _read_only(self) -> None:
        for editor in self.editors.values():
            if isinstance(editor, QPlainTextEdit | QLineEdit):
                editor.setReadOnly(True)
            else:
                editor.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).setEnabled(False)
        self.message.setText(
            self.tr("Only a review administrator (评查管理员) may change these settings; they are shown read-only.")
        )

    @classmethod
    def start(cls, wb: Workbench, parent: QWidget | None = None) -> SharedSettingsDialog:
        dialog = cls(wb, parent)
        dialog.open()
        return dialog

    def restore_defaults(self) -> None:
        for key, editor in self.editors.items():
            show_value(editor, SETTINGS[key].default)

    def changed(self) -> dict[str, Any]:
        """The values entered that differ from those in force."""
        out: dict[str, Any] = {}
        for key, editor in self.editors.items():
            value = read_value(editor)
            if value != self.rows[key].value:
                out[key] = value
        return out

    def save(self) -> None:
        """Store what was changed (on the write runner); the dialog closes when it is stored."""
        if self.working or not self.may_edit:
            return
        values = self.changed()
        if not values:
            self.accept()
            return
        self.working = True
        self.buttons.setEnabled(False)
        wb = self.wb
        ops_for(wb).run(lambda: set_settings(wb, values), self._saved, self._failed, owner=self)

    def _saved(self, rows: list[SettingRow]) -> None:
        self.working = False
        self.buttons.setEnabled(True)
        self.saved.emit(rows)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.working = False
        self.buttons.setEnabled(True)
        text = str(exc) if is_known(exc) else self.tr("an unexpected error")
        self.message.setText(self.tr("The settings were not saved: {error}").format(error=text))
