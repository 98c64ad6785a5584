"""The one-click analysis outputs dialog: the choices per output, writing each file through the core, the
menu entries of the main window, and a plain message for a bad period."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from reviewapp.services.workbench import Workbench
from tests.core.periodic_fixtures import seed_periodic
from tests.core.services_fixtures import set_issuer
from ui.analysis.reports_dialog import APPRAISAL, BULLETIN, REPORT, ReportsDialog, recent_periods


def _dialog(qtbot: Any, wb: Workbench, output: str, target: Path, monkeypatch: pytest.MonkeyPatch) -> ReportsDialog:
    monkeypatch.setattr(ReportsDialog, "ask_save_path", lambda self, suggested, kind: target)
    dialog = ReportsDialog(wb, output)
    qtbot.addWidget(dialog)
    return dialog


def test_offered_periods_and_file_types() -> None:
    offered = [p.code() for p in recent_periods(REPORT, date(2026, 4, 8))]
    assert offered[:5] == ["2026Q1", "2025Q4", "2025Q3", "2025Q2", "2026Q2"]
    assert "2025H2" in offered and "2025" in offered
    assert next(p.code() for p in recent_periods(BULLETIN, date(2026, 4, 8))) == "2026-03"


def test_the_periodic_report_is_written_as_word(
    qtbot: Any, wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_issuer(wb)
    seed_periodic(wb)
    target = tmp_path / "报告.docx"
    dialog = _dialog(qtbot, wb, REPORT, target, monkeypatch)
    assert [dialog.file_type.itemData(i) for i in range(dialog.file_type.count())] == ["pdf", "docx"]
    assert dialog.plan.isEnabled()
    dialog.period.setEditText("2026Q1")
    dialog.file_type.setCurrentIndex(1)
    assert dialog.write()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    assert target.exists() and str(target) in dialog.status.text()
    from docx import Document

    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "2026年第一季度案件质量评查情况报告" in text


def test_appraisal_and_bulletin(qtbot: Any, wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_issuer(wb)
    seed_periodic(wb)
    xlsx = tmp_path / "考核.xlsx"
    dialog = _dialog(qtbot, wb, APPRAISAL, xlsx, monkeypatch)
    assert [dialog.file_type.itemData(i) for i in range(dialog.file_type.count())] == ["xlsx"]
    assert not dialog.plan.isEnabled()
    dialog.period.setEditText("2026Q1")
    assert dialog.write()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    assert load_workbook(xlsx).sheetnames[0] == "考核得分"
    pdf = tmp_path / "通报.pdf"
    monkeypatch.setattr(ReportsDialog, "ask_save_path", lambda self, suggested, kind: pdf)
    dialog.output.setCurrentIndex(dialog.output.findData(BULLETIN))
    dialog.period.setEditText("2026-01")
    assert dialog.write()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    assert "案卡数据质量通报" in "".join(p.extract_text() for p in PdfReader(pdf).pages)


def test_a_bad_period_is_said_plainly(
    qtbot: Any, wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, wb, REPORT, tmp_path / "x.pdf", monkeypatch)
    dialog.period.setEditText("明年")
    assert not dialog.write()
    assert "明年" in dialog.status.text()
    assert not (tmp_path / "x.pdf").exists()
