"""The history of one review (评查历史) from the workspace: who did what when (local time), before → after,
from the audit trail; it follows further edits while open."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reviewapp.services.workbench import Workbench
from tests.ui.test_workspace_scoring import (
    REVIEWER_NAME,
    demo_workbook,
    key,
    open_window,
    reviewable_case,
    write_reason,
)
from ui.review_history import ReviewHistory

__all__ = ["demo_workbook"]  # the module-scoped fixture


def test_history_lists_who_did_what_and_follows_edits(
    qtbot: QtBot, qtmodeltester: ModelTester, wb: Workbench, demo_workbook: Path
) -> None:
    window = open_window(qtbot, wb, reviewable_case(wb, demo_workbook))
    key(qtbot, window, "1")
    write_reason(qtbot, window, "询问笔录未载明询问人")
    key(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier)

    key(qtbot, window, "h", Qt.KeyboardModifier.ControlModifier)  # Ctrl+H opens the history
    history = window.history
    assert isinstance(history, ReviewHistory) and history.isVisible()
    qtbot.addWidget(history)
    model = history.model
    qtmodeltester.check(model)
    rows = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
    what = [r[3] for r in rows]
    assert what[:4] == ["开始评查", "记录问题", "修改问题", "撤销"]
    assert {r[2] for r in rows} == {REVIEWER_NAME}
    assert [int(r[0]) for r in rows] == sorted(int(r[0]) for r in rows)  # oldest first, by chain order
    when = datetime.strptime(rows[1][1], "%Y-%m-%d %H:%M:%S")
    assert abs((when - datetime.now()).total_seconds()) < 600  # local time, not UTC
    assert "→" in rows[2][4] and "询问笔录未载明询问人" in rows[2][4]  # the reason, before → after
    assert "条记录" in history.message.text()

    count = model.rowCount()
    key(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: model.rowCount() == count + 1)  # the open history follows the review
    assert model.data(model.index(count, 3)) == "重做"
    history.close()
    window.close()
