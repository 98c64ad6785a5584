"""The notice dialog: a rendered preview of real notices, issuing shows the numbers it will take and asks
once, then writes and records them; cancel leaves nothing; a placeholder issuer setting and cases without a
submitted review get plain messages; the main window opens it for a selection."""

from __future__ import annotations

import io
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from reviewapp.services.results.notices import PREVIEW_MARK
from reviewapp.services.results.notices import issue_notices as real_issue_notices
from reviewapp.services.results.settings import NoticeConfig, save_notice_config
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import DocumentSerial, Notice, NoticeCase
from tests.core.review_fixtures import dept_case_no, seed_reviewed_cases
from ui import notice_dialog as dialog_module
from ui import notice_results
from ui.notice_dialog import NoticeDialog

CONFIG = NoticeConfig(
    procuratorate="北京市朝阳区人民检察院",
    issuer_code="京朝检案管整改",
    review_code="京朝检案管评",
    issuer="北京市朝阳区人民检察院案件管理部",
)
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "notice_preview.png"


@pytest.fixture
def bench(wb: Workbench) -> Workbench:
    save_notice_config(wb, CONFIG)
    return wb


@pytest.fixture
def out_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "notices"
    monkeypatch.setattr(NoticeDialog, "ask_folder", staticmethod(lambda parent, current: folder))
    yield folder


def _open(qtbot: Any, wb: Workbench, ids: list[int]) -> NoticeDialog:
    dialog = NoticeDialog.start(wb, ids)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview_job is None, timeout=30000)
    return dialog


def _confirm(dialog: NoticeDialog) -> QMessageBox:
    """Press Issue: the dialog shows the numbers it is about to take and asks once (not modal)."""
    box = dialog.issue()
    assert isinstance(box, QMessageBox) and box.isVisible()
    box.button(QMessageBox.StandardButton.Ok).click()
    return box


def _ink(image: QImage) -> int:
    """Dark pixels on a coarse grid: a rendered page with text has many, a blank one none."""
    return sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixelColor(x, y).lightness() < 100
    )


def test_preview_renders_the_pages_of_real_notices(qtbot, bench: Workbench) -> None:
    ids = seed_reviewed_cases(bench, 4)
    dialog = _open(qtbot, bench, ids)
    assert dialog.preview_ok, dialog.message.text()
    pane = dialog.preview
    assert pane.model.rowCount() == 4  # one notice per case by default
    assert pane.model.rows[2][1] == dept_case_no(3)
    assert pane.page == 1 and pane.page_count() >= 1
    pixmap = pane.image.pixmap()
    assert not pixmap.isNull() and pixmap.height() > pixmap.width()  # an A4 page, portrait
    assert _ink(pixmap.toImage()) > 200
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pane.notices[0].path.read_bytes())).pages)
    assert PREVIEW_MARK in text and "案件质量问题整改通知书" in text
    assert dialog.issue_button.isEnabled()
    # Another grouping renders again: the three prosecutors get one notice each.
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("prosecutor"))
    qtbot.waitUntil(lambda: dialog.preview_job is None and pane.model.rowCount() == 3, timeout=30000)
    pane.list.selectRow(1)
    assert pane.row == 1 and not pane.image.pixmap().isNull()
    with bench.db.session() as s:  # a preview consumes no number and records nothing
        assert s.scalar(select(func.count(Notice.id))) == 0


def test_page_navigation_and_a_change_during_rendering(qtbot, bench: Workbench) -> None:
    ids = seed_reviewed_cases(bench, 6)
    dialog = _open(qtbot, bench, ids)
    # Two changes in a row: the running render stops and only the last setting is shown.
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("prosecutor"))
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("department"))
    qtbot.waitUntil(lambda: dialog.preview_job is None, timeout=30000)
    pane = dialog.preview
    assert sorted(r[0] for r in pane.model.rows) == ["第一检察部", "第二检察部"]
    assert pane.page_count() >= 2  # several cases with findings flow over pages
    assert pane.page_label.text() == f"第1页，共{pane.page_count()}页"
    first = pane.image.pixmap().toImage()
    pane.next_button.click()
    assert pane.page == 2 and pane.prev_button.isEnabled()
    assert pane.image.pixmap().toImage() != first and _ink(pane.image.pixmap().toImage()) > 50
    pane.previous_page()
    assert pane.page == 1 and not pane.prev_button.isEnabled()
    width = pane.image.pixmap().width()
    pane.zoom_in()
    assert pane.image.pixmap().width() > width


