"""The scoring workspace end to end: findings by keyboard (saved on the write runner), undo/redo through the
core's undo, the live grade proposal, submit and reopen, and the same state in a new window over the same
database."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from reviewapp.demo import generate_demo
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.reviews import commands as reviews
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, DossierDocument, ReviewEvent
from tests.accounts_fixtures import REVIEWER, sign_in
from tests.ui.conftest import close_bench
from tests.ui.typing import type_text
from ui.ops import ops_for
from ui.workspace import ScoringWorkspace

REVIEWER_NAME = "王评查"
REVIEWER_UNIT = "演示市人民检察院"


@pytest.fixture(scope="module")
def demo_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_demo(tmp_path_factory.mktemp("demo"), cases=6).workbook


def reviewable_case(wb: Workbench, workbook: Path) -> int:
    """Import the demo export, log in as a reviewer, return a closed 审查起诉 case with a dossier."""
    import_cases(wb, workbook)
    sign_in(wb, REVIEWER_NAME, roles=[REVIEWER], unit=REVIEWER_UNIT, department="案件管理部")
    with wb.db.session() as s:
        case_id = s.scalar(
            select(Case.id)
            .join(DossierDocument, DossierDocument.case_id == Case.id)
            .where(Case.closed_on.is_not(None), Case.case_type == "审查起诉")
            .group_by(Case.id)
            .having(func.count(DossierDocument.id) >= 2)
            .order_by(Case.id)
        )
    assert case_id is not None
    return case_id


@contextmanager
def beijing_time() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def open_window(qtbot: QtBot, wb: Workbench, case_id: int) -> ScoringWorkspace:
    window = ScoringWorkspace.open_for_case(wb, case_id)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):  # window shortcuts (the reviewer's keys) need the active window
        window.activateWindow()
    window.tree.setFocus()
    return window


def settle(qtbot: QtBot, window: ScoringWorkspace) -> None:
    """Wait until every edit sent from the window has landed (writes run on the write runner)."""
    qtbot.waitUntil(lambda: window.session.pending == 0 and window.suggestions.pending == 0, timeout=15000)


def key(
    qtbot,
    window: ScoringWorkspace,
    k: str | Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A key pressed with the focus where the reviewer's keys go (the checklist), and its write landed."""
    qtbot.keyClick(window.tree, k, modifier)
    settle(qtbot, window)


def write_reason(qtbot: QtBot, window: ScoringWorkspace, text: str) -> None:
    key(qtbot, window, "r")  # R jumps to the reason field
    assert window.editor.reason.hasFocus()
    type_text(qtbot, window.editor.reason, text)
    qtbot.keyClick(window.editor.reason, Qt.Key.Key_Return)  # Enter saves and gives the keys back
    settle(qtbot, window)
    assert window.tree.hasFocus()


def findings_of(window: ScoringWorkspace) -> dict[str, tuple[str, str]]:
    return {f.item_code: (f.severity, f.reason) for f in window.session.state.findings}


