"""The notice settings editor: the issuer settings live in the database (every workstation sees the same),
only a user allowed EDIT_SETTINGS may change them, and a placeholder (××) is pointed out."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reviewapp.services.accounts.audit import audit_log
from reviewapp.services.results.settings import NoticeConfig, load_notice_config, save_notice_config
from reviewapp.services.workbench import Workbench
from tests.accounts_fixtures import REVIEWER, sign_in
from tests.ui.conftest import close_bench
from ui.notice_settings import NoticeSettingsDialog


def _save(qtbot: QtBot, dialog: NoticeSettingsDialog) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def test_saves_to_the_database_for_every_workstation(qtbot: QtBot, wb: Workbench, tmp_path: Path) -> None:
    save_notice_config(wb, NoticeConfig(issuer_code="京朝检案管整改"))
    dialog = NoticeSettingsDialog.start(wb)
    qtbot.addWidget(dialog)
    assert dialog.example.text().endswith("〕1号") and dialog.example.text().startswith("京朝检案管整改〔")
    assert "××" in dialog.placeholder_note.text()  # the shipped names are still placeholders
    dialog.edits["procuratorate"].setText("北京市海淀区人民检察院")
    dialog.edits["issuer_code"].setText("京海检案管整改")
    dialog.edits["review_code"].setText("京海检案管评")
    dialog.edits["issuer"].setText("北京市海淀区人民检察院案件管理部")
    assert dialog.placeholder_note.text() == ""
    dialog.cc.setPlainText("{department}负责人\n检务督察部门\n分管副检察长")
    dialog.deadline_days.setValue(15)
    dialog.working_days.setChecked(True)
    _save(qtbot, dialog)
    assert not dialog.isVisible()

    # Another workstation opening the same database reads the same settings.
    other = Workbench.open(wb.db.url)
    try:
        stored = load_notice_config(other)
    finally:
        close_bench(other)
    assert (stored.procuratorate, stored.issuer_code, stored.deadline_days, stored.working_days) == (
        "北京市海淀区人民检察院",
        "京海检案管整改",
        15,
        True,
    )
    assert stored.cc == ("{department}负责人", "检务督察部门", "分管副检察长")
    assert stored.requirements == NoticeConfig().requirements  # the official wording is kept as it was
    assert stored.placeholders() == []
    entry = audit_log(wb, limit=1)[-1]  # attributed and audited like every write
    assert entry.action == "settings.notice" and entry.login == wb.user.login
    assert entry.changes["notice.issuer_code"] == ["京朝检案管整改", "京海检案管整改"]


def test_refuses_an_empty_code_in_plain_words(qtbot: QtBot, wb: Workbench) -> None:
    dialog = NoticeSettingsDialog.start(wb)
    qtbot.addWidget(dialog)
    dialog.edits["issuer_code"].setText("  ")
    dialog.save()
    assert "issuer_code" in dialog.message.text() and dialog.isVisible()
    assert load_notice_config(wb) == NoticeConfig()


def test_read_only_for_a_user_who_may_not_edit_settings(qtbot: QtBot, wb: Workbench) -> None:
    sign_in(wb, "只读评查员", roles=[REVIEWER])
    dialog = NoticeSettingsDialog.start(wb)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert not save.isEnabled() and dialog.edits["issuer_code"].isReadOnly() and dialog.cc.isReadOnly()
    assert "评查管理员" in dialog.message.text()
    dialog.save()  # nothing is sent
    assert load_notice_config(wb) == NoticeConfig()
