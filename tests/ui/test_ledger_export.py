"""The ledger export dialog: a date range, a patched save path, a workbook openpyxl reads back, cancel."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate

from reviewapp.exports.ledger_xlsx import ANALYSIS_SHEET, PRINT_SHEET, PROBLEM_SHEET
from reviewapp.services.accounts.audit import audit_log
from reviewapp.services.results import ledger_export as core_export
from reviewapp.services.workbench import Workbench
from tests.core.review_fixtures import dept_case_no, seed_reviewed_cases
from ui import ledger_export as ledger_module
from ui.ledger_export import LedgerExportDialog


@pytest.fixture
def target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "out" / "台账.xlsx"
    monkeypatch.setattr(LedgerExportDialog, "ask_save_path", staticmethod(lambda parent, suggested: path))
    return path


def test_export_writes_a_workbook_for_the_date_range(qtbot: Any, wb: Workbench, target: Path) -> None:
    seed_reviewed_cases(wb, 5)  # case n is submitted on 2026-03-02 + n % 5 days
    dialog = LedgerExportDialog.start(wb)
    qtbot.addWidget(dialog)
    dialog.date_from.setDate(QDate(2026, 3, 3))
    dialog.date_to.setDate(QDate(2026, 3, 5))
    assert not dialog.open_button.isVisible()  # nothing to open yet
    with qtbot.waitSignal(dialog.exported, timeout=30000) as signal:
        dialog.export_button.click()
    assert signal.args[0] == target
    assert str(target) in dialog.status.text()  # says where it wrote the file
    assert dialog.open_button.isVisible()
    book = load_workbook(target)
    assert book.sheetnames == [ANALYSIS_SHEET, PRINT_SHEET, PROBLEM_SHEET]
    rows = list(book[ANALYSIS_SHEET].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:3] == ("序号", "部门受案号", "办案单位")
    assert [r[1] for r in body] == [dept_case_no(n) for n in (1, 2, 3)]  # 3-03, 3-04, 3-05: inclusive
    submitted = header.index("评查提交日期")
    assert [r[submitted] for r in body] == [datetime(2026, 3, d) for d in (3, 4, 5)]  # real Excel dates
    assert [r[0] for r in body] == [1, 2, 3]  # real numbers
    entry = audit_log(wb, limit=1)[-1]  # who exported what is in the audit trail
    assert entry.action == "ledger.export" and entry.login == wb.user.login


def test_without_dates_every_reviewed_case_is_listed(
    qtbot: Any, wb: Workbench, target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_reviewed_cases(wb, 4)
    seed_reviewed_cases(wb, 2, first=5, submitted=False)  # drafts are not in the ledger
    dialog = LedgerExportDialog.start(wb)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.export()
    assert load_workbook(target)[ANALYSIS_SHEET].max_row == 1 + 4
    opened: list[Path] = []

    def fake_open(path: Path) -> bool:
        opened.append(path)
        return True

    monkeypatch.setattr(ledger_module, "open_path", fake_open)
    dialog.open_button.click()
    assert opened == [target]


def test_reversed_dates_are_refused_before_asking_for_a_file(
    qtbot: Any, wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(LedgerExportDialog, "ask_save_path", staticmethod(lambda parent, s: asked.append(s)))
    dialog = LedgerExportDialog.start(wb)
    qtbot.addWidget(dialog)
    dialog.date_from.setDate(QDate(2026, 4, 1))
    dialog.date_to.setDate(QDate(2026, 3, 1))
    assert dialog.export() is None
    assert asked == [] and "晚于" in dialog.status.text()


def test_cancel_writes_no_file(qtbot: Any, wb: Workbench, target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed_reviewed_cases(wb, 2)
    real_rows = core_export.ledger_rows

    def wait_for_cancel(*args: Any, **kwargs: Any) -> Any:
        job = dialog.job
        assert job is not None
        for _ in range(400):  # hold the export until the user pressed Cancel
            if job.is_cancelled():
                break
            job.done.wait(0.05)
        return real_rows(*args, **kwargs)

    monkeypatch.setattr(core_export, "ledger_rows", wait_for_cancel)
    dialog = LedgerExportDialog.start(wb)
    qtbot.addWidget(dialog)
    assert dialog.export() is not None
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=30000)
    assert "已取消" in dialog.status.text()
    assert not target.exists() and not any(target.parent.glob("*.tmp"))
    assert dialog.export_button.isEnabled()