def test_the_reply_deadline_follows_the_issue_date(qtbot, bench: Workbench) -> None:
    dialog = _open(qtbot, bench, seed_reviewed_cases(bench, 1))
    dialog.date_edit.setDate(QDate(2026, 3, 20))
    assert "2026-03-30" in dialog.deadline_label.text()  # 规则 665: ten days after issue


def test_issuing_writes_the_pdfs_and_records_the_numbers(
    qtbot,
    bench: Workbench,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = seed_reviewed_cases(bench, 3)
    dialog = _open(qtbot, bench, ids)
    dialog.date_edit.setDate(QDate(2026, 3, 20))
    qtbot.waitUntil(lambda: dialog.preview_job is None and dialog.preview_ok, timeout=30000)
    dialog.issue_button.click()
    box = dialog.confirm_box
    assert box is not None and box.isVisible()
    for k in (1, 2, 3):  # the numbers it is about to take, before any is taken
        assert f"京朝检案管整改〔2026〕{k}号" in box.text()
    with bench.db.session() as s:
        assert s.scalar(select(func.count(Notice.id))) == 0
    with qtbot.waitSignal(dialog.issued, timeout=30000) as signal:
        box.button(QMessageBox.StandardButton.Ok).click()
    issued = signal.args[0]
    assert [n.number for n in issued] == [f"京朝检案管整改〔2026〕{k}号" for k in (1, 2, 3)]
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(f"京朝检案管整改〔2026〕{k}号.pdf" for k in (1, 2, 3))
    with bench.db.session() as s:
        rows = s.scalars(select(Notice).order_by(Notice.serial)).all()
        assert [(r.number, r.addressee_kind) for r in rows] == [(n.number, "case") for n in issued]
        assert {c for (c,) in s.execute(select(NoticeCase.case_id))} == set(ids)
    results = dialog.result_view
    assert dialog.stack.currentWidget() is results
    assert results.model.rowCount() == 3 and results.model.rows[0][0] == "京朝检案管整改〔2026〕1号"
    assert "3" in results.summary.text()
    opened: list[Path] = []

    def fake_open(path: Path) -> bool:
        opened.append(path)
        return True

    monkeypatch.setattr(notice_results, "open_path", fake_open)
    results.table.selectRow(1)
    results.open_file_button.click()
    results.open_folder_button.click()
    assert opened == [issued[1].path, out_dir]
    assert not dialog.issue_button.isVisible()


def test_cancel_before_the_first_notice_leaves_no_file_and_no_number(
    qtbot,
    bench: Workbench,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = seed_reviewed_cases(bench, 3)

    def wait_for_cancel_then_issue(*args: Any, cancel: Any = None, **kwargs: Any) -> Any:
        # Hold the batch until the user pressed Cancel, then run the real service, which must stop.
        for _ in range(400):
            if cancel():
                break
            time.sleep(0.05)
        return real_issue_notices(*args, cancel=cancel, **kwargs)

    monkeypatch.setattr(dialog_module, "issue_notices", wait_for_cancel_then_issue)
    dialog = _open(qtbot, bench, ids)
    _confirm(dialog)
    assert dialog.issue_job is not None and dialog.cancel_button.isVisible()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.issue_job is None, timeout=30000)
    assert "没有使用文号" in dialog.message.text()
    assert not out_dir.exists() or list(out_dir.iterdir()) == []  # not even a temporary file
    with bench.db.session() as s:
        assert s.scalar(select(func.count(Notice.id))) == 0
        assert s.scalar(select(func.max(DocumentSerial.last_serial))) in (None, 0)
    assert dialog.issue_button.isEnabled()  # the user may try again


def test_a_case_without_a_submitted_review_gets_a_plain_message(qtbot, bench: Workbench) -> None:
    ids = seed_reviewed_cases(bench, 1) + seed_reviewed_cases(bench, 1, first=2, submitted=False)
    dialog = _open(qtbot, bench, ids)
    text = dialog.message.text()
    assert "尚未审定" in text and dept_case_no(2) in text and dept_case_no(1) not in text
    assert "Traceback" not in text
    assert dialog.preview.image.text() == text
    assert not dialog.issue_button.isEnabled()
    assert dialog.issue() is None


def test_a_placeholder_issuer_setting_refuses_issuing(qtbot, wb: Workbench, out_dir: Path) -> None:
    save_notice_config(wb, NoticeConfig(issuer_code="京朝检案管整改"))  # the issuer names are still ××
    dialog = _open(qtbot, wb, seed_reviewed_cases(wb, 1))
    assert dialog.issue() is None and dialog.confirm_box is None  # refused before asking
    assert "××" in dialog.message.text() and "notice.issuer_name" in dialog.message.text()
    with wb.db.session() as s:
        assert s.scalar(select(func.count(Notice.id))) == 0


def test_models_pass_the_model_tester(qtmodeltester, qtbot, bench: Workbench, out_dir: Path) -> None:
    dialog = _open(qtbot, bench, seed_reviewed_cases(bench, 2))
    qtmodeltester.check(dialog.preview.model)
    with qtbot.waitSignal(dialog.issued, timeout=30000):
        _confirm(dialog)
    qtmodeltester.check(dialog.result_view.model)


def test_main_window_issues_for_the_selected_rows(qtbot, bench: Workbench) -> None:
    from ui.main_window import MainWindow  # the lead's window; imported here so the dialog tests stand alone

    ids = seed_reviewed_cases(bench, 3)
    window = MainWindow(bench)
    qtbot.addWidget(window)
    window.show()
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.model.index(2, 0),
        window.table.selectionModel().SelectionFlag.Select | window.table.selectionModel().SelectionFlag.Rows,
    )
    chosen = {window.model.case_id(0), window.model.case_id(2)}
    assert chosen <= set(ids)
    assert window.detail.title.text().startswith(str(window.model.data(window.model.index(0, 1))))  # current row
    window.documents.notice_action.trigger()
    dialog = window.documents.notice_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview_job is None, timeout=30000)
    assert set(dialog.case_ids) == chosen
    assert dialog.preview.model.rowCount() == 2
    dialog.close_button.click()
    # The keyboard moves the current row after the selection; the detail pane follows it.
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.selected_case_ids() == [window.model.case_id(1)]
    assert window.detail.title.text().startswith(str(window.model.data(window.model.index(1, 1))))


