"""zh_CN is the default language and must be complete; English (the source language) works too."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewapp.services.workbench import Workbench
from ui.i18n import install_translators
from ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import i18n as i18n_tool


def test_every_zh_cn_entry_is_present_and_finished() -> None:
    assert i18n_tool.problems() == []


def test_main_window_in_both_languages(qtbot, wb: Workbench) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        install_translators(app, "en")
        english = MainWindow(wb)
        qtbot.addWidget(english)
        assert english.import_action.text() == "&Import cases…"
        install_translators(app, "zh_CN")
        chinese = MainWindow(wb)
        qtbot.addWidget(chinese)
        assert chinese.import_action.text() == "导入案件(&I)…"
        assert chinese.model.headerData(0, Qt.Orientation.Horizontal) == "部门受案号"
        assert english.model.headerData(0, Qt.Orientation.Horizontal) == "Case number"
    finally:
        install_translators(app, "zh_CN")
