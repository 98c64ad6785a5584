"""Contention is a visible busy state, never a frozen window or the bug apology: a workspace edit made while
another connection holds the write lock waits off the GUI thread with "数据库忙，正在等待…" shown, lands when
the lock is released, and "stop waiting" gives the plain busy message with nothing saved."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from reviewapp.services.workbench import Workbench
from reviewapp.storage.database import busy_message
from tests.db_target import WriteLockHolder
from tests.ui.test_workspace_scoring import demo_workbook, open_window, reviewable_case, settle
from ui import errors
from ui.ops import BusyIndicator
from ui.workspace import ScoringWorkspace

__all__ = ["demo_workbook"]  # the module-scoped fixture


@pytest.fixture
def lock_holder(wb: Workbench) -> Iterator[WriteLockHolder]:
    """Another connection (as another process would) that will hold the write lock."""
    other = WriteLockHolder(wb.db.url)
    yield other
    other.release()


def _indicator(window: ScoringWorkspace) -> BusyIndicator:
    found = window.findChild(BusyIndicator)
    assert isinstance(found, BusyIndicator)
    return found


def _gaps(qtbot: QtBot) -> tuple[QTimer, list[float]]:
    """The longest stretches the event loop went without running a 10 ms timer."""
    gaps: list[float] = []
    last = [time.monotonic()]

    def tick() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    return timer, gaps


def test_an_edit_waits_visibly_and_lands_when_the_lock_is_released(
    qtbot: QtBot, wb: Workbench, demo_workbook: Path, lock_holder: WriteLockHolder
) -> None:
    window = open_window(qtbot, wb, reviewable_case(wb, demo_workbook))
    indicator = _indicator(window)
    assert indicator.isHidden()
    lock_holder.acquire()
    timer, gaps = _gaps(qtbot)
    qtbot.keyClick(window.tree, "1")
    qtbot.waitUntil(lambda: not indicator.isHidden(), timeout=5000)
    assert indicator.label.text() == "数据库忙，正在等待…"
    qtbot.wait(700)  # the edit keeps waiting; the window keeps working
    assert window.session.state.findings == () and window.session.pending == 1
    timer.stop()
    assert max(gaps) < 0.1, f"the event loop stalled {max(gaps) * 1000:.0f} ms"
    lock_holder.release()
    settle(qtbot, window)
    assert [(f.item_code, f.severity) for f in window.session.state.findings] == [("E1", "司法瑕疵")]
    qtbot.waitUntil(indicator.isHidden, timeout=5000)
    window.close()


def test_stop_waiting_gives_the_plain_busy_message(
    qtbot: QtBot, wb: Workbench, demo_workbook: Path, lock_holder: WriteLockHolder
) -> None:
    window = open_window(qtbot, wb, reviewable_case(wb, demo_workbook))
    indicator = _indicator(window)
    lock_holder.acquire()
    qtbot.keyClick(window.tree, "1")
    qtbot.waitUntil(lambda: not indicator.isHidden(), timeout=5000)
    indicator.cancel_button.click()
    settle(qtbot, window)
    assert window.statusBar().currentMessage() == busy_message().splitlines()[0]  # DatabaseBusy, plain words
    assert not errors._open_boxes  # no bug apology
    assert window.session.state.findings == ()  # nothing saved
    qtbot.waitUntil(indicator.isHidden, timeout=5000)
    lock_holder.release()
    qtbot.keyClick(window.tree, "1")  # the next edit goes through as usual
    settle(qtbot, window)
    assert [f.item_code for f in window.session.state.findings] == ["E1"]
    window.close()
