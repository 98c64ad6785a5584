"""The case review report from the main window; the documents dialogs in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from reviewapp.services.workbench import Workbench
from tests.core.pdf_probe import squash
from tests.core.review_fixtures import dept_case_no, seed_reviewed_cases
from ui import notice_report as report_module
from ui.main_window import MainWindow
from ui.notice_report import CaseReportExport
from ui.notice_settings import NoticeSettingsDialog


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    paths: list[Path] = []

    def fake_open(path: Path) -> bool:
        paths.append(path)
        return True

    monkeypatch.setattr(report_module, "open_path", fake_open)
    return paths


def _window(qtbot: Any, wb: Workbench) -> MainWindow:
    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.show()
    return window


def test_report_of_the_current_case_is_written_and_opened(
    qtbot: Any, wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[Path]
) -> None:
    seed_reviewed_cases(wb, 3)
    target = tmp_path / "报告.pdf"
    suggested: list[str] = []

    def ask(parent: Any, name: str) -> Path:
        suggested.append(name)
        return target

    monkeypatch.setattr(CaseReportExport, "ask_save_path", staticmethod(ask))
    window = _window(qtbot, wb)
    row = window.model.row_of(3)
    assert row is not None
    window.table.selectRow(row)
    window.documents.report_action.trigger()
    export = window.documents.report_export
    assert export is not None
    qtbot.waitUntil(lambda: export.job is None, timeout=30000)
    assert opened == [target]
    name = Path(suggested[0]).name  # suggested in the documents folder (or the last one chosen)
    assert "个案评查报告" in name and "〔2025〕3号" in name and Path(suggested[0]).parent.is_absolute()
    text = squash("".join(p.extract_text() for p in PdfReader(target).pages))
    assert "被告人3号盗窃案" in text and squash(dept_case_no(3)) in text
    assert str(target) in window.statusBar().currentMessage()


def test_a_case_without_a_submitted_review_gets_a_plain_message(
    qtbot: Any, wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[Path]
) -> None:
    [case_id] = seed_reviewed_cases(wb, 1, submitted=False)
    monkeypatch.setattr(CaseReportExport, "ask_save_path", staticmethod(lambda parent, name: tmp_path / "r.pdf"))
    shown: list[str] = []
    monkeypatch.setattr(report_module, "show_error", lambda parent, message: shown.append(message))
    export = CaseReportExport.start(wb, case_id, "r.pdf")
    assert export is not None
    with qtbot.waitSignal(export.failed, timeout=30000) as signal:
        pass
    message = signal.args[0]
    assert "尚无评查报告" in message and "尚未提交评查" in message and "Traceback" not in message
    assert shown == [message]  # the same plain words in a message box
    assert not (tmp_path / "r.pdf").exists() and opened == []


def test_declining_the_save_dialog_writes_nothing(qtbot: Any, wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CaseReportExport, "ask_save_path", staticmethod(lambda parent, name: None))
    assert CaseReportExport.start(wb, 1, "r.pdf") is None


def test_the_dialogs_in_english_and_chinese(qtbot: Any, wb: Workbench) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_translators
    from ui.ledger_export import LedgerExportDialog
    from ui.notice_dialog import NoticeDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    titles: dict[str, list[str]] = {}
    try:
        for language in ("en", "zh_CN"):
            install_translators(app, language)
            dialogs = [NoticeDialog(wb, [1]), LedgerExportDialog(wb), NoticeSettingsDialog(wb)]
            for d in dialogs:
                qtbot.addWidget(d)
            titles[language] = [d.windowTitle() for d in dialogs]
    finally:
        install_translators(app, "zh_CN")
    assert titles["en"] == ["Issue rectification notices", "Export the review ledger", "Notice settings"]
    assert titles["zh_CN"] == ["签发整改通知书", "导出评查台账", "通知书设置"]