def test_score_by_keyboard_undo_redo_submit_and_reopen_in_a_new_window(
    qtbot: QtBot, qtmodeltester: ModelTester, wb: Workbench, demo_workbook: Path
) -> None:
    case_id = reviewable_case(wb, demo_workbook)
    window = open_window(qtbot, wb, case_id)
    assert window.current_item_code() == "E1"  # a fresh review starts at the first item
    assert window.grade.proposal.text() == "合格"

    key(qtbot, window, "1")
    write_reason(qtbot, window, "调取证据未出具调取证据通知书")
    key(qtbot, window, "j")
    assert window.current_item_code() == "E2"
    key(qtbot, window, "1")
    write_reason(qtbot, window, "扣押物品未随案登记")
    assert window.grade.proposal.text() == "基本合格"
    flaw_reason = window.grade.explanation.text()
    assert "E1" in flaw_reason and "E2" in flaw_reason and "仅存在司法瑕疵" in flaw_reason
    assert "R-FLAW" not in flaw_reason  # rule codes stay for machines

    for _ in range(5):
        key(qtbot, window, "j")
    assert window.current_item_code() == "E7"  # 瑕疵证据未予补正: 一般司法错误 only
    key(qtbot, window, "2")
    write_reason(qtbot, window, "辨认笔录无见证人签名，未补正")
    assert findings_of(window) == {
        "E1": ("司法瑕疵", "调取证据未出具调取证据通知书"),
        "E2": ("司法瑕疵", "扣押物品未随案登记"),
        "E7": ("一般司法错误", "辨认笔录无见证人签名，未补正"),
    }
    assert window.grade.proposal.text() == "不合格"
    error_reason = window.grade.explanation.text()
    assert "E7" in error_reason and "存在一般或严重司法错误" in error_reason and "R-ERROR" not in error_reason
    dim_e = window.model.index(0, 1)
    assert window.model.data(dim_e) == "问题：3"
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.grade.findings_model)
    assert [window.grade.findings_model.payload(r) for r in range(3)] == ["E1", "E2", "E7"]

    # Undo twice takes back E7's reason, then E7 itself — the core's undo, so the database agrees.
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    key(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier)
    key(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier)
    assert "E7" not in findings_of(window)
    assert "E7" not in {f.item_code for f in reviews.review_state(wb, window.session.state.id).findings}
    assert window.grade.proposal.text() == "基本合格"
    assert window.grade.explanation.text() == flaw_reason
    assert window.redo_action.isEnabled()
    key(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    key(qtbot, window, "y", Qt.KeyboardModifier.ControlModifier)  # Ctrl+Y redoes too
    assert findings_of(window)["E7"] == ("一般司法错误", "辨认笔录无见证人签名，未补正")
    assert window.grade.proposal.text() == "不合格"
    assert window.grade.explanation.text() == error_reason

    # N / P walk the items with findings.
    key(qtbot, window, "p")
    assert window.current_item_code() == "E2"
    key(qtbot, window, "n")
    assert window.current_item_code() == "E7"

    key(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    confirm = window.submit_confirm  # 不合格 is confirmed first, once
    assert confirm is not None and confirm.isVisible() and "不合格" in confirm.text()
    confirm.button(QMessageBox.StandardButton.Yes).click()
    settle(qtbot, window)
    state = window.session.state
    assert state.status == "submitted" and state.final_grade == "不合格"
    with beijing_time():  # stored in UTC: 17:30 on 1 March is 01:30 on 2 March in Beijing
        window.grade.refresh(dataclasses.replace(state, submitted_at=datetime(2026, 3, 1, 17, 30)))
        assert "2026-03-02 01:30" in window.grade.status.text()
    window.grade.refresh(state)
    key(qtbot, window, "1")  # a submitted review does not change
    assert findings_of(window)["E7"][0] == "一般司法错误"
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()  # submitted: nothing to undo
    assert not window.editor.reason.isEnabled() and not window.grade.grade_combo.isEnabled()
    assert ScoringWorkspace.open_for_case(wb, case_id) is window  # one window per review
    window.close()

    # "Restart": a new workbench and a new window over the same database file show the same state.
    again = Workbench.open(wb.db.url)
    sign_in(again, REVIEWER_NAME, roles=[REVIEWER], unit=REVIEWER_UNIT)
    try:
        reopened = open_window(qtbot, again, case_id)
        assert reopened is not window
        assert findings_of(reopened) == findings_of(window)
        assert reopened.session.state.status == "submitted"
        assert reopened.grade.proposal.text() == "不合格"
        assert reopened.grade.explanation.text() == error_reason
        assert reopened.current_item_code() == "E7"  # the place is remembered too
        assert not reopened.grade.submit_button.isEnabled()

        dialog = reopened.ask_reopen()
        assert dialog is not None
        qtbot.addWidget(dialog)
        dialog.try_accept()
        assert dialog.error.text() and dialog.isVisible()  # the reason is mandatory
        type_text(qtbot, dialog.reason, "检察长要求复核E7")
        dialog.try_accept()
        settle(qtbot, reopened)
        assert reopened.session.state.status == "draft"
        with again.db.session() as s:
            event = s.scalars(select(ReviewEvent).where(ReviewEvent.kind == "reopen")).one()
        assert event.reason == "检察长要求复核E7"
        reopened.close()
    finally:
        close_bench(again)


def test_submit_is_refused_until_every_finding_has_a_reason(qtbot: QtBot, wb: Workbench, demo_workbook: Path) -> None:
    window = open_window(qtbot, wb, reviewable_case(wb, demo_workbook))
    key(qtbot, window, "1")
    key(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.state.status == "draft"
    assert "E1" in window.grade.problems.text()
    key(qtbot, window, "3")  # E1 allows 司法瑕疵 only: refused, nothing changes
    assert findings_of(window)["E1"][0] == "司法瑕疵"
    assert "E1" in window.statusBar().currentMessage()
    write_reason(qtbot, window, "询问笔录未载明询问人")
    assert window.submit()
    settle(qtbot, window)
    assert window.session.state.final_grade == "基本合格"
    window.close()


def test_common_phrase_override_and_criteria(qtbot: QtBot, wb: Workbench, demo_workbook: Path) -> None:
    window = open_window(qtbot, wb, reviewable_case(wb, demo_workbook))
    key(qtbot, window, "1")
    editor = window.editor
    assert editor.phrase_combo.isEnabled()
    editor.phrase_combo.setCurrentIndex(1)
    editor.phrase_combo.activated.emit(1)
    settle(qtbot, window)
    phrase = window.session.state.standard.item("E1").phrases[0]
    finding = window.session.finding("E1")
    assert finding is not None and finding.phrase == phrase and finding.reason == phrase

    # A grade other than the proposal is saved only with its reason.
    panel = window.grade
    panel.grade_combo.setCurrentIndex(panel.grades.index("合格") + 1)
    panel.grade_combo.activated.emit(panel.grade_combo.currentIndex())
    settle(qtbot, window)
    assert window.session.state.final_grade is None and "合格" in panel.problems.text()
    type_text(qtbot, panel.override_reason, "瑕疵轻微，经评查组合议")
    qtbot.keyClick(panel.override_reason, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.session.state.final_grade == "合格"
    assert window.session.state.override_reason == "瑕疵轻微，经评查组合议"

    # Clearing the finding and ticking every 优质 criterion with a justification proposes 优质.
    window.tree.setFocus()
    key(qtbot, window, Qt.Key.Key_Delete)
    assert window.session.finding("E1") is None
    for box in panel.criteria_boxes.values():
        box.click()
        settle(qtbot, window)
    type_text(qtbot, panel.justification, "证据扎实，说理充分")
    qtbot.keyClick(panel.justification, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.session.state.proposal.grade == "优质"
    assert panel.proposal.text() == "优质"
    window.undo_action.trigger()  # the justification goes, so 优质 does too
    settle(qtbot, window)
    assert window.session.state.proposal.grade == "合格"
    window.close()


def test_reason_saved_while_typing_and_on_close_undone_in_one_step(
    qtbot: QtBot, wb: Workbench, demo_workbook: Path
) -> None:
    case_id = reviewable_case(wb, demo_workbook)
    window = open_window(qtbot, wb, case_id)
    key(qtbot, window, "1")
    key(qtbot, window, "r")
    type_text(qtbot, window.editor.reason, "询问笔录")
    # No Enter: a pause in typing saves the reason by itself.
    qtbot.waitUntil(lambda: findings_of(window)["E1"][1] == "询问笔录", timeout=5000)
    type_text(qtbot, window.editor.reason, "未载明询问人")
    qtbot.keyClick(window.editor.reason, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert findings_of(window)["E1"][1] == "询问笔录未载明询问人"
    # The reason is one undo step however often it was saved; the step before it is the severity.
    key(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier)
    assert findings_of(window)["E1"] == ("司法瑕疵", "")
    key(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier)
    assert "E1" not in findings_of(window)
    key(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    key(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert findings_of(window)["E1"] == ("司法瑕疵", "询问笔录未载明询问人")

    # Deductions: the running total follows a changed deduction; the item's default is stored as "default".
    item = window.session.state.standard.item("E1")
    window.editor.deduction.setValue(item.deduction + 3)
    window.editor.commit_deduction()
    settle(qtbot, window)
    finding = window.session.finding("E1")
    assert finding is not None and finding.deduction == item.deduction + 3
    assert window.session.state.proposal.total_deduction == item.deduction + 3
    assert f"{item.deduction + 3:g}" in window.grade.score.text()

    # Picking a finding from the list goes to its item.
    key(qtbot, window, "j")
    assert window.current_item_code() == "E2"
    view = window.grade.findings_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(0, 2)).center())
    assert window.current_item_code() == "E1" and window.tree.hasFocus()

    # A reason still being typed when the window closes is saved, not lost.
    key(qtbot, window, "r")
    type_text(qtbot, window.editor.reason, "，已补正")
    window.close()
    ops_for(wb).wait()
    saved = reviews.review_state(wb, window.session.state.id).findings
    assert [(f.item_code, f.reason) for f in saved] == [("E1", "询问笔录未载明询问人，已补正")]


def test_severity_buttons_follow_the_stored_finding(qtbot: QtBot, wb: Workbench, demo_workbook: Path) -> None:
    window = open_window(qtbot, wb, reviewable_case(wb, demo_workbook))
    buttons = window.editor.severity_buttons
    assert buttons[None].isChecked() and not buttons["严重司法错误"].isEnabled()  # E1 allows 司法瑕疵 only
    qtbot.mouseClick(buttons[None], Qt.MouseButton.LeftButton)  # no finding yet: nothing to clear
    settle(qtbot, window)
    assert buttons[None].isChecked() and window.session.state.findings == ()
    qtbot.mouseClick(buttons["司法瑕疵"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert findings_of(window) == {"E1": ("司法瑕疵", "")}
    assert buttons["司法瑕疵"].isChecked() and not buttons[None].isChecked()
    qtbot.mouseClick(buttons["司法瑕疵"], Qt.MouseButton.LeftButton)  # clicking it again keeps it
    settle(qtbot, window)
    assert buttons["司法瑕疵"].isChecked() and findings_of(window) == {"E1": ("司法瑕疵", "")}
    qtbot.mouseClick(buttons[None], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.session.state.findings == () and buttons[None].isChecked()
    window.close()
