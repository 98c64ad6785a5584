"""The shared settings dialog: the settings that had only the command line (feedback period, assignment gate,
severity words, appraisal points …) edited in the GUI, stored through the same write path, refused in plain
words, and read-only for a user who may not edit settings."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from reviewapp.services.accounts.audit import audit_log
from reviewapp.services.results.setting_specs import SETTINGS
from reviewapp.services.results.settings import get_setting, set_setting
from reviewapp.services.workbench import Workbench
from tests.accounts_fixtures import REVIEWER, sign_in
from ui.shared_settings import SharedSettingsDialog


def _save(qtbot: QtBot, dialog: SharedSettingsDialog) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def test_every_setting_but_the_notice_ones_has_an_editor_of_its_kind(qtbot: QtBot, wb: Workbench) -> None:
    dialog = SharedSettingsDialog.start(wb)
    qtbot.addWidget(dialog)
    expected = {key for key, spec in SETTINGS.items() if spec.field is None}
    assert set(dialog.editors) == expected and "feedback.days" in expected
    kinds = {bool: QCheckBox, int: QSpinBox, list: QPlainTextEdit}
    for key, editor in dialog.editors.items():
        spec = SETTINGS[key]
        assert isinstance(editor, kinds[spec.kind]), key
        if isinstance(editor, QSpinBox):
            assert (editor.minimum(), editor.maximum()) == (spec.minimum, spec.maximum)
    assert dialog.editors["feedback.days"].value() == 5  # type: ignore[union-attr]  # the default in force
    appraisal = dialog.editors["appraisal.points"]
    assert isinstance(appraisal, QPlainTextEdit) and appraisal.toPlainText().splitlines()[0] == "优质=5"


def test_saves_only_what_changed_in_one_audited_write(qtbot: QtBot, wb: Workbench) -> None:
    set_setting(wb, "rectification.lookback_months", 6)
    dialog = SharedSettingsDialog.start(wb)
    qtbot.addWidget(dialog)
    note = dialog.findChild(type(dialog.message), "note_rectification.lookback_months")
    assert note is not None and wb.user.name in note.text()  # who changed it last
    dialog.editors["feedback.days"].setValue(7)  # type: ignore[union-attr]
    gate = not get_setting(wb, "reviews.assignment_required")  # (tests start with its default off)
    dialog.editors["reviews.assignment_required"].setChecked(gate)  # type: ignore[union-attr]
    dialog.editors["standards.severity_synonyms"].setPlainText(  # type: ignore[union-attr]
        "严重瑕疵=一般司法错误\n\n  较轻=司法瑕疵  \n"
    )
    assert set(dialog.changed()) == {"feedback.days", "reviews.assignment_required", "standards.severity_synonyms"}
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert get_setting(wb, "feedback.days") == 7
    assert get_setting(wb, "reviews.assignment_required") is gate
    assert get_setting(wb, "standards.severity_synonyms") == ["严重瑕疵=一般司法错误", "较轻=司法瑕疵"]
    assert get_setting(wb, "rectification.lookback_months") == 6  # untouched
    entry = audit_log(wb, limit=1)[-1]
    assert entry.action == "settings.set_many" and entry.login == wb.user.login
    assert set(entry.changes) == {"feedback.days", "reviews.assignment_required", "standards.severity_synonyms"}


def test_a_refused_value_is_named_and_nothing_is_stored(qtbot: QtBot, wb: Workbench) -> None:
    dialog = SharedSettingsDialog.start(wb)
    qtbot.addWidget(dialog)
    dialog.editors["feedback.days"].setValue(9)  # type: ignore[union-attr]
    dialog.editors["standards.severity_synonyms"].setPlainText("错误=很严重")  # type: ignore[union-attr]
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.working, timeout=10000)
    assert dialog.isVisible() and "错误" in dialog.message.text()
    assert get_setting(wb, "feedback.days") == 5  # the valid value was not stored either


def test_restore_defaults_fills_the_fields_and_stores_on_save(qtbot: QtBot, wb: Workbench) -> None:
    set_setting(wb, "appraisal.base", 50)
    gate = SETTINGS["reviews.assignment_required"].default
    set_setting(wb, "reviews.assignment_required", not gate)
    dialog = SharedSettingsDialog.start(wb)
    qtbot.addWidget(dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.RestoreDefaults).click()
    assert get_setting(wb, "appraisal.base") == 50  # nothing stored before the save
    assert dialog.editors["appraisal.base"].value() == SETTINGS["appraisal.base"].default  # type: ignore[union-attr]
    _save(qtbot, dialog)
    assert get_setting(wb, "appraisal.base") == SETTINGS["appraisal.base"].default
    assert get_setting(wb, "reviews.assignment_required") is gate


def test_read_only_for_a_user_who_may_not_edit_settings(qtbot: QtBot, wb: Workbench) -> None:
    sign_in(wb, "只读评查员", roles=[REVIEWER])
    dialog = SharedSettingsDialog.start(wb)
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    assert dialog.editors["standards.severity_synonyms"].isReadOnly()  # type: ignore[union-attr]
    assert not dialog.editors["feedback.days"].isEnabled()
    assert "评查管理员" in dialog.message.text()
    dialog.save()  # nothing is sent
    assert get_setting(wb, "feedback.days") == 5


def test_the_documents_menu_opens_it(qtbot: QtBot, wb: Workbench) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(wb, load=False)
    qtbot.addWidget(window)
    window.documents.shared_settings_action.trigger()  # type: ignore[attr-defined]
    dialog = window.documents.shared_settings  # type: ignore[attr-defined]
    assert isinstance(dialog, SharedSettingsDialog) and dialog.isVisible()
    dialog.reject()
