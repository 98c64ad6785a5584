"""Word from the GUI: the report's save dialog offers .docx, the notice dialog saves Word copies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewapp.exports.docx import plain_text
from reviewapp.services.results.settings import NoticeConfig, save_notice_config
from reviewapp.services.workbench import Workbench
from tests.core.review_fixtures import dept_case_no, seed_reviewed_cases
from ui import notice_report as report_module
from ui.notice_dialog import NoticeDialog
from ui.notice_report import CaseReportExport

CONFIG = NoticeConfig(
    procuratorate="北京市朝阳区人民检察院",
    issuer_code="京朝检案管整改",
    review_code="京朝检案管评",
    issuer="北京市朝阳区人民检察院案件管理部",
)


def _text(path: Path) -> str:
    return "\n".join(plain_text(p.text) for p in Document(str(path)).paragraphs)


@pytest.mark.parametrize(
    ("chosen", "expected"), [("r.docx", "r.docx"), ("r.DOCX", "r.DOCX"), ("r.pdf", "r.pdf"), ("r", "r.pdf")]
)
def test_the_report_save_dialog_offers_word(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, chosen: str, expected: str
) -> None:
    filters: list[str] = []

    def fake_dialog(parent: Any, caption: str, suggested: str, filter_text: str) -> tuple[str, str]:
        filters.append(filter_text)
        return str(tmp_path / chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    assert CaseReportExport.ask_save_path(None, "报告") == tmp_path / expected
    assert filters == ["PDF (*.pdf);;Word (*.docx)"]


def test_the_report_is_written_as_word(
    qtbot: Any, wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = seed_reviewed_cases(wb, 2)
    target = tmp_path / "报告.docx"
    opened: list[Path] = []
    monkeypatch.setattr(CaseReportExport, "ask_save_path", staticmethod(lambda parent, name: target))
    monkeypatch.setattr(report_module, "open_path", lambda path: opened.append(path) or True)
    export = CaseReportExport.start(wb, ids[1], "报告")
    assert export is not None
    qtbot.waitUntil(lambda: export.job is None, timeout=30000)
    assert opened == [target]
    assert dept_case_no(2) in _text(target)


def test_the_notice_dialog_saves_word_copies_beside_the_pdfs(
    qtbot: Any, wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_notice_config(wb, CONFIG)
    folder = tmp_path / "notices"
    monkeypatch.setattr(NoticeDialog, "ask_folder", staticmethod(lambda parent, current: folder))
    ids = seed_reviewed_cases(wb, 2)
    dialog = NoticeDialog.start(wb, ids)
    qtbot.addWidget(dialog)
    dialog.date_edit.setDate(QDate(2026, 3, 20))
    qtbot.waitUntil(lambda: dialog.preview_job is None and dialog.preview_ok, timeout=30000)
    assert not dialog.word_check.isChecked()  # PDF only unless asked
    dialog.word_check.setChecked(True)
    dialog.issue_button.click()
    box = dialog.confirm_box
    assert box is not None
    with qtbot.waitSignal(dialog.issued, timeout=30000) as signal:
        box.button(QMessageBox.StandardButton.Ok).click()
    issued = signal.args[0]
    assert sorted(p.suffix for p in folder.iterdir()) == [".docx", ".docx", ".pdf", ".pdf"]
    for notice in issued:
        assert notice.number in _text(notice.path.with_suffix(".docx"))