def test_screenshot_of_the_notice_preview(qtbot, bench: Workbench) -> None:
    ids = seed_reviewed_cases(bench, 7)
    dialog = _open(qtbot, bench, ids[2:])
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("prosecutor"))
    qtbot.waitUntil(lambda: dialog.preview_job is None and dialog.preview.model.rowCount() == 3, timeout=30000)
    image = dialog.grab()
    assert image.width() >= 900
    if os.environ.get("REVIEWAPP_SCREENSHOTS"):  # refresh the README screenshot on demand only
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(SCREENSHOT))


def test_the_issue_date_starts_at_the_latest_determination(qtbot, bench: Workbench) -> None:
    from datetime import date, timedelta

    from reviewapp.legal.local_time import local_date
    from reviewapp.storage.models import Review

    ids = seed_reviewed_cases(bench, 3, submitted_on=date.today() + timedelta(days=10))
    with bench.db.session() as s:
        last = s.scalar(select(func.max(Review.determined_on)).where(Review.case_id.in_(ids)))
    assert last is not None
    first = local_date(last)
    dialog = _open(qtbot, bench, ids)
    expected = QDate(first.year, first.month, first.day)
    assert dialog.date_edit.minimumDate() == expected
    assert dialog.date_edit.date() == expected  # today is before it: the picker starts there
    dialog.date_edit.setDate(expected.addDays(-3))  # an earlier day cannot be picked
    assert dialog.date_edit.date() == expected
