"""The case list's row numbers: as wide as the number of cases, and a search reads only the numbers on screen
(Qt's own header measured the first and last hundred rows through the model at every change of length)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reviewapp.services.cases.intake import import_cases
from reviewapp.services.workbench import Workbench
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.ui.typing import type_text
from ui.case_model import CaseTableModel, RowNumbers
from ui.main_window import MainWindow


def test_a_search_reads_only_the_row_numbers_on_screen(
    qtbot: QtBot, wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 250 cases, 130 of them 盗窃: a search changes the list's length by more than a screen.
    rows = [case_row(n, 案件名称=f"张某{n}{'盗窃' if n <= 130 else '诈骗'}案") for n in range(1, 251)]
    import_cases(wb, write_simple_xlsx(tmp_path / "cases.xlsx", rows))
    asked: list[int] = []
    real = CaseTableModel.headerData

    def counted(self: CaseTableModel, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Vertical:
            asked.append(section)
        return real(self, section, orientation, role)

    monkeypatch.setattr(CaseTableModel, "headerData", counted)
    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 250, timeout=10000)
    header = window.table.verticalHeader()
    assert isinstance(header, RowNumbers)
    assert header.sizeHint().width() == header.fontMetrics().horizontalAdvance("000") + 12
    assert window.table.verticalHeader().width() >= header.sizeHint().width()

    asked.clear()
    type_text(qtbot, window.filters.search, "盗窃")
    qtbot.waitUntil(lambda: window.model.rowCount() == 130, timeout=10000)
    qtbot.wait(50)  # the repaint
    last_shown = header.logicalIndexAt(header.viewport().height() - 1)
    assert asked, "the numbers on screen are painted"
    assert max(asked) <= last_shown + 1, "no row number below the screen is read"
    assert header.sizeHint().width() == header.fontMetrics().horizontalAdvance("000") + 12, "as wide as before"
