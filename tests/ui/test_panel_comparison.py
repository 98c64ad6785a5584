"""The panel lead's comparison grid: the model contract, disagreements highlighted, each member's reason and
evidence a click away, and reconciling every disagreement and finalising by keyboard alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reviewapp.domain.review_status import ReviewStatus
from reviewapp.services.panel.compare import compare_panel
from tests.core.panel_views_fixtures import LEAD, MEMBERS, PanelCase
from tests.ui.panel_fixtures import open_panel
from tests.ui.typing import type_text
from ui.panel.comparison_model import CELL_ROLE, OPEN_ROLE, OPEN_TINT
from ui.panel.comparison_window import ComparisonWindow


@pytest.fixture
def panel(tmp_path: Path) -> Iterator[PanelCase]:
    yield from open_panel(tmp_path)


def _window(qtbot: QtBot, p: PanelCase) -> ComparisonWindow:
    p.act(LEAD)
    window = ComparisonWindow(p.wb, p.opinion_id)
    qtbot.addWidget(window)
    return window


def test_grid_model_shows_items_by_members_with_disagreements_highlighted(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qtmodeltester, panel: PanelCase
) -> None:
    window = _window(qtbot, panel)
    model = window.model
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == len(MEMBERS) + 2
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert MEMBERS[0] in headers[1] and headers[2:4] == list(MEMBERS[1:])
    codes = [model.data(model.index(r, 0)).split()[0] for r in range(3)]
    assert codes == ["E8", "D5", "R3"]  # checklist order
    e8, d5, r3 = range(3)
    assert [model.data(model.index(e8, c)) for c in (1, 2, 3)] == ["一般司法错误", "严重司法错误", "一般司法错误"]
    assert model.data(model.index(d5, 3)) != "司法瑕疵"  # the third member found nothing there
    for row in (e8, d5):
        assert model.data(model.index(row, 0), OPEN_ROLE) is True
        assert model.data(model.index(row, 2), Qt.ItemDataRole.BackgroundRole).color() == OPEN_TINT
    assert model.data(model.index(r3, 0), OPEN_ROLE) is False
    assert model.data(model.index(r3, 1), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(r3, model.decision_column())) == "司法瑕疵"  # agreed, copied into the opinion
    cell = model.data(model.index(e8, 2), CELL_ROLE)
    assert cell.reviewer == MEMBERS[1] and "错误起诉" in cell.reason
    assert "审查报告" in model.data(model.index(e8, 2), Qt.ItemDataRole.ToolTipRole)


def test_a_click_shows_the_members_reason_and_evidence(qtbot: QtBot, panel: PanelCase) -> None:
    window = _window(qtbot, panel)
    window.show()
    qtbot.waitExposed(window)
    grid = window.grid
    rect = grid.visualRect(window.model.index(1, 3))  # D5 × the member who found nothing
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert MEMBERS[2] in window.detail.toPlainText()
    rect = grid.visualRect(window.model.index(0, 2))  # E8 × 赵评查
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = window.detail.toPlainText()
    assert "非法证据未排除，导致错误起诉" in text and "审查报告" in text and "2" in text


def test_reconciling_every_disagreement_and_finalising_by_keyboard(qtbot: QtBot, panel: PanelCase) -> None:
    p = panel
    window = _window(qtbot, p)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):  # window shortcuts need the active window
        window.activateWindow()
    window.grid.setFocus()
    assert window.current_row() is not None and window.current_row().item_code == "E8"  # the first open one
    qtbot.keyClick(window.grid, Qt.Key.Key_Right)  # to 赵评查's cell: the detail follows the keyboard
    assert "错误起诉" in window.detail.toPlainText()
    qtbot.keyClick(window.grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.severity, timeout=3000)
    assert window.severity.currentData() == "一般司法错误"  # the majority is offered first
    qtbot.keyClick(window.severity, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reason, timeout=3000)
    type_text(qtbot, window.reason, "两名评查员认定一般司法错误")
    qtbot.keyClick(window.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # The grid goes on to the next open disagreement once the write landed (the hub may refresh it first).
    qtbot.waitUntil(lambda: window.current_row() is not None and window.current_row().item_code == "D5", timeout=15000)
    assert window.model.rows[0].decision is not None
    assert QApplication.focusWidget() is window.grid
    qtbot.keyClick(window.grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.severity, timeout=3000)
    qtbot.keyClick(window.severity, Qt.Key.Key_End)  # "no problem"
    assert window.severity.currentData() is None
    qtbot.keyClick(window.severity, Qt.Key.Key_Tab)
    type_text(qtbot, window.reason, "落款日期问题已在卷内补正")
    qtbot.keyClick(window.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.comparison.open_items and not window.ops.running, timeout=15000)
    d5 = window.model.rows[1]
    assert d5.decision is not None and d5.decision.severity is None and "补正" in d5.decision.reason
    assert window.model.data(window.model.index(1, 0), Qt.ItemDataRole.BackgroundRole).color() != OPEN_TINT
    assert window.finalise_button.isEnabled()
    window.finalise_button.setFocus()
    qtbot.keyClick(window.finalise_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.comparison.status != ReviewStatus.RECONCILING.value, timeout=10000)
    assert compare_panel(p.wb, p.opinion_id).status == ReviewStatus.AWAITING_FEEDBACK.value
    assert not window.reconcile_button.isEnabled()


def test_a_reason_is_required_and_a_member_reads_but_cannot_reconcile(qtbot: QtBot, panel: PanelCase) -> None:
    window = _window(qtbot, panel)
    assert window.reconcile() is False and "E8" in window.status.text()
    panel.act(MEMBERS[1])
    member_view = ComparisonWindow(panel.wb, panel.opinion_id)
    qtbot.addWidget(member_view)
    assert member_view.model.rowCount() == 3  # every member submitted: the panel reads the comparison
    assert not member_view.reconcile_button.isEnabled() and not member_view.finalise_button.isEnabled()
    assert member_view.reconcile() is False and member_view.model.rows[0].decision is None
